using Eligibility.Engine;

namespace Eligibility.Rules;

/// <summary>Combines the findings of a stated condition and the claims derived from it into one result: the best outcome for the patient.</summary>
public sealed class ConditionResultRule : Rule
{
    /// <inheritdoc/>
    public override void Define(RuleBuilder rule)
    {
        rule.Id("condition-result").Name("Condition result").Priority(50)
            .Description("A stated condition's result is the best of its own finding and the findings of the claims derived from it.");
        var when = rule.When();
        var claim = when.Match<ConditionClaim>();
        when.Not<ConditionResult>(r => r.Where(claim, "a result for this condition", (result, c) => ReferenceEquals(result.Claim, c)));
        var findings = when.Collect<ConditionFinding>()
            .Where(claim, "findings for this condition or claims derived from it", (f, c) => ReferenceEquals(f.Claim.Origin, c));
        var scope = when.Collect<ProductScopeLimit>();
        rule.Then().Insert(m =>
        {
            var c = m.Get(claim);
            var all = m.Get(findings);
            var best = all.Count == 0
                ? new ConditionFinding(c, Outcome.LawUnknown, Basis.None, null, [], null, $"No rule reached a finding for {c.ConditionName.ToLowerInvariant()}.")
                : Best(all);
            var scopes = m.Get(scope);
            var limited = scopes.Count > 0 && OutcomeText.Rank(best.Outcome) <= OutcomeText.Rank(Outcome.PractitionerDiscretion);
            return new ConditionResult(c, best, limited ? scopes[0].Scope : null);
        });
    }

    /// <summary>The best outcome for the patient, the stated claim's own finding first on a tie, then the first found (a stable order).</summary>
    private static ConditionFinding Best(IReadOnlyList<ConditionFinding> findings)
    {
        var best = findings[0];
        var bestKey = Key(best);
        for (var i = 1; i < findings.Count; i++)
        {
            var key = Key(findings[i]);
            if (key < bestKey)
            {
                best = findings[i];
                bestKey = key;
            }
        }

        return best;

        static int Key(ConditionFinding f) => (OutcomeText.Rank(f.Outcome) * 2) + (f.Claim is ConditionClaim ? 0 : 1);
    }
}
