using Eligibility.Rules.Internal;
using NRules.Fluent.Dsl;

namespace Eligibility.Rules;

/// <summary>Decides <see cref="Outcome.NoProgram"/> for every recognised condition when no program is in force on the as-of date.</summary>
[RuleId("no-program-on-date"), Name("No program on date"), Priority(100)]
[Description("A jurisdiction without a medical program on the as-of date cannot qualify any condition.")]
public sealed class NoProgramOnDateRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationContext context = default!;
        AsOfDay day = default!;
        ConditionClaim claim = default!;

        When()
            .Match(() => context, c => Label.Is("no medical program is in force on the as-of date", !c.HasProgram))
            .Match(() => day)
            .Match(() => claim, c => Label.Is("the condition was recognised", c.ConditionId != null));
        Then()
            .Yield(_ => Derive.NoProgram(context, day, claim));
    }
}
