using System.Text.Json.Nodes;
using Eligibility.Data;
using Eligibility.Law;
using Eligibility.Tests.TestAssets;

namespace Eligibility.Tests.Data;

public class ProvenanceSummaryTests
{
    private static JurisdictionLaw Load(JsonNode file) => LawLibrary.Build([("zz.json", DataFiles.Bytes(file))]).Jurisdictions.Single();

    [Fact]
    public void ProvenanceSummary_MinimalFile_CountsEveryFactOnceAndNotTheSources()
    {
        // Minimal: program, adult use, list, one listing, discretion, adult age, minors, residency, kratom = 9 facts.
        var law = Load(DataFiles.Minimal());

        law.ProvenanceSummary.Counts.Should().Be(new ConfidenceCounts(9, 0, 0));
        law.ProvenanceSummary.OldestRetrieved.Should().Be(new DateOnly(2026, 11, 22));
    }

    [Fact]
    public void ProvenanceSummary_MixedConfidenceAndDates_CountsEachGradeAndFindsTheOldestRead()
    {
        var file = DataFiles.Minimal();
        file["kratom"]![0]!["confidence"] = "low";
        file["kratom"]![0]!["retrieved"] = "2025-03-01";
        file["patients"]!["residency"]!["confidence"] = "medium";
        file["conditions"]![0]!["confidence"] = "medium";
        file["sources"]![0]!["retrieved"] = "2020-01-01"; // a source document, not a fact: must not count

        var summary = Load(file).ProvenanceSummary;

        summary.Counts.Should().Be(new ConfidenceCounts(High: 6, Medium: 2, Low: 1));
        summary.Counts.Total.Should().Be(9);
        summary.OldestRetrieved.Should().Be(new DateOnly(2025, 3, 1));
    }

    [Fact]
    public void ProvenanceSummary_RealData_AgreesWithACountOfConfidenceFieldsInEachFile()
    {
        foreach (var law in LawLibrary.LoadDirectory(DataFiles.StatesDirectory).Jurisdictions)
        {
            var json = JsonNode.Parse(File.ReadAllText(Path.Combine(DataFiles.StatesDirectory, law.Code.ToLowerInvariant() + ".json")))!;
            var facts = FactNodes(json).ToList();

            law.ProvenanceSummary.Counts.Should().Be(
                new ConfidenceCounts(
                    facts.Count(f => (string?)f["confidence"] == "high"),
                    facts.Count(f => (string?)f["confidence"] == "medium"),
                    facts.Count(f => (string?)f["confidence"] == "low")),
                law.Code);
            law.ProvenanceSummary.OldestRetrieved.Should().Be(facts.Min(f => DateOnly.Parse((string)f["retrieved"]!, System.Globalization.CultureInfo.InvariantCulture)), law.Code);
        }
    }

    // Every object below the file's top level that carries a confidence is a fact; the file's own grade is not.
    private static IEnumerable<JsonNode> FactNodes(JsonNode file)
    {
        foreach (var (key, value) in file.AsObject())
        {
            if (key != "sources" && value is not null)
            {
                foreach (var fact in Descend(value))
                {
                    yield return fact;
                }
            }
        }
    }

    private static IEnumerable<JsonNode> Descend(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj.ContainsKey("confidence"))
                {
                    yield return obj;
                }

                foreach (var (_, child) in obj)
                {
                    if (child is not null)
                    {
                        foreach (var f in Descend(child))
                        {
                            yield return f;
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        foreach (var f in Descend(child))
                        {
                            yield return f;
                        }
                    }
                }

                break;
        }
    }
}
