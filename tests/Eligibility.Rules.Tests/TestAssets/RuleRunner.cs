using Eligibility.Engine;
using Eligibility.Law;

namespace Eligibility.Rules.Tests.TestAssets;

/// <summary>Runs the standard rules over one jurisdiction and a few claims, and reads the results.</summary>
public static class RuleRunner
{
    private static readonly RuleSet Set = new RuleSetBuilder().AddStandardRules().Compile();

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

    public static Outcome Overall(this ISession session) => session.Query<OverallDecision>().Single().Outcome;

    public static ConditionFinding ResultFor(this ISession session, string input) =>
        session.Query<ConditionResult>().Single(r => r.Claim.Input == input).Finding;

    public static ConditionResult Result(this ISession session, string input) =>
        session.Query<ConditionResult>().Single(r => r.Claim.Input == input);

    public static ISession Run(JurisdictionLaw law, string asOf, params string[] conditions) =>
        Run(law, asOf, new PatientFact(null, false, []), [], null, conditions);

    public static ISession Run(JurisdictionLaw law, string asOf, PatientFact patient, QualifierKind[] attested, int? durationMonths, params string[] conditions)
    {
        var session = Set.CreateSession(new SessionOptions { Explain = true });
        session.Insert(Vocabulary);
        session.Insert(new EvaluationContext(law, LawBuilder.D(asOf)));
        session.Insert(patient);
        for (var i = 0; i < conditions.Length; i++)
        {
            var id = conditions[i].StartsWith('?') ? null : conditions[i];
            var implied = new HashSet<QualifierKind>(attested);
            if (id == "intractable-pain")
            {
                implied.Add(QualifierKind.Intractable);
            }

            session.Insert(new ConditionClaim(i, conditions[i], id, id is null ? conditions[i] : Vocabulary.NameOf(id), implied, durationMonths, id is null ? ["migraine"] : []));
        }

        session.Fire();
        return session;
    }
}
