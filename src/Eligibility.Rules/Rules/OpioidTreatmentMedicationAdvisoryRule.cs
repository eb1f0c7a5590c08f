using NRules.Fluent.Dsl;

namespace Eligibility.Rules;

/// <summary>Advises a patient on methadone or buprenorphine to use cannabis only under the prescriber's guidance.</summary>
[RuleId("opioid-treatment-medication-advisory"), Name("Methadone or buprenorphine advisory"), Priority(40)]
[Description("A patient taking methadone or buprenorphine is advised to use cannabis only under the guidance of the prescriber.")]
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
    public static bool IsOpioidTreatmentMedication(string medication)
    {
        foreach (var name in Names)
        {
            if (medication.Contains(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether any of the medications is methadone or buprenorphine; a loop, as conditions run on every match.</summary>
    internal static bool AnyOpioidTreatment(IReadOnlyList<string> medications)
    {
        for (var i = 0; i < medications.Count; i++)
        {
            if (IsOpioidTreatmentMedication(medications[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public override void Define()
    {
        PatientFact patient = default!;

        When()
            .Match(() => patient, p => Label.Is("the patient takes methadone or buprenorphine", AnyOpioidTreatment(p.Medications)));
        Then()
            .Yield(_ => new Advisory("opioid-treatment-medication",
                "The patient takes methadone or buprenorphine: use cannabis only under the guidance of the prescriber, and do not change or stop that medication without them.", null));
    }
}
