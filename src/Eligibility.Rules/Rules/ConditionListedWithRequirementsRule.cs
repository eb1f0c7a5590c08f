using Eligibility.Rules.Internal;
using NRules.Fluent.Dsl;

namespace Eligibility.Rules;

/// <summary>Decides <see cref="Outcome.QualifiesWithRequirements"/> when the law lists the condition with qualifiers not yet shown; they become requirements.</summary>
[RuleId("condition-listed-with-requirements"), Name("Condition listed with qualifiers"), Priority(80)]
[Description("A condition the law lists with qualifiers the caller has not shown qualifies once a practitioner attests them.")]
public sealed class ConditionListedWithRequirementsRule : Rule
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
                c => Label.Is("the law attaches qualifiers not yet shown", context.QualifiersUnmet(c)));
        Then()
            .Yield(_ => Derive.ListedWithRequirements(context, claim));
    }
}
