using Eligibility.Law;

namespace Eligibility;

/// <summary>
/// Decides medical-cannabis eligibility from the loaded law. Thread-safe: one instance (a DI singleton) serves
/// every thread. Patient data is used for the answer only; it is never logged or kept.
/// </summary>
/// <remarks>
/// The law can be replaced while the engine runs (<see cref="Reload"/>, or a watcher with
/// <see cref="EligibilityOptions.WatchDataDirectory"/>). Each call reads the law once and answers wholly from it: a
/// query (or a whole <see cref="Scan"/>) running during a reload answers entirely from the old law or entirely from the
/// new one. Dispose the engine to stop the watcher (the DI container does this for its singleton); an engine without a
/// watcher holds nothing to release, and a disposed engine still answers from the law it holds.
/// </remarks>
/// <threadsafety instance="true"/>
public interface IEligibilityEngine : IDisposable
{
    /// <summary>Content hash of all the law loaded.</summary>
    string DataVersion { get; }

    /// <summary>Every loaded jurisdiction's law, ordered by code.</summary>
    IReadOnlyList<JurisdictionLaw> Jurisdictions { get; }

    /// <summary>Decides a query.</summary>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">Stops the evaluation.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentException">The query is malformed: unknown jurisdiction, no or too many conditions, impossible age; the message says what to send instead.</exception>
    EligibilityDecision Evaluate(EligibilityQuery query, CancellationToken cancellationToken = default);

    /// <summary>Decides one condition in every loaded jurisdiction.</summary>
    /// <param name="condition">The condition as typed.</param>
    /// <param name="asOf">The day; null for today.</param>
    /// <param name="cancellationToken">Stops the scan.</param>
    /// <returns>One decision per jurisdiction, ordered by code.</returns>
    /// <exception cref="ArgumentException">The condition is empty or too long.</exception>
    IReadOnlyList<EligibilityDecision> Scan(string condition, DateOnly? asOf = null, CancellationToken cancellationToken = default);

    /// <summary>The history of a condition in a jurisdiction: each period with its outcome, basis and citation, read from the dated law.</summary>
    /// <param name="jurisdiction">USPS code.</param>
    /// <param name="condition">The condition as typed.</param>
    /// <returns>The periods, oldest first.</returns>
    /// <exception cref="ArgumentException">Unknown jurisdiction, or a condition that resolves to nothing.</exception>
    ConditionHistory History(string jurisdiction, string condition);

    /// <summary>What changed between two dates: programs started or ended, conditions added, removed or changed, discretion granted or withdrawn.</summary>
    /// <param name="from">The earlier day.</param>
    /// <param name="to">The later day.</param>
    /// <param name="jurisdiction">One jurisdiction, or null for all.</param>
    /// <returns>The changes, each with its date and citation, by jurisdiction and date.</returns>
    /// <exception cref="ArgumentException">Unknown jurisdiction, or <paramref name="to"/> before <paramref name="from"/>.</exception>
    IReadOnlyList<LawChange> Diff(DateOnly from, DateOnly to, string? jurisdiction = null);

    /// <summary>Re-evaluates an earlier decision's query on another date and says what would now come out differently, and why.</summary>
    /// <param name="previous">The earlier decision (as this library produced it, with its query).</param>
    /// <param name="asOf">The new day; null for today.</param>
    /// <returns>The comparison and the new decision.</returns>
    /// <exception cref="ArgumentException">The decision carries no query, or its query is no longer valid.</exception>
    RecheckResult Recheck(EligibilityDecision previous, DateOnly? asOf = null);

    /// <summary>
    /// Loads the law again from where it came from (the data directory, or the embedded data) and validates it
    /// completely; only then swaps it in, atomically. When the new law is invalid anywhere, nothing of it is used: the
    /// old law keeps answering, the result lists the problems and a warning is logged (with data-file problems only,
    /// never patient data). New law that lacks a jurisdiction loaded now (a deleted or renamed file) is refused the
    /// same way unless <see cref="EligibilityOptions.AllowJurisdictionRemoval"/> is set. Safe to call from any thread
    /// while queries run; concurrent reloads run one at a time.
    /// </summary>
    /// <returns>Whether it succeeded, the data versions before and after, and the problems if it failed.</returns>
    ReloadResult Reload();

    /// <summary>Kratom's legal status in a jurisdiction on a day.</summary>
    /// <param name="jurisdiction">USPS code.</param>
    /// <param name="asOf">The day; null for today.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="ArgumentException">Unknown jurisdiction.</exception>
    KratomAnswer Kratom(string jurisdiction, DateOnly? asOf = null);
}

/// <summary>Kratom's status in a jurisdiction on a day.</summary>
/// <param name="Jurisdiction">USPS code.</param>
/// <param name="AsOf">The day.</param>
/// <param name="Status">Legal, regulated, banned or unknown.</param>
/// <param name="MinimumAge">Minimum age where regulated.</param>
/// <param name="Citation">The law behind it.</param>
/// <param name="SourceUrl">The source.</param>
/// <param name="Confidence">How sure the data is.</param>
/// <param name="Note">Caveats.</param>
public sealed record KratomAnswer(string Jurisdiction, DateOnly AsOf, KratomStatus Status, int? MinimumAge, string? Citation, string? SourceUrl, Confidence? Confidence, string? Note);
