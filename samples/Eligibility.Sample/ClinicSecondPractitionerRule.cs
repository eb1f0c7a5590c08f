using Eligibility;
using Eligibility.Engine;
using Eligibility.Rules;

namespace Eligibility.Sample;

/// <summary>
/// A clinic's own policy, on top of the law: a second practitioner reviews every patient under 21, whatever the
/// jurisdiction's adult age. It joins the standard facts (a program is in force, the patient) and inserts a
/// <see cref="PatientRequirement"/>, which the decision lists with the law's own requirements.
/// </summary>
public sealed class ClinicSecondPractitionerRule : Rule
{
    /// <summary>The requirement's text, as it appears in decisions.</summary>
    public const string Text = "clinic policy: a second practitioner reviews patients under 21";

    /// <inheritdoc/>
    public override void Define(RuleBuilder rule)
    {
        rule.Id("clinic-second-practitioner-under-21").Name("Clinic: second practitioner under 21").Priority(40)
            .Description("The clinic has a second practitioner review every patient under 21.");
        rule.When().Match<ProgramInForce>();
        rule.When().Match<PatientFact>().Where("the patient is under 21", p => p.Age < 21);
        rule.Then().Insert(_ => new PatientRequirement(RequirementKind.Additional, Text, null));
    }
}
