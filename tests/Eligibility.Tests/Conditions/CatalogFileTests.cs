using System.Text.Json.Nodes;
using Eligibility.Conditions.Internal;
using Eligibility.Data;
using Eligibility.Tests.TestAssets;

namespace Eligibility.Tests.Conditions;

/// <summary>data/conditions/conditions.json is read strictly, like the law files: each problem names file, JSON path and line.</summary>
public sealed class CatalogFileTests
{
    private static readonly string Root = Path.GetDirectoryName(Path.GetDirectoryName(DataFiles.StatesDirectory))!;
    private static readonly string CatalogPath = Path.Combine(Root, "data", "conditions", "conditions.json");

    private static JsonObject File() => JsonNode.Parse(System.IO.File.ReadAllText(CatalogPath))!.AsObject();

    private static IReadOnlyList<LawDataProblem> Problems(JsonNode file)
    {
        CatalogFileReader.Read("conditions.json", System.Text.Encoding.UTF8.GetBytes(file.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true })), out var problems);
        return problems;
    }

    [Fact]
    public void RepositoryFile_LoadsStrictly_WithoutProblems()
    {
        var result = CatalogFileReader.Read(CatalogPath, System.IO.File.ReadAllBytes(CatalogPath), out var problems);

        problems.Should().BeEmpty();
        result.Should().NotBeNull();
        result!.Value.Conditions.Should().HaveCountGreaterThanOrEqualTo(100);
    }

    [Fact]
    public void Default_IsTheRepositoryFile()
    {
        var ids = File()["conditions"]!.AsArray().Select(c => c!["id"]!.GetValue<string>());

        ConditionCatalog.Default.All.Select(d => d.Id).Should().Equal(ids);
    }

    [Theory]
    [InlineData("$.conditions[0].nmae", "unknown property 'nmae'")]
    [InlineData("$.conditions[1].id", "kebab-case")]
    [InlineData("$.conditions[2].isA[0]", "unknown condition id")]
    [InlineData("$.conditions[3].codes[0].code", "not an ICD-10-CM code")]
    [InlineData("$.conditions[3].codes[0].title", "official ICD-10-CM title")]
    [InlineData("$.substances[0].useDisorder", "unknown condition id")]
    [InlineData("$.medications[0].indication", "unknown condition id")]
    public void Read_BrokenFile_ProblemNamesPathAndLine(string path, string message)
    {
        var file = File();
        var conditions = file["conditions"]!.AsArray();
        switch (path)
        {
            case "$.conditions[0].nmae":
                conditions[0]!["nmae"] = "x";
                break;
            case "$.conditions[1].id":
                conditions[1]!["id"] = "Not An Id";
                break;
            case "$.conditions[2].isA[0]":
                conditions[2]!["isA"] = new JsonArray("no-such-condition");
                break;
            case "$.conditions[3].codes[0].code":
                conditions[3]!["codes"] = new JsonArray(new JsonObject { ["code"] = "11.F2", ["verified"] = false });
                break;
            case "$.conditions[3].codes[0].title":
                conditions[3]!["codes"] = new JsonArray(new JsonObject { ["code"] = "F11.2", ["verified"] = true, ["source"] = "https://example.org/f11" });
                break;
            case "$.substances[0].useDisorder":
                file["substances"]![0]!["useDisorder"] = "no-such-condition";
                break;
            case "$.medications[0].indication":
                file["medications"]![0]!["indication"] = "no-such-condition";
                break;
        }

        var problems = Problems(file);

        problems.Should().ContainSingle();
        var problem = problems[0];
        problem.File.Should().Be("conditions.json");
        problem.Path.Should().Be(path);
        problem.Line.Should().BeGreaterThan(1);
        problem.Message.Should().Contain(message);
    }

    [Fact]
    public void Read_DuplicateId_IsAProblem()
    {
        var file = File();
        file["conditions"]![1]!["id"] = file["conditions"]![0]!["id"]!.GetValue<string>();

        Problems(file).Should().Contain(p => p.Message.Contains("duplicate condition id"));
    }

    [Fact]
    public void Read_IsACycle_IsAProblem()
    {
        var file = File();
        var painIndex = file["conditions"]!.AsArray().Select((c, i) => (c, i)).Single(x => x.c!["id"]!.GetValue<string>() == "chronic-pain").i;
        file["conditions"]![painIndex]!["isA"] = new JsonArray("intractable-pain");

        Problems(file).Should().Contain(p => p.Message.Contains("cycle"));
    }

    [Fact]
    public void Read_NotJson_OneProblemWithALine()
    {
        CatalogFileReader.Read("conditions.json", "{\n  \"formatVersion\": 1,\n  oops\n}"u8.ToArray(), out var problems);

        problems.Should().ContainSingle().Which.Line.Should().Be(3);
    }

    [Fact]
    public void VerifiedCodes_HaveTitleAndSource_AndResolveToTheirCondition()
    {
        var resolver = new ConditionResolver(ConditionCatalog.Default);
        var verified = ConditionCatalog.Default.All.SelectMany(d => d.Codes.Where(c => c.Verified).Select(c => (d, c))).ToList();

        verified.Should().HaveCountGreaterThanOrEqualTo(150, "the mapped codes were read in the CMS order file (issue 13)");
        foreach (var (definition, code) in verified)
        {
            code.Title.Should().NotBeNullOrWhiteSpace();
            code.Source.Should().StartWith("http");
            if (!code.Code.Contains('-'))
            {
                // A code shared with a narrower id (K50 is Crohn's disease, a kind of inflammatory bowel disease) resolves to the narrower one.
                var resolved = resolver.Resolve(code.Code).ConditionId!;
                (resolved == definition.Id || ConditionCatalog.Default.Broader(resolved).Contains(definition.Id)).Should().BeTrue($"{code.Code} resolves to {resolved}");
            }
        }
    }

    [Fact]
    public void EveryVerifiedCode_InCodesAndExcludedCodes_HasTitleAndHttpSource()
    {
        // The definition exposes only the mapped codes; the exclusions are checked here, in the file itself.
        var entries = File()["conditions"]!.AsArray()
            .SelectMany(c => new[] { "codes", "excludedCodes" }.SelectMany(list => c![list]?.AsArray() ?? []).Select(e => (Id: c!["id"]!.GetValue<string>(), Entry: e!)))
            .ToList();

        entries.Should().NotBeEmpty();
        foreach (var (id, entry) in entries.Where(e => e.Entry["verified"]!.GetValue<bool>()))
        {
            var code = entry["code"]!.GetValue<string>();
            entry["title"]?.GetValue<string>().Should().NotBeNullOrWhiteSpace($"{id} {code} is verified, so its official title was read");
            entry["source"]?.GetValue<string>().Should().StartWith("http", $"{id} {code} is verified, so the reference it was read in is named");
            entry["title"].Should().NotBeNull($"{id} {code}");
            entry["source"].Should().NotBeNull($"{id} {code}");
        }
    }

    [Fact]
    public void Read_VerifiedExcludedCodeWithoutTitle_Rejected()
    {
        var file = File();
        var pain = file["conditions"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "chronic-pain")!;
        var excluded = pain["excludedCodes"]!.AsArray()[0]!.AsObject();
        excluded["verified"] = true;
        excluded.Remove("title");

        Problems(file).Should().Contain(p => p.Path.EndsWith(".title", StringComparison.Ordinal));
    }

    [Fact]
    public void CodeNotes_AreMaintainerNotes_NeverPartOfAnAnswer()
    {
        // codeNote says where a mapping was checked; it is for whoever maintains the catalog, not for the person asking.
        var resolver = new ConditionResolver(ConditionCatalog.Default);
        foreach (var definition in ConditionCatalog.Default.All.Where(d => d.CodeSource.Length > 0))
        {
            var inputs = new[] { definition.Id, definition.Name }.Concat(definition.Codes.Where(c => !c.Code.Contains('-')).Select(c => c.Code));
            foreach (var input in inputs)
            {
                var answers = resolver.ResolveAll(input).Append(resolver.Resolve(input));
                foreach (var answer in answers)
                {
                    (answer.Note ?? "").Should().NotContain(definition.CodeSource, input);
                    ConditionReading.From(answer).Note.Should().Be(answer.Note);
                }
            }
        }
    }

    [Fact]
    public void FocusConditions_EveryMappedCodeIsVerified()
    {
        foreach (var id in new[] { "chronic-pain", "opioid-use-disorder", "opioid-withdrawal", "cancer-related-pain" })
        {
            ConditionCatalog.Default.Find(id)!.Codes.Should().OnlyContain(c => c.Verified, id);
        }
    }

    [Fact]
    public void Lexicon_NeverMapsAnotherSubstanceToOpioidIds()
    {
        var lexicon = ConditionCatalog.Default.Lexicon;

        lexicon.Substances.Where(s => s.Name != "opioid")
            .SelectMany(s => new[] { s.UseDisorder, s.Withdrawal })
            .Should().NotContain(["opioid-use-disorder", "opioid-withdrawal"]);
    }

    [Fact]
    public void Issue15_NothingInTheRepositoryPointsOutsideIt()
    {
        // A fresh clone failed: a test read a markdown table of ids kept beside the repository, and the loader's message pointed there.
        var folders = new[] { "src", "tests", "research", "bench", "samples", "docs" }.Select(f => Path.Combine(Root, f)).Where(Directory.Exists);
        var files = folders.SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".py") || f.EndsWith(".md") || f.EndsWith(".sh") || f.EndsWith(".json"))
            .Append(Path.Combine(Root, "README.md"));
        var needle = "shared/" + "conditions";

        files.Where(f => System.IO.File.ReadAllText(f).Contains(needle, StringComparison.Ordinal)).Should().BeEmpty();
    }
}
