using Eligibility.Rules.Internal;
using NRules.Fluent.Dsl;
using NRules.RuleModel;

namespace Eligibility.Rules;

/// <summary>Adds the jurisdiction's registration and certification steps as procedure requirements.</summary>
[RuleId("registration-steps"), Name("Registration steps"), Priority(40), Repeatability(RuleRepeatability.NonRepeatable)]
[Description("Every patient takes the jurisdiction's registration and certification steps.")]
public sealed class RegistrationStepsRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationContext context = default!;
        ProgramInForce program = default!;

        When()
            .Match(() => context, c => Label.Is("the data records registration steps", c.Law.Patients.Registration != null && c.Law.Patients.Registration.Steps.Count > 0))
            .Match(() => program);
        Then()
            .Do(ctx => Linked.InsertAll(ctx, Derive.RegistrationSteps(context)));
    }
}
