using Eligibility.Rules.Internal;
using NRules.Fluent.Dsl;

namespace Eligibility.Rules;

/// <summary>Decides <see cref="Outcome.Qualifies"/> when the law lists the condition and every qualifier has been shown.</summary>
[RuleId("condition-listed"), Name("Condition listed"), Priority(80)]
[Description("A condition the law lists on the as-of date, with every qualifier shown, qualifies.")]
public sealed class ConditionListedRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationContext context = default!;
        ProgramInForce program = default!;
        IClaim claim = default!;

        When()
            .Match(() => context)
            .Match(() => program)
            .Match(() => claim,
                c => Label.Is("the law lists the condition on the as-of date", context.Lists(c.ConditionId)),
                c => Label.Is("every qualifier the law attaches has been shown", context.QualifiersMet(c)));
        Then()
            .Yield(_ => Derive.Listed(context, claim));
    }
}
