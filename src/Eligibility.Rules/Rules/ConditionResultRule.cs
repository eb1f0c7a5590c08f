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
                : all.OrderBy(f => OutcomeText.Rank(f.Outcome)).ThenBy(f => f.Claim is ConditionClaim ? 0 : 1).First();
            var limited = m.Get(scope).Count > 0 && OutcomeText.Rank(best.Outcome) <= OutcomeText.Rank(Outcome.PractitionerDiscretion);
            return new ConditionResult(c, best, limited ? m.Get(scope)[0].Scope : null);
        });
    }
}
