using Eligibility.Rules.Internal;
using NRules.Fluent.Dsl;

namespace Eligibility.Rules;

/// <summary>Chooses a stated condition's result: the best of its own finding and the findings of the claims derived from it.</summary>
[RuleId("condition-result"), Name("Condition result"), Priority(50)]
[Description("A stated condition's result is the best of its own finding and the findings of the claims derived from it.")]
public sealed class ConditionResultRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        ConditionClaim claim = default!;
        IEnumerable<ConditionFinding> findings = default!;
        IEnumerable<ProductScopeLimit> scopes = default!;

        // The collections re-fire this rule if they change after it fired; it runs after every finding rule (priority
        // 80 and above), so in the standard rules it fires once, and Yield keeps a single result per condition.
        When()
            .Match(() => claim)
            .Query(() => findings, q => q
                .Match<ConditionFinding>(f => Label.Is("findings for this condition or claims derived from it", f.Claim.Origin == claim))
                .Collect())
            .Query(() => scopes, q => q.Match<ProductScopeLimit>().Collect());
        Then()
            .Yield(_ => Derive.Result(claim, findings, scopes));
    }
}
