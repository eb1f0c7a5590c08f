using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Eligibility.Cli;

/// <summary>One entry of <c>eligibility conditions --format json</c>.</summary>
/// <param name="Id">The condition id.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Canonical">Whether it belongs to the canonical table.</param>
/// <param name="IsA">Broader ids it satisfies.</param>
/// <param name="Implies">Ids a code of it also asserts.</param>
/// <param name="Codes">Its ICD-10-CM codes with title, verification and source.</param>
/// <param name="ExcludedCodes">Codes that never map to it.</param>
/// <param name="Phrases">How many phrases resolve to it (name, synonyms, abbreviations, lay phrases, misspellings, Spanish).</param>
internal sealed record ConditionListing(string Id, string Name, bool Canonical, IReadOnlyList<string> IsA, IReadOnlyList<string> Implies,
    IReadOnlyList<ConditionCode> Codes, IReadOnlyList<string> ExcludedCodes, int Phrases);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ConditionListing[]))]
internal sealed partial class ConditionsJsonContext : JsonSerializerContext;

/// <summary><c>eligibility conditions</c>: every condition id of the catalog with its name, relations, codes and phrase count.</summary>
internal static class ConditionsCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="format">The shared --format option (text or json).</param>
    /// <param name="stdout">Where the listing goes.</param>
    /// <param name="stderr">Where a failure goes.</param>
    /// <returns>The command.</returns>
    public static Command Create(Option<string> format, TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("conditions", "List every condition id of the catalog (data/conditions/conditions.json): name, isA, implies, codes and number of phrases.");
        command.SetAction(r =>
        {
            IReadOnlyList<ConditionListing> listings;
            try
            {
                listings = List(ConditionCatalog.Default);
            }
            catch (InvalidOperationException e)
            {
                stderr.WriteLine($"error: {e.Message}");
                return CliApp.Failure;
            }

            if (r.GetValue(format) == "json")
            {
                stdout.WriteLine(JsonSerializer.Serialize([.. listings], ConditionsJsonContext.Default.ConditionListingArray));
                return CliApp.Ok;
            }

            foreach (var c in listings)
            {
                var relations = string.Concat(
                    c.IsA.Count > 0 ? $"; is a {string.Join(", ", c.IsA)}" : "",
                    c.Implies.Count > 0 ? $"; implies {string.Join(", ", c.Implies)}" : "");
                var codes = c.Codes.Count == 0 ? "no code" : string.Join(", ", c.Codes.Select(x => x.Verified ? x.Code : x.Code + "?"));
                stdout.WriteLine($"{c.Id,-46} {c.Name}{(c.Canonical ? " (canonical)" : "")}{relations}; codes: {codes}; {c.Phrases} phrases");
            }

            stdout.WriteLine($"{listings.Count} conditions. A code marked ? is not verified against a code reference.");
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>The listing of a catalog, in catalog order.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <returns>One listing per condition.</returns>
    public static IReadOnlyList<ConditionListing> List(ConditionCatalog catalog) =>
        [.. catalog.All.Select(d => new ConditionListing(
            d.Id, d.Name, d.Canonical, d.IsA, d.Implies, d.Codes, d.IcdExclusions,
            1 + d.Synonyms.Count + d.Abbreviations.Count + d.LayPhrases.Count + d.Misspellings.Count + d.Spanish.Count))];
}
