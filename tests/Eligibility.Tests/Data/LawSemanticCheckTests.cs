using System.Text.Json.Nodes;
using Eligibility.Data;
using Eligibility.Tests.TestAssets;

namespace Eligibility.Tests.Data;

/// <summary>
/// The checks the JSON schema cannot express: each fails the load with one clear problem naming the file, the JSON
/// path, a line and what was expected.
/// </summary>
public class LawSemanticCheckTests
{
    public static TheoryData<string, string, string> Cases() => new()
    {
        { "unknown condition id", "$.conditions[0].condition", "unknown condition id 'heroin-addiction'" },
        { "overlapping entries", "$.conditions[1]", "overlaps entry [0]" },
        { "overlapping programs", "$.programs[1]", "overlaps entry [0]" },
        { "reversed interval", "$.conditions[0].until", "is not after from" },
        { "empty interval", "$.kratom[0].until", "is not after from" },
        { "unknown qualifier", "$.conditions[0].qualifiers[0].kind", "unknown qualifier 'very-intractable'; the rules understand: intractable" },
        { "qualifier without its months", "$.conditions[0].qualifiers[0].months", "minimum-duration needs 'months'" },
        { "months on another qualifier", "$.conditions[0].qualifiers[0].months", "belongs to minimum-duration only" },
        { "other qualifier without text", "$.conditions[0].qualifiers[0].text", "needs 'text'" },
        { "missing citation", "$.conditions[0]", "missing required properties: 'citation'" },
        { "empty citation", "$.conditions[0].citation", "expected 1 to 4000 characters" },
        { "blank citation", "$.programs[0].citation", "text is blank" },
        { "missing source url", "$.patients.adultAge", "missing required properties: 'sourceUrl'" },
        { "source url not a url", "$.kratom[0].sourceUrl", "is not an http(s) URL" },
        { "no sources", "$.sources", "at least one source is required" },
        { "missing sources", "$", "missing required properties: 'sources'" },
        { "source without url", "$.sources[0]", "missing required properties: 'url'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Build_SemanticProblem_FailsWithOneProblemNamingFilePathAndLine(string name, string path, string expected)
    {
        var file = DataFiles.Minimal();
        Break(file, name);

        var act = () => LawLibrary.Build([("zz.json", DataFiles.Bytes(file))]);

        var problem = act.Should().Throw<LawDataException>().Which.Problems.Should().ContainSingle().Which;
        problem.File.Should().Be("zz.json");
        problem.Path.Should().Be(path);
        problem.Line.Should().BeGreaterThan(0);
        problem.Message.Should().Contain(expected);
    }

    [Fact]
    public void Build_DuplicateJurisdiction_NamesTheLineOfTheCode()
    {
        var bytes = DataFiles.Bytes(DataFiles.Minimal());

        var act = () => LawLibrary.Build([("zz.json", bytes), ("ZZ.json", bytes)]);

        var problem = act.Should().Throw<LawDataException>().Which.Problems.Single();
        problem.File.Should().Be("ZZ.json");
        problem.Path.Should().Be("$.code");
        problem.Line.Should().Be(3);
    }

    private static void Break(JsonObject file, string name)
    {
        var condition = file["conditions"]![0]!.AsObject();
        switch (name)
        {
            case "unknown condition id":
                condition["condition"] = "heroin-addiction";
                break;
            case "overlapping entries":
                var copy = condition.DeepClone();
                copy["from"] = "2024-01-01";
                file["conditions"]!.AsArray().Add(copy);
                break;
            case "overlapping programs":
                var program = file["programs"]![0]!.DeepClone();
                program["from"] = "2010-01-01";
                program["until"] = "2011-01-01";
                file["programs"]!.AsArray().Add(program);
                break;
            case "reversed interval":
                condition["until"] = "2018-12-31";
                break;
            case "empty interval":
                file["kratom"]![0]!["from"] = "2020-01-01";
                file["kratom"]![0]!["until"] = "2020-01-01";
                break;
            case "unknown qualifier":
                condition["qualifiers"] = new JsonArray(new JsonObject { ["kind"] = "very-intractable" });
                break;
            case "qualifier without its months":
                condition["qualifiers"] = new JsonArray(new JsonObject { ["kind"] = "minimum-duration" });
                break;
            case "months on another qualifier":
                condition["qualifiers"] = new JsonArray(new JsonObject { ["kind"] = "intractable", ["months"] = 6 });
                break;
            case "other qualifier without text":
                condition["qualifiers"] = new JsonArray(new JsonObject { ["kind"] = "other" });
                break;
            case "missing citation":
                condition.Remove("citation");
                break;
            case "empty citation":
                condition["citation"] = "";
                break;
            case "blank citation":
                file["programs"]![0]!["citation"] = "   ";
                break;
            case "missing source url":
                file["patients"]!["adultAge"]!.AsObject().Remove("sourceUrl");
                break;
            case "source url not a url":
                file["kratom"]![0]!["sourceUrl"] = "see the statute book";
                break;
            case "no sources":
                file["sources"] = new JsonArray();
                break;
            case "missing sources":
                file.Remove("sources");
                break;
            case "source without url":
                file["sources"]![0]!.AsObject().Remove("url");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, null);
        }
    }
}
