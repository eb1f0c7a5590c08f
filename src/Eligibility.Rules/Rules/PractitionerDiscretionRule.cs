using Eligibility.Rules.Internal;
using NRules.Fluent.Dsl;

namespace Eligibility.Rules;

/// <summary>Decides <see cref="Outcome.PractitionerDiscretion"/> where the law lets a practitioner certify conditions it does not list.</summary>
[RuleId("practitioner-discretion"), Name("Practitioner discretion"), Priority(80)]
[Description("An unlisted condition can still be certified where the law lets a practitioner certify conditions it does not list.")]
public sealed class PractitionerDiscretionRule : Rule
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
                c => Label.Is("the law does not list the condition on the as-of date (or the data cannot say whether it does)",
                    c.ConditionId != null && (context.HasNoEntryFor(c.ConditionId) || context.MarksUnknown(c.ConditionId))),
                c => Label.Is("a practitioner may certify unlisted conditions for this patient", context.DiscretionAppliesTo(patient)));
        Then()
            .Yield(_ => Derive.Discretion(context, claim));
    }
}
