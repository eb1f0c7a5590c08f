using Eligibility.Data;
using Eligibility.Internal;
using Eligibility.Rules;
using Eligibility.Rules.Execution;
using NRules.Fluent.Dsl;
using Microsoft.Extensions.Logging.Abstractions;

namespace Eligibility.Benchmarks;

/// <summary>The data, engines and queries every benchmark shares: the real law files, the standard rules, fixed dates.</summary>
public static class BenchData
{
    /// <summary>A fixed as-of date so that no benchmark depends on the clock.</summary>
    public static readonly DateOnly AsOf = new(2026, 11, 22);

    /// <summary>The as-of dates the lookup baseline is precomputed for.</summary>
    public static readonly DateOnly[] LookupDates = [new(2018, 1, 1), new(2022, 1, 1), AsOf];

    /// <summary>The eight foundation jurisdictions (tests/Eligibility.Tests/Jurisdictions).</summary>
    public static readonly string[] Foundation = ["CA", "FL", "ID", "IL", "NJ", "NY", "PA", "TX"];

    public const string Jurisdiction = "NJ";

    public const string Condition = "opioid-use-disorder";

    /// <summary>Five conditions: the three focus conditions and two common ones, as ids.</summary>
    public static readonly string[] FiveConditions = ["opioid-use-disorder", "chronic-pain", "opioid-withdrawal", "ptsd", "cancer"];

    private const string Prefix = "Eligibility.Data.states.";

    private static (string Name, byte[] Bytes)[]? _files;

    /// <summary>Every jurisdiction file (data/states/*.json, as embedded in the Eligibility assembly), ordered by name.</summary>
    public static (string Name, byte[] Bytes)[] Files => _files ??= ReadFiles();

    /// <summary>Twenty distinct condition ids from the catalog, the focus conditions first.</summary>
    public static string[] Conditions(int count) =>
        [.. FiveConditions.Concat(ConditionCatalog.Default.All.Select(c => c.Id).Where(id => !FiveConditions.Contains(id))).Take(count)];

    public static EligibilityQuery Query(int conditions = 1, bool explain = false, string jurisdiction = Jurisdiction) => new()
    {
        Jurisdiction = jurisdiction,
        Conditions = conditions == 1 ? [Condition] : conditions == 5 ? FiveConditions : Conditions(conditions),
        AsOf = AsOf,
        Explain = explain,
    };

    /// <summary>A library of the given jurisdictions (USPS codes), or all of them.</summary>
    public static LawLibrary Library(IReadOnlyCollection<string>? codes = null) =>
        LawLibrary.Build(codes is null ? Files : Files.Where(f => codes.Contains(Path.GetFileNameWithoutExtension(f.Name).ToUpperInvariant(), StringComparer.Ordinal)));

    /// <summary>The engine exactly as <see cref="EligibilityEngine.Create"/> makes it, over a given library and extra rules.</summary>
    public static IEligibilityEngine Engine(LawLibrary? library = null, IEnumerable<Rule>? additionalRules = null) =>
        new DefaultEligibilityEngine(LawSource.FromLibrary(library ?? LawLibrary.LoadEmbedded()), ConditionCatalog.Default, new ConditionResolver(ConditionCatalog.Default),
            additionalRules ?? [], TimeProvider.System, NullLogger.Instance);

    /// <summary>The engine with a decision cache (opt-in in the library; reported apart from the rules' own speed).</summary>
    public static IEligibilityEngine CachedEngine(LawLibrary? library = null) =>
        new DefaultEligibilityEngine(LawSource.FromLibrary(library ?? LawLibrary.LoadEmbedded()), ConditionCatalog.Default, new ConditionResolver(ConditionCatalog.Default),
            DefaultEligibilityEngine.CompileRules([]), TimeProvider.System, NullLogger.Instance, decisionCacheSize: 10_000);

    /// <summary>
    /// Naive NRules on the same rules, for comparison: a new session per query with the law inserted and propagated
    /// every time (what NRules' own samples do), instead of warm sessions that keep each law period propagated.
    /// </summary>
    public static IEligibilityEngine NaiveEngine(LawLibrary? library = null) =>
        new DefaultEligibilityEngine(LawSource.FromLibrary(library ?? LawLibrary.LoadEmbedded()), ConditionCatalog.Default, new ConditionResolver(ConditionCatalog.Default),
            DefaultEligibilityEngine.CompileRules([]), TimeProvider.System, NullLogger.Instance, runnerOptions: new RunnerOptions { WarmSessions = false });

    /// <summary>Synthetic consumer rules that never match or that match once per stated condition.</summary>
    public static Rule[] SyntheticRules(int count, bool match) => [.. Enumerable.Range(0, count).Select(i => (Rule)new SyntheticRule(i, match))];

    private static (string Name, byte[] Bytes)[] ReadFiles()
    {
        var assembly = typeof(LawLibrary).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                return (n[Prefix.Length..], buffer.ToArray());
            })];
    }
}

/// <summary>
/// A consumer rule shaped like the standard ones (joins the context and a stated condition, with a labelled
/// condition): either it never matches (it asks about a condition id no one has) or it matches every recognised
/// condition and adds an advisory.
/// </summary>
public sealed class SyntheticRule(int number, bool matches) : Rule
{
    public override void Define()
    {
        var id = $"synthetic-{(matches ? "match" : "miss")}-{number}";
        var target = $"synthetic-condition-{number}";
        var text = $"synthetic clinic policy {number} applies";
        EvaluationContext context = default!;
        ConditionClaim claim = default!;

        Name(id);
        Priority(40);
        When().Match(() => context);
        if (matches)
        {
            When().Match(() => claim, c => Label.Is("the condition was recognised", c.ConditionId != null));
        }
        else
        {
            When().Match(() => claim, c => Label.Is("the condition is the synthetic one", c.ConditionId == target));
        }

        Then().Yield(_ => new Advisory(id, text, null));
    }
}
