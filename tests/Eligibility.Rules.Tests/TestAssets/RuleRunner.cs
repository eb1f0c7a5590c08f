using Eligibility.Law;
using Eligibility.Rules.Execution;

namespace Eligibility.Rules.Tests.TestAssets;

/// <summary>Runs the standard rules over one jurisdiction and a few claims, and reads the results.</summary>
public static class RuleRunner
{
    internal static readonly CompiledRules Compiled = CompiledRules.Compile(StandardRules.Create());

    public static readonly ConditionVocabulary Vocabulary = ConditionVocabulary.FromRelations(
        new Dictionary<string, string>
        {
            ["chronic-pain"] = "Chronic pain",
            ["intractable-pain"] = "Intractable pain",
            ["opioid-use-disorder"] = "Opioid use disorder",
            ["opioid-withdrawal"] = "Opioid withdrawal",
            ["substance-use-disorder"] = "Substance use disorder",
            ["cancer"] = "Cancer",
            ["cancer-related-pain"] = "Cancer-related pain",
            ["migraine"] = "Migraine",
        },
        new Dictionary<string, string[]>
        {
            ["intractable-pain"] = ["chronic-pain"],
            ["cancer-related-pain"] = ["chronic-pain", "cancer"],
            ["opioid-use-disorder"] = ["substance-use-disorder"],
        },
        new Dictionary<string, QualifierKind> { ["intractable-pain"] = QualifierKind.Intractable });

    // The production path (warm sessions), and a new session per query with near-misses (explain mode).
    private static readonly Eligibility.Rules.Execution.RuleRunner Warm = new(Compiled, Vocabulary);
    private static readonly Eligibility.Rules.Execution.RuleRunner Fresh = new(Compiled, Vocabulary, new RunnerOptions { WarmSessions = false });

    internal static IEnumerable<T> Query<T>(this RuleRun run) => run.Facts.Select(f => f.Fact).OfType<T>();

    internal static Outcome Overall(this RuleRun run) => run.Query<OverallDecision>().Single().Outcome;

    internal static ConditionFinding ResultFor(this RuleRun run, string input) =>
        run.Query<ConditionResult>().Single(r => r.Claim.Input == input).Finding;

    internal static ConditionResult Result(this RuleRun run, string input) =>
        run.Query<ConditionResult>().Single(r => r.Claim.Input == input);

    internal static RuleRun Run(JurisdictionLaw law, string asOf, params string[] conditions) =>
        Run(law, asOf, new PatientFact(null, false, []), [], null, conditions);

    /// <summary>Runs on a warm session, checks that a new session (explain mode) reaches the same facts, and returns the warm run.</summary>
    internal static RuleRun Run(JurisdictionLaw law, string asOf, PatientFact patient, QualifierKind[] attested, int? durationMonths, params string[] conditions)
    {
        var warm = Warm.Run(law, LawBuilder.D(asOf), patient, Claims(attested, durationMonths, conditions), explain: false, CancellationToken.None);
        var fresh = Fresh.Run(law, LawBuilder.D(asOf), patient, Claims(attested, durationMonths, conditions), explain: true, CancellationToken.None);
        Shape(fresh).Should().Equal(Shape(warm), "a warm session must reach what a new session reaches");
        return warm;
    }

    /// <summary>A run as rule ids and fact summaries, in order.</summary>
    internal static IEnumerable<string> Shape(RuleRun run) =>
        run.Firings.Select(f => $"{f.Sequence} {f.Rule.Id} uses {string.Join(",", f.Matched.Select(m => m.InsertedBy?.Sequence ?? 0))} -> {string.Join(" | ", f.Inserted.Select(i => (i.Fact as IExplainable)?.Summary ?? i.Fact.GetType().Name))}");

    private static ConditionClaim[] Claims(QualifierKind[] attested, int? durationMonths, string[] conditions)
    {
        var claims = new ConditionClaim[conditions.Length];
        for (var i = 0; i < conditions.Length; i++)
        {
            var id = conditions[i].StartsWith('?') ? null : conditions[i];
            var implied = new HashSet<QualifierKind>(attested);
            if (id == "intractable-pain")
            {
                implied.Add(QualifierKind.Intractable);
            }

            claims[i] = new ConditionClaim(i, conditions[i], id, id is null ? conditions[i] : Vocabulary.NameOf(id), implied, durationMonths, id is null ? ["migraine"] : []);
        }

        return claims;
    }
}
