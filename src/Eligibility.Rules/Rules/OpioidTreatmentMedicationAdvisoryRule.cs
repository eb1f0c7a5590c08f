using Eligibility.Engine;

namespace Eligibility.Rules;

/// <summary>Advises patients on methadone or buprenorphine to use cannabis only under the guidance of their prescriber.</summary>
public sealed class OpioidTreatmentMedicationAdvisoryRule : Rule
{
    // Generic and brand names of methadone and buprenorphine products, lower case.
    private static readonly string[] Names =
    [
        "methadone", "methadose", "dolophine", "diskets",
        "buprenorphine", "suboxone", "subutex", "zubsolv", "sublocade", "brixadi", "bunavail", "butrans", "belbuca", "buprenex",
    ];

    /// <summary>Whether a medication name is methadone or buprenorphine (generic or brand, any case).</summary>
    /// <param name="medication">The name as given.</param>
    /// <returns>True when it names one of them.</returns>
    public static bool IsOpioidTreatmentMedication(string medication) =>
        Names.Any(n => medication.Contains(n, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc/>
    public override void Define(RuleBuilder rule)
    {
        rule.Id("opioid-treatment-medication-advisory").Name("Methadone or buprenorphine advisory").Priority(40)
            .Description("A patient taking methadone or buprenorphine is advised to use cannabis only under the guidance of the prescriber.");
        rule.When().Match<PatientFact>()
            .Where("the patient takes methadone or buprenorphine", p => p.Medications.Any(IsOpioidTreatmentMedication));
        rule.Then().Insert(_ => new Advisory("opioid-treatment-medication",
            "The patient takes methadone or buprenorphine: use cannabis only under the guidance of the prescriber, and do not change or stop that medication without them.", null));
    }
}
