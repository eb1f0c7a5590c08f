using Eligibility.Rules.Internal;
using NRules.Fluent.Dsl;

namespace Eligibility.Rules;

/// <summary>Decides <see cref="Outcome.LawUnknown"/> where the data does not establish the condition's status and no discretion applies.</summary>
[RuleId("condition-law-unknown"), Name("Law not established"), Priority(80)]
[Description("Where the data does not establish a condition's status, the answer says so instead of guessing.")]
public sealed class ConditionLawUnknownRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationContext context = default!;
        PatientFact patient = default!;
        ProgramInForce program = default!;
        IClaim claim = default!;

        When()
            .Match(() => context)
            .Match(() => patient)
            .Match(() => program)
            .Match(() => claim,
                c => Label.Is("the data marks the condition unknown, or lacks the complete list, and no discretion applies",
                    c.ConditionId != null && !context.DiscretionAppliesTo(patient) &&
                    (context.MarksUnknown(c.ConditionId) || (context.HasNoEntryFor(c.ConditionId) && !context.Law.ConditionList.Complete))));
        Then()
            .Yield(_ => Derive.LawUnknown(context, claim));
    }
}
