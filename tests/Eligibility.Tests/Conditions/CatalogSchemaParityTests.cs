using System.Text.Json.Nodes;
using Eligibility.Conditions.Internal;
using Eligibility.Tests.TestAssets;

namespace Eligibility.Tests.Conditions;

/// <summary>The catalog reader accepts what data/conditions/schema.json accepts and rejects what it rejects, property by property.</summary>
public sealed class CatalogSchemaParityTests
{
    private static readonly string Folder = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(DataFiles.StatesDirectory))!, "data", "conditions");
    private static readonly JsonObject Schema = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "schema.json")))!.AsObject();

    private static readonly (string Def, string Path)[] Objects =
    [
        ("condition", "$.conditions[0]"), ("code", "$.conditions[0].codes[0]"), ("nonCondition", "$.nonConditions[0]"),
        ("substance", "$.substances[0]"), ("medication", "$.medications[0]"),
    ];

    public static TheoryData<string, string> RequiredProperties()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Schema["required"]!.AsArray())
        {
            data.Add("$", name!.GetValue<string>());
        }

        foreach (var (def, path) in Objects)
        {
            foreach (var name in Schema["$defs"]![def]!["required"]!.AsArray())
            {
                data.Add(path, name!.GetValue<string>());
            }
        }

        return data;
    }

    public static TheoryData<string, string> OptionalProperties()
    {
        var data = new TheoryData<string, string>();
        foreach (var (def, path) in Objects)
        {
            var required = Schema["$defs"]![def]!["required"]!.AsArray().Select(n => n!.GetValue<string>()).ToHashSet();
            foreach (var (name, _) in Schema["$defs"]![def]!["properties"]!.AsObject())
            {
                if (!required.Contains(name))
                {
                    data.Add(path, name);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RequiredProperties))]
    public void Read_SchemaRequiredPropertyMissing_Rejected(string path, string property)
    {
        var file = Minimal();
        Resolve(file, path).AsObject().Remove(property);

        Loads(file).Should().BeFalse($"the schema requires {path}.{property}");
    }

    [Theory]
    [MemberData(nameof(OptionalProperties))]
    public void Read_SchemaOptionalPropertyMissing_Accepted(string path, string property)
    {
        var file = Minimal();
        Resolve(file, path).AsObject().Remove(property);

        Loads(file).Should().BeTrue($"the schema does not require {path}.{property}");
    }

    [Theory]
    [InlineData("$")]
    [InlineData("$.conditions[0]")]
    [InlineData("$.conditions[0].codes[0]")]
    [InlineData("$.nonConditions[0]")]
    [InlineData("$.substances[0]")]
    [InlineData("$.medications[0]")]
    public void Read_PropertyTheSchemaDoesNotList_Rejected(string path)
    {
        var file = Minimal();
        Resolve(file, path).AsObject()["notInTheSchema"] = 1;

        Loads(file).Should().BeFalse();
    }

    [Theory]
    [InlineData("F11.23", true)]
    [InlineData("G35", true)]
    [InlineData("C00-C96", true)]
    [InlineData("f11.23", false)]
    [InlineData("F1123", false)]
    [InlineData("C96-C00", false)]
    [InlineData("F11.23456", false)]
    public void Read_CodePatternOfTheSchema_IsTheReadersPattern(string code, bool valid)
    {
        var pattern = new System.Text.RegularExpressions.Regex(Schema["$defs"]!["code"]!["properties"]!["code"]!["pattern"]!.GetValue<string>());
        var file = Minimal();
        file["conditions"]![0]!["codes"]![0]!["code"] = code;

        // The schema cannot say that a range ascends; the reader can.
        var schemaAccepts = pattern.IsMatch(code) && code != "C96-C00";
        schemaAccepts.Should().Be(valid);
        Loads(file).Should().Be(valid);
    }

    [Fact]
    public void Minimal_IsValid()
    {
        Loads(Minimal()).Should().BeTrue();
    }

    private static bool Loads(JsonNode file) =>
        CatalogFileReader.Read("conditions.json", System.Text.Encoding.UTF8.GetBytes(file.ToJsonString()), out _) is not null;

    private static JsonNode Resolve(JsonNode root, string path)
    {
        var node = root;
        foreach (var part in path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[');
            node = bracket < 0 ? node[part]! : node[part[..bracket]]![int.Parse(part[(bracket + 1)..^1])]!;
        }

        return node;
    }

    private static JsonObject Minimal() => new()
    {
        ["$schema"] = "./schema.json",
        ["formatVersion"] = 1,
        ["conditions"] = new JsonArray(
            new JsonObject
            {
                ["id"] = "opioid-use-disorder", ["name"] = "Opioid use disorder", ["description"] = "A problematic pattern of opioid use.",
                ["canonical"] = true, ["isA"] = new JsonArray(), ["implies"] = new JsonArray(), ["synonyms"] = new JsonArray("opioid addiction"),
                ["abbreviations"] = new JsonArray("OUD"), ["layPhrases"] = new JsonArray("hooked on heroin"), ["misspellings"] = new JsonArray("opiod addiction"),
                ["spanish"] = new JsonArray("adicción a opioides"),
                ["codes"] = new JsonArray(new JsonObject { ["code"] = "F11.2", ["verified"] = false, ["title"] = "Opioid dependence", ["source"] = "https://icdlist.com/icd-10/F11" }),
                ["excludedCodes"] = new JsonArray(new JsonObject { ["code"] = "Z79.891", ["verified"] = false }),
                ["codeNote"] = "F11 opioid related disorders.",
            }),
        ["nonConditions"] = new JsonArray(new JsonObject { ["phrase"] = "opioid overdose", ["note"] = "poisoning is not mapped" }),
        ["substances"] = new JsonArray(new JsonObject
        {
            ["name"] = "opioid", ["useDisorder"] = "opioid-use-disorder", ["withdrawal"] = "opioid-use-disorder", ["note"] = "test",
            ["terms"] = new JsonArray("heroin"), ["illicitTerms"] = new JsonArray("heroin"),
        }),
        ["medications"] = new JsonArray(new JsonObject
        {
            ["terms"] = new JsonArray("suboxone"), ["indication"] = "opioid-use-disorder", ["suggest"] = new JsonArray(), ["note"] = "for OUD only",
        }),
    };
}
