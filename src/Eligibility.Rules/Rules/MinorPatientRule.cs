using Eligibility.Engine;

namespace Eligibility.Rules;

/// <summary>Adds what the jurisdiction requires of a patient under its adult age (caregiver, second practitioner), or blocks where minors cannot register.</summary>
public sealed class MinorPatientRule : Rule
{
    /// <inheritdoc/>
    public override void Define(RuleBuilder rule)
    {
        rule.Id("minor-patient").Name("Minor patient").Priority(40)
            .Description("A patient under the jurisdiction's adult age needs what the law requires of minors.");
        var when = rule.When();
        var context = when.Match<EvaluationContext>();
        when.Match<ProgramInForce>();
        var patient = when.Match<PatientFact>()
            .Where(context, "the patient is younger than the jurisdiction's adult age", (p, ctx) => p.Age is { } age && ctx.Law.Patients.AdultAge is { } adult && age < adult);
        rule.Then().InsertAll(m =>
        {
            var ctx = m.Get(context);
            var rules = ctx.Law.Patients;
            var minors = rules.Minors;
            var source = minors.Provenance;
            var list = new List<PatientRequirement>();
            if (minors.Allowed == false)
            {
                list.Add(new(RequirementKind.Blocking, $"{ctx.Law.Name} does not register patients under {rules.AdultAge}", source));
                return list;
            }

            if (minors.Allowed is null)
            {
                list.Add(new(RequirementKind.Additional, $"whether {ctx.Law.Name} registers patients under {rules.AdultAge} is not established in the data", source));
            }

            if (minors.CaregiverRequired == true)
            {
                list.Add(new(RequirementKind.Additional, "a parent or legal guardian registers as the patient's caregiver", source));
            }

            if (minors.SecondPractitionerRequired == true)
            {
                list.Add(new(RequirementKind.Additional, "a second practitioner also certifies the condition", source));
            }

            list.AddRange(minors.OtherRequirements.Select(r => new PatientRequirement(RequirementKind.Additional, r, source)));
            return list;
        });
    }
}
