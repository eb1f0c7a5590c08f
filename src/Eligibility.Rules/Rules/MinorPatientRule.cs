using Eligibility.Rules.Internal;
using NRules.Fluent.Dsl;
using NRules.RuleModel;

namespace Eligibility.Rules;

/// <summary>Adds what the law requires of a patient under the jurisdiction's adult age (or says the law does not register them).</summary>
[RuleId("minor-patient"), Name("Minor patient"), Priority(40), Repeatability(RuleRepeatability.NonRepeatable)]
[Description("A patient under the jurisdiction's adult age needs what the law requires of minors.")]
public sealed class MinorPatientRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationContext context = default!;
        ProgramInForce program = default!;
        PatientFact patient = default!;

        When()
            .Match(() => context)
            .Match(() => program)
            .Match(() => patient, p => Label.Is("the patient is younger than the jurisdiction's adult age",
                p.Age != null && context.Law.Patients.AdultAge != null && p.Age < context.Law.Patients.AdultAge));
        Then()
            .Do(ctx => Linked.InsertAll(ctx, Derive.MinorRequirements(context)));
    }
}
