using Eligibility.Rules.Internal;
using NRules.Fluent.Dsl;

namespace Eligibility.Rules;

/// <summary>Decides <see cref="Outcome.UnknownCondition"/> for input that names no known condition.</summary>
[RuleId("unresolved-condition"), Name("Unresolved condition"), Priority(100)]
[Description("Input that names no known condition is reported as unknown, with suggestions; it is never guessed.")]
public sealed class UnresolvedConditionRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        ConditionClaim claim = default!;

        When()
            .Match(() => claim, c => Label.Is("the condition was not recognised", c.ConditionId == null));
        Then()
            .Yield(_ => Derive.Unresolved(claim));
    }
}
