using Eligibility.Engine;

namespace Eligibility.Rules;

/// <summary>Lists the registration and certification steps the jurisdiction's data records.</summary>
public sealed class RegistrationStepsRule : Rule
{
    /// <inheritdoc/>
    public override void Define(RuleBuilder rule)
    {
        rule.Id("registration-steps").Name("Registration steps").Priority(40)
            .Description("Every patient takes the jurisdiction's registration and certification steps.");
        var context = rule.When().Match<EvaluationContext>()
            .Where("the data records registration steps", c => c.Law.Patients.Registration is { Steps.Count: > 0 });
        rule.When().Match<ProgramInForce>();
        rule.Then().InsertAll(m =>
        {
            var registration = m.Get(context).Law.Patients.Registration!;
            var steps = new PatientRequirement[registration.Steps.Count];
            for (var i = 0; i < steps.Length; i++)
            {
                steps[i] = new PatientRequirement(RequirementKind.Procedure, registration.Steps[i], registration.Provenance);
            }

            return steps;
        });
    }
}
