using System.Text;
using System.Text.Json.Nodes;

namespace Eligibility.Tests.TestAssets;

/// <summary>Paths to the real data and small synthetic files for edge cases.</summary>
public static class DataFiles
{
    public static string StatesDirectory { get; } = FindStates();

    public static string[] AllCodes { get; } =
    [
        "AK", "AL", "AR", "AS", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "GU", "HI", "IA", "ID", "IL", "IN", "KS", "KY",
        "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MP", "MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK",
        "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VI", "VT", "WA", "WI", "WV", "WY",
    ];

    /// <summary>A minimal valid jurisdiction file, as a mutable JSON tree.</summary>
    public static JsonObject Minimal(string code = "ZZ")
    {
        JsonObject Fact() => new()
        {
            ["citation"] = "Test Stat. § 1",
            ["sourceUrl"] = "https://example.test/law",
            ["retrieved"] = "2026-11-22",
            ["confidence"] = "high",
        };

        JsonObject Dated(JsonObject extra)
        {
            var fact = Fact();
            fact["from"] = null;
            fact["until"] = null;
            foreach (var (key, value) in extra)
            {
                fact[key] = value?.DeepClone();
            }

            return fact;
        }

        var condition = Dated(new JsonObject { ["condition"] = "chronic-pain", ["wording"] = "chronic pain", ["status"] = "listed", ["qualifiers"] = new JsonArray() });
        condition["from"] = "2019-01-01";
        return new JsonObject
        {
            ["formatVersion"] = 1,
            ["code"] = code,
            ["name"] = "Testland",
            ["lastVerified"] = "2026-11-22",
            ["confidence"] = "high",
            ["programs"] = new JsonArray(Dated(new JsonObject { ["kind"] = "comprehensive" })),
            ["adultUse"] = new JsonArray(Dated(new JsonObject { ["legal"] = false })),
            ["conditionList"] = With(Fact(), "complete", true),
            ["conditions"] = new JsonArray(condition),
            ["practitionerDiscretion"] = new JsonArray(Dated(new JsonObject { ["allowed"] = false })),
            ["patients"] = new JsonObject
            {
                ["adultAge"] = With(Fact(), "age", 18),
                ["minors"] = With(With(With(Fact(), "allowed", true), "caregiverRequired", true), "secondPractitionerRequired", false),
                ["residency"] = With(With(Fact(), "required", true), "visitors", "none"),
            },
            ["kratom"] = new JsonArray(Dated(new JsonObject { ["status"] = "legal" })),
            ["sources"] = new JsonArray(new JsonObject { ["url"] = "https://example.test/law", ["title"] = "Test law", ["retrieved"] = "2026-11-22", ["kind"] = "statute" }),
        };
    }

    public static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

    public static string TempDirectory(params (string Name, byte[] Bytes)[] files)
    {
        var dir = Path.Combine(Path.GetTempPath(), "eligibility-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        foreach (var (name, bytes) in files)
        {
            File.WriteAllBytes(Path.Combine(dir, name), bytes);
        }

        return dir;
    }

    private static JsonObject With(JsonObject obj, string key, JsonNode? value)
    {
        obj[key] = value;
        return obj;
    }

    private static string FindStates()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "data", "states")))
        {
            dir = dir.Parent;
        }

        return dir is null ? throw new DirectoryNotFoundException("data/states not found above the test directory") : Path.Combine(dir.FullName, "data", "states");
    }
}
