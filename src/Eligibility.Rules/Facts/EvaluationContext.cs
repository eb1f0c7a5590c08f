using Eligibility.Law;
using Eligibility.Rules.Internal;

namespace Eligibility.Rules;

/// <summary>
/// Input fact: a jurisdiction's law as it stands throughout one law period — the days between two of its change
/// points, on each of which every listing, the program and any practitioner discretion are the same. Because the law
/// never changes inside a period, one context serves every query dated in it (and stays propagated in a warm session);
/// the query's own day is the <see cref="AsOfDay"/> fact.
/// </summary>
public sealed class EvaluationContext
{
    private readonly Dictionary<string, ConditionEntry> _listings;

    /// <summary>Creates the context of the law period that holds <paramref name="day"/>; the program, discretion and listings in force are looked up once here.</summary>
    /// <param name="law">The jurisdiction's law.</param>
    /// <param name="day">Any day of the period.</param>
    public EvaluationContext(JurisdictionLaw law, DateOnly day)
    {
        Law = law ?? throw new ArgumentNullException(nameof(law));
        Period = law.PeriodOf(day);
        Program = law.ProgramOn(day);
        Discretion = law.DiscretionOn(day);
        _listings = new Dictionary<string, ConditionEntry>(StringComparer.Ordinal);
        foreach (var entry in law.Conditions)
        {
            if (entry.Range.Contains(day))
            {
                _listings[entry.ConditionId] = entry;
            }
        }
    }

    /// <summary>The jurisdiction's law.</summary>
    public JurisdictionLaw Law { get; }

    /// <summary>The law period this context describes, <c>[From, Until)</c>.</summary>
    public DateRange Period { get; }

    /// <summary>The program period in force, or null.</summary>
    public ProgramPeriod? Program { get; }

    /// <summary>The discretion period in force, or null.</summary>
    public DiscretionPeriod? Discretion { get; }

    /// <summary>True when a medical program (of any kind but none) holds.</summary>
    public bool HasProgram => Program is { Kind: not ProgramKind.None };

    /// <summary>The listing of a condition in force, or null.</summary>
    /// <param name="conditionId">Canonical id.</param>
    /// <returns>The entry or null.</returns>
    public ConditionEntry? ListingOf(string? conditionId) =>
        conditionId is not null && _listings.TryGetValue(conditionId, out var entry) ? entry : null;

    /// <summary>Whether the law lists the condition.</summary>
    /// <param name="conditionId">Canonical id.</param>
    /// <returns>True for a listing with status <see cref="ListingStatus.Listed"/>.</returns>
    public bool Lists(string? conditionId) => ListingOf(conditionId) is { Status: ListingStatus.Listed };

    /// <summary>Whether the data holds no entry at all for the condition.</summary>
    /// <param name="conditionId">Canonical id.</param>
    /// <returns>True when nothing is recorded for it in this period.</returns>
    public bool HasNoEntryFor(string? conditionId) => ListingOf(conditionId) is null;

    /// <summary>Whether the data marks the condition's status as not established.</summary>
    /// <param name="conditionId">Canonical id.</param>
    /// <returns>True for an entry with status <see cref="ListingStatus.Unknown"/>.</returns>
    public bool MarksUnknown(string? conditionId) => ListingOf(conditionId) is { Status: ListingStatus.Unknown };

    /// <summary>Whether an addition of the condition to the list was considered and rejected.</summary>
    /// <param name="conditionId">Canonical id.</param>
    /// <returns>True for an entry with status <see cref="ListingStatus.Rejected"/>.</returns>
    public bool Rejects(string? conditionId) => ListingOf(conditionId) is { Status: ListingStatus.Rejected };

    /// <summary>Whether a claim's condition is listed and every qualifier of the listing (and of the claim's derivation) has been shown.</summary>
    /// <param name="claim">The claim.</param>
    /// <returns>True when nothing is left to attest.</returns>
    public bool QualifiersMet(IClaim claim) => ListingOf(claim.ConditionId) is { } entry && NothingLeftToShow(entry, claim);

    /// <summary>Whether the data holds an entry for a claim's condition whose qualifiers (and the claim's derivation's) have not all been shown.</summary>
    /// <param name="claim">The claim.</param>
    /// <returns>True when something is left to attest.</returns>
    public bool QualifiersUnmet(IClaim claim) => ListingOf(claim.ConditionId) is { } entry && !NothingLeftToShow(entry, claim);

    private static bool NothingLeftToShow(ConditionEntry entry, IClaim claim) =>
        (entry.Qualifiers.Count == 0 && claim.AddedQualifiers.Count == 0) || Listings.AllQualifiersMet(entry, claim);

    /// <summary>Whether a practitioner may certify an unlisted condition for this patient.</summary>
    /// <param name="patient">The patient.</param>
    /// <returns>True when discretion is allowed and any age limit is met (an unknown age is not held against the patient).</returns>
    public bool DiscretionAppliesTo(PatientFact patient) =>
        Discretion is { Allowed: true } d && (d.MinimumPatientAge is null || patient.Age is null || patient.Age >= d.MinimumPatientAge);
}

/// <summary>Input fact: the day a query asks about.</summary>
/// <remarks>A class, not a record: facts are told apart by reference.</remarks>
public sealed class AsOfDay
{
    /// <summary>Creates the fact.</summary>
    /// <param name="day">The day.</param>
    public AsOfDay(DateOnly day) => Day = day;

    /// <summary>The day.</summary>
    public DateOnly Day { get; }
}
