using Eligibility.Engine;

namespace Eligibility.Rules;

/// <summary>Decides <see cref="Outcome.UnknownCondition"/> for input that did not resolve to a canonical condition.</summary>
public sealed class UnresolvedConditionRule : Rule
{
    /// <inheritdoc/>
    public override void Define(RuleBuilder rule)
    {
        rule.Id("unresolved-condition").Name("Unresolved condition").Priority(100)
            .Description("Input that names no known condition is reported as unknown, with suggestions; it is never guessed.");
        var claim = rule.When().Match<ConditionClaim>()
            .Where("the condition was not recognised", c => c.ConditionId is null);
        rule.Then().Insert(m =>
        {
            var c = m.Get(claim);
            var hint = c.Suggestions.Count == 0 ? "" : $" Did you mean: {string.Join(", ", c.Suggestions)}?";
            var why = c.UnresolvedReason is null ? "" : $" ({c.UnresolvedReason}; never mapped)";
            return new ConditionFinding(c, Outcome.UnknownCondition, Basis.None, null, [], null, $"\"{c.Input}\" is not a condition the library recognises{why}.{hint}");
        });
    }
}
