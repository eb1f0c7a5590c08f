using Eligibility.Rules.Internal;
using NRules.Fluent.Dsl;

namespace Eligibility.Rules;

/// <summary>Decides <see cref="Outcome.NotQualifying"/> for a condition absent from a complete list where no discretion applies.</summary>
[RuleId("condition-not-qualifying"), Name("Condition not on the list"), Priority(80)]
[Description("A condition absent from the complete list, where no practitioner discretion applies, does not qualify.")]
public sealed class ConditionNotQualifyingRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationContext context = default!;
        PatientFact patient = default!;
        ProgramInForce program = default!;
        AsOfDay day = default!;
        IClaim claim = default!;

        When()
            .Match(() => context, c => Label.Is("the data holds the complete list of qualifying conditions", c.Law.ConditionList.Complete))
            .Match(() => patient)
            .Match(() => program)
            .Match(() => day)
            .Match(() => claim,
                c => Label.Is("the law does not list the condition on the as-of date", c.ConditionId != null && context.HasNoEntryFor(c.ConditionId)),
                c => Label.Is("no practitioner discretion applies", !context.DiscretionAppliesTo(patient)));
        Then()
            .Yield(_ => Derive.NotQualifying(context, day, claim));
    }
}
