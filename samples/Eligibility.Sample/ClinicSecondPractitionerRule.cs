using Eligibility;
using Eligibility.Rules;
using NRules.Fluent.Dsl;

namespace Eligibility.Sample;

/// <summary>
/// A clinic's own policy, on top of the law: a second practitioner reviews every patient under 21, whatever the
/// jurisdiction's adult age. An ordinary NRules rule: it joins the standard facts (a program is in force, the patient)
/// and yields a <see cref="PatientRequirement"/>, which the decision lists with the law's own requirements.
/// </summary>
[RuleId("clinic-second-practitioner-under-21"), Name("Clinic: second practitioner under 21"), Priority(40)]
[Description("The clinic has a second practitioner review every patient under 21.")]
public sealed class ClinicSecondPractitionerRule : Rule
{
    /// <summary>The requirement's text, as it appears in decisions.</summary>
    public const string Text = "clinic policy: a second practitioner reviews patients under 21";

    /// <inheritdoc/>
    public override void Define()
    {
        ProgramInForce program = default!;
        PatientFact patient = default!;

        When()
            .Match(() => program)
            .Match(() => patient, p => Label.Is("the patient is under 21", p.Age < 21));

        // Yield inserts a linked fact: it goes away with the query's facts, as every query-level conclusion must.
        Then()
            .Yield(_ => new PatientRequirement(RequirementKind.Additional, Text, null));
    }
}
