using Eligibility.Internal;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Eligibility.Law;

namespace Eligibility.Cli;

/// <summary>Renders docs/jurisdictions.md: one row per jurisdiction, read from the data on one fixed date.</summary>
internal static class JurisdictionsTable
{
    private static readonly string[] Focus = ["chronic-pain", "opioid-use-disorder", "opioid-withdrawal"];

    /// <summary>The date the table describes by default: the newest verification date in the data, so the file only changes when the data does.</summary>
    public static DateOnly DefaultDate(IEligibilityEngine engine) => engine.Jurisdictions.Max(j => j.LastVerified);

    public static string Render(IEligibilityEngine engine, DateOnly day)
    {
        var scans = Focus.ToDictionary(c => c, c => engine.Scan(c, day).ToDictionary(d => d.Jurisdiction));
        var sb = new StringBuilder();
        sb.AppendLine("# Jurisdictions");
        sb.AppendLine();
        sb.AppendLine($"Generated from `data/states` by `eligibility jurisdictions-table` for {Day(day)} (the newest verification date in the data); do not edit by hand. Data version `{engine.DataVersion}`.");
        sb.AppendLine("A test fails when this file is stale: regenerate it with");
        sb.AppendLine("`dotnet run --project src/Eligibility.Cli -- jurisdictions-table > docs/jurisdictions.md`.");
        sb.AppendLine();
        sb.AppendLine("Outcomes are for a patient of unknown age who has shown no qualifier: `qualifies-with-requirements` lists what a practitioner must attest. Not legal advice.");
        sb.AppendLine();
        sb.AppendLine("`facts h/m/l` counts the jurisdiction's facts read at high, medium and low confidence; `oldest read` is the earliest date any of them was retrieved.");
        sb.AppendLine();
        sb.AppendLine("| code | jurisdiction | program | chronic pain | opioid use disorder | opioid withdrawal | discretion | minors | residency | kratom | verified | confidence | facts h/m/l | oldest read |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var law in engine.Jurisdictions)
        {
            var program = law.ProgramOn(day);
            var cells = new List<string>
            {
                law.Code,
                law.Name,
                program is null ? "none" : EnumNames.Kebab(program.Kind) + (program.Range.From is { } f ? $" (since {Day(f)})" : ""),
            };
            cells.AddRange(Focus.Select(c => Outcome(scans[c][law.Code].Conditions[0])));
            var discretion = law.DiscretionOn(day);
            cells.Add(discretion is { Allowed: true } ? "yes" + (discretion.MinimumPatientAge is { } a ? $" ({a}+)" : "") : "no");
            cells.Add(Minors(law.Patients));
            cells.Add(Residency(law.Patients.Residency));
            var kratom = law.KratomOn(day);
            cells.Add(kratom is null ? "unknown" : EnumNames.Kebab(kratom.Status) + (kratom.MinimumAge is { } k ? $" ({k}+)" : ""));
            cells.Add(Day(law.LastVerified));
            cells.Add(EnumNames.Kebab(law.Confidence));
            cells.Add(TextOutput.FactCounts(law.ProvenanceSummary.Counts));
            cells.Add(law.ProvenanceSummary.OldestRetrieved is { } oldest ? Day(oldest) : "-");
            sb.AppendLine("| " + string.Join(" | ", cells.Select(Escape)) + " |");
        }

        return sb.ToString();
    }

    private static string Outcome(ConditionDecision c)
    {
        var via = c.ListedAs is null ? "" : $" via {c.ListedAs}";
        var scope = c.ProductScope is null ? "" : $" [{c.ProductScope}]";
        return c.Basis is Basis.Listed or Basis.None || c.ListedAs is not null ? $"{EnumNames.Kebab(c.Outcome)}{via}{scope}" : $"{EnumNames.Kebab(c.Outcome)}{scope}";
    }

    private static string Minors(PatientRules p) => p.Minors.Allowed switch
    {
        false => $"no (adult at {p.AdultAge?.ToString(CultureInfo.InvariantCulture) ?? "?"})",
        null => "unknown",
        true => string.Join(", ", new[]
        {
            "yes",
            p.Minors.CaregiverRequired == true ? "caregiver" : null,
            p.Minors.SecondPractitionerRequired == true ? "2nd practitioner" : null,
        }.OfType<string>()),
    };

    private static string Residency(ResidencyRules r) => r.Required switch
    {
        false => "not required",
        null => $"unknown; visitors {EnumNames.Kebab(r.Visitors)}",
        true => $"required; visitors {EnumNames.Kebab(r.Visitors)}",
    };

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

}
