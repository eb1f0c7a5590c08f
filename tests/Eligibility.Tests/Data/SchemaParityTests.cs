using System.Text.Json.Nodes;
using Eligibility.Data;
using Eligibility.Tests.TestAssets;

namespace Eligibility.Tests.Data;

/// <summary>The loader accepts what data/states/schema.json accepts and rejects what it rejects, property by property.</summary>
public class SchemaParityTests
{
    private static readonly JsonObject Schema = JsonNode.Parse(File.ReadAllText(Path.Combine(DataFiles.StatesDirectory, "schema.json")))!.AsObject();

    private static JsonObject Def(string name) => Schema["$defs"]![name]!.AsObject();

    private static bool Loads(JsonNode file)
    {
        try
        {
            LawLibrary.Build([("zz.json", DataFiles.Bytes(file))]);
            return true;
        }
        catch (LawDataException)
        {
            return false;
        }
    }

    public static TheoryData<string, string> RequiredProperties()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Schema["required"]!.AsArray())
        {
            data.Add("$", name!.GetValue<string>());
        }

        foreach (var (def, path) in new[] { ("conditionEntry", "$.conditions[0]"), ("program", "$.programs[0]"), ("discretion", "$.practitionerDiscretion[0]"), ("kratom", "$.kratom[0]"), ("conditionList", "$.conditionList"), ("source", "$.sources[0]") })
        {
            foreach (var name in Def(def)["required"]!.AsArray())
            {
                data.Add(path, name!.GetValue<string>());
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RequiredProperties))]
    public void Build_SchemaRequiredPropertyMissing_Rejected(string path, string property)
    {
        var file = DataFiles.Minimal();
        Resolve(file, path).AsObject().Remove(property);

        Loads(file).Should().BeFalse($"the schema requires {path}.{property}");
    }

    [Theory]
    [InlineData("program", "kind", "$.programs[0].kind")]
    [InlineData("conditionEntry", "status", "$.conditions[0].status")]
    [InlineData("kratom", "status", "$.kratom[0].status")]
    [InlineData("source", "kind", "$.sources[0].kind")]
    public void Build_EveryEnumValueTheSchemaAllows_LoadsAndOthersDoNot(string def, string property, string path)
    {
        var values = Def(def)["properties"]![property]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
        values.Should().NotBeEmpty();
        foreach (var value in values)
        {
            var file = DataFiles.Minimal();
            Set(file, path, value);
            Loads(file).Should().BeTrue($"{path} = {value} is allowed by the schema");
        }

        var bad = DataFiles.Minimal();
        Set(bad, path, "not-in-the-schema");
        Loads(bad).Should().BeFalse();
    }

    [Fact]
    public void Build_EveryQualifierKindTheSchemaAllows_Loads()
    {
        var kinds = Def("qualifier")["properties"]!["kind"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
        foreach (var kind in kinds)
        {
            var file = DataFiles.Minimal();
            var qualifier = new JsonObject { ["kind"] = kind, ["text"] = "the law's words" };
            if (kind == "minimum-duration")
            {
                qualifier["months"] = 3;
            }

            file["conditions"]![0]!["qualifiers"] = new JsonArray(qualifier);
            Loads(file).Should().BeTrue($"qualifier {kind} is allowed by the schema");
        }
    }

    [Theory]
    [InlineData("$.code", "zz")]
    [InlineData("$.lastVerified", "2026-1-1")]
    [InlineData("$.conditions[0].sourceUrl", "ftp://example.test")]
    [InlineData("$.conditions[0].condition", "chronic_pain")]
    public void Build_PatternTheSchemaRejects_Rejected(string path, string value)
    {
        var file = DataFiles.Minimal();
        Set(file, path, value);

        Loads(file).Should().BeFalse();
    }

    [Fact]
    public void Build_MonthsOnAQualifierOtherThanMinimumDuration_RejectedByBoth()
    {
        var file = DataFiles.Minimal();
        file["conditions"]![0]!["qualifiers"] = new JsonArray(new JsonObject { ["kind"] = "severe", ["months"] = 3 });

        Loads(file).Should().BeFalse();
        Def("qualifier")["allOf"]![0]!["else"]!.ToJsonString().Should().Contain("months", "the schema says the same");
    }

    [Fact]
    public void Build_AdditionalPropertyAtAnyLevel_Rejected()
    {
        foreach (var path in new[] { "$", "$.conditions[0]", "$.patients", "$.patients.minors", "$.sources[0]", "$.kratom[0]" })
        {
            var file = DataFiles.Minimal();
            Resolve(file, path)["unexpected"] = 1;
            Loads(file).Should().BeFalse($"additionalProperties is false at {path}");
        }
    }

    private static JsonNode Resolve(JsonNode root, string path)
    {
        var node = root;
        foreach (var part in path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[');
            node = bracket < 0 ? node[part]! : node[part[..bracket]]![int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!;
        }

        return node;
    }

    private static void Set(JsonNode root, string path, string value)
    {
        var cut = path.LastIndexOf('.');
        Resolve(root, path[..cut])[path[(cut + 1)..]] = value;
    }
}
