using System.Text;
using System.Text.Json.Nodes;
using Eligibility.Data;
using Eligibility.Tests.TestAssets;

namespace Eligibility.Tests.Data;

public class LawLibraryTests
{
    private static LawDataException LoadFails(JsonNode file, string name = "zz.json") =>
        LoadFails(DataFiles.Bytes(file), name);

    private static LawDataException LoadFails(byte[] bytes, string name = "zz.json")
    {
        var act = () => LawLibrary.Build([(name, bytes)]);
        return act.Should().Throw<LawDataException>().Which;
    }

    [Fact]
    public void LoadDirectory_RealData_LoadsEveryJurisdiction()
    {
        var library = LawLibrary.LoadDirectory(DataFiles.StatesDirectory);

        library.Jurisdictions.Select(j => j.Code).Should().Equal(DataFiles.AllCodes);
    }

    [Fact]
    public void LoadEmbedded_SameLawAsTheDataDirectory()
    {
        var embedded = LawLibrary.LoadEmbedded();
        var directory = LawLibrary.LoadDirectory(DataFiles.StatesDirectory);

        embedded.DataVersion.Should().Be(directory.DataVersion, "the package must ship exactly the files in data/states");
        embedded.Jurisdictions.Should().HaveCount(56);
    }

    [Fact]
    public void LoadDirectory_EveryRealFile_HasSourcesAndEveryListingACitationAndUrl()
    {
        foreach (var law in LawLibrary.LoadDirectory(DataFiles.StatesDirectory).Jurisdictions)
        {
            law.Sources.Should().NotBeEmpty(law.Code);
            law.Programs.Should().NotBeEmpty($"{law.Code} needs at least one program period (kind none when there is none)");
            foreach (var c in law.Conditions)
            {
                c.Provenance.Citation.Should().NotBeNullOrWhiteSpace(law.Code);
                c.Provenance.SourceUrl.Should().StartWith("http", law.Code);
            }
        }
    }

    [Fact]
    public void Build_MinimalFile_Loads()
    {
        var library = LawLibrary.Build([("zz.json", DataFiles.Bytes(DataFiles.Minimal()))]);

        library.Find(" zz ")!.Name.Should().Be("Testland");
        library.Find("ZZ")!.ListingOn("chronic-pain", new DateOnly(2019, 1, 1)).Should().NotBeNull();
        library.Find("ZZ")!.ListingOn("chronic-pain", new DateOnly(2018, 12, 31)).Should().BeNull();
    }

    [Fact]
    public void Build_UnknownProperty_FailsWithPathAndLine()
    {
        var file = DataFiles.Minimal();
        file["conditions"]![0]!["qualifierz"] = new JsonArray();

        var problem = LoadFails(file).Problems.Single();

        problem.File.Should().Be("zz.json");
        problem.Path.Should().Contain("conditions[0]");
        problem.Line.Should().BeGreaterThan(1);
        problem.Message.Should().Contain("qualifierz");
    }

    [Fact]
    public void Build_MissingRequiredProperty_Fails()
    {
        var file = DataFiles.Minimal();
        file["conditions"]![0]!.AsObject().Remove("citation");

        LoadFails(file).Message.Should().Contain("citation");
    }

    [Theory]
    [InlineData("status", "maybe", "listed, unknown")]
    [InlineData("from", "2019-02-30", "not a date")]
    [InlineData("from", "01/02/2019", "not a date")]
    [InlineData("condition", "heroin-addiction", "unknown condition id")]
    [InlineData("condition", "Chronic Pain", "kebab-case")]
    [InlineData("sourceUrl", "www.example.test", "not an http(s) URL")]
    [InlineData("confidence", "certain", "high, medium, low")]
    public void Build_BadValueInConditionEntry_FailsNamingPathAndWhatWasExpected(string property, string value, string expected)
    {
        var file = DataFiles.Minimal();
        file["conditions"]![0]![property] = value;

        var problem = LoadFails(file).Problems.Single();

        problem.Path.Should().Be($"$.conditions[0].{property}");
        problem.Line.Should().BeGreaterThan(1);
        problem.Message.Should().Contain(expected);
    }

    [Fact]
    public void Build_UnknownQualifier_FailsListingTheOnesTheRulesUnderstand()
    {
        var file = DataFiles.Minimal();
        file["conditions"]![0]!["qualifiers"] = new JsonArray(new JsonObject { ["kind"] = "very-intractable" });

        LoadFails(file).Problems.Single().Message.Should().Contain("unknown qualifier").And.Contain("intractable");
    }

    [Fact]
    public void Build_MinimumDurationWithoutMonths_Fails()
    {
        var file = DataFiles.Minimal();
        file["conditions"]![0]!["qualifiers"] = new JsonArray(new JsonObject { ["kind"] = "minimum-duration" });

        LoadFails(file).Problems.Single().Path.Should().Be("$.conditions[0].qualifiers[0].months");
    }

    [Fact]
    public void Build_ReversedInterval_Fails()
    {
        var file = DataFiles.Minimal();
        file["conditions"]![0]!["from"] = "2020-01-01";
        file["conditions"]![0]!["until"] = "2019-01-01";

        LoadFails(file).Problems.Single().Message.Should().Contain("not after from");
    }

    [Fact]
    public void Build_OverlappingEntriesForOneCondition_Fails()
    {
        var file = DataFiles.Minimal();
        var second = file["conditions"]![0]!.DeepClone();
        second["from"] = "2020-01-01";
        file["conditions"]!.AsArray().Add(second);

        var problem = LoadFails(file).Problems.Single();

        problem.Path.Should().Be("$.conditions[1]");
        problem.Message.Should().Contain("overlaps");
    }

    [Fact]
    public void Build_AdjacentEntriesForOneCondition_Load()
    {
        var file = DataFiles.Minimal();
        file["conditions"]![0]!["until"] = "2020-01-01";
        var second = file["conditions"]![0]!.DeepClone();
        second["from"] = "2020-01-01";
        second["until"] = null;
        file["conditions"]!.AsArray().Add(second);

        LawLibrary.Build([("zz.json", DataFiles.Bytes(file))]).Find("ZZ")!.ListingsOf("chronic-pain").Should().HaveCount(2);
    }

    [Fact]
    public void Build_DuplicateJurisdiction_Fails()
    {
        var act = () => LawLibrary.Build([("zz.json", DataFiles.Bytes(DataFiles.Minimal())), ("zz.json", DataFiles.Bytes(DataFiles.Minimal()))]);

        act.Should().Throw<LawDataException>().WithMessage("*already defined*");
    }

    [Fact]
    public void Build_CodeDoesNotMatchFileName_Fails()
    {
        LoadFails(DataFiles.Minimal("ZY")).Problems.Single().Message.Should().Contain("does not match the file name");
    }

    [Fact]
    public void Build_DuplicateKey_Fails()
    {
        var json = Encoding.UTF8.GetString(DataFiles.Bytes(DataFiles.Minimal())).Replace("\"name\": \"Testland\",", "\"name\": \"Testland\",\n  \"name\": \"Other\",");

        LoadFails(Encoding.UTF8.GetBytes(json)).Message.Should().Contain("name");
    }

    [Fact]
    public void Build_SyntaxError_FailsWithTheLine()
    {
        var json = Encoding.UTF8.GetString(DataFiles.Bytes(DataFiles.Minimal())).Replace("\"Testland\",", "\"Testland\"");

        var problem = LoadFails(Encoding.UTF8.GetBytes(json)).Problems.Single();

        problem.Line.Should().BeGreaterThan(1);
    }

    [Theory]
    [InlineData(new byte[0], "empty")]
    [InlineData(new byte[] { 0x6E, 0x75, 0x6C, 0x6C }, "null")]
    [InlineData(new byte[] { 0x5B, 0x5D }, "expected an object")]
    public void Build_NotAnObject_Fails(byte[] bytes, string expected)
    {
        LoadFails(bytes).Message.Should().Contain(expected);
    }

    [Theory]
    [InlineData("conditions")]
    [InlineData("sources")]
    [InlineData("programs")]
    [InlineData("kratom")]
    public void Build_NullArrayItem_FailsNamingTheItem(string array)
    {
        var file = DataFiles.Minimal();
        file[array]!.AsArray().Insert(0, null);

        var problem = LoadFails(file).Problems.Single();

        problem.Path.Should().Be($"$.{array}[0]");
        problem.Line.Should().BeGreaterThan(1);
        problem.Message.Should().Be("null is not allowed here; expected an object");
    }

    [Fact]
    public void Build_WrongType_SaysWhatTheFormatExpects()
    {
        var file = DataFiles.Minimal();
        file["patients"]!["adultAge"]!["age"] = "eighteen";

        var problem = LoadFails(file).Problems.Single();

        problem.Path.Should().Be("$.patients.adultAge.age");
        problem.Message.Should().StartWith("expected a whole number").And.NotContain("Eligibility.Data.Internal");
    }

    [Fact]
    public void Build_InvalidUtf8InAString_FailsWithPathAndLine()
    {
        var json = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(DataFiles.Bytes(DataFiles.Minimal())).Replace("Testland", "Test\\u0001land"));
        var bytes = DataFiles.Bytes(DataFiles.Minimal());
        var at = Encoding.UTF8.GetString(bytes).IndexOf("Testland", StringComparison.Ordinal);
        bytes = [.. bytes[..at], 0xC3, 0x28, .. bytes[at..]];

        var problem = LoadFails(bytes).Problems.Single();

        problem.Path.Should().Be("$.name");
        problem.Line.Should().Be(4);
        problem.Message.Should().Contain("not valid UTF-8");
        LoadFails(json).Problems.Single().Message.Should().Contain("control character U+0001");
    }

    [Fact]
    public void Build_ByteOrderMark_IsAccepted()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(DataFiles.Bytes(DataFiles.Minimal())).ToArray();

        LawLibrary.Build([("zz.json", bytes)]).Jurisdictions.Should().ContainSingle();
    }

    [Fact]
    public void Build_OneBadFileAmongGood_NothingIsLoaded()
    {
        var bad = DataFiles.Minimal("ZY");
        bad["lastVerified"] = "yesterday";

        var act = () => LawLibrary.Build([("zz.json", DataFiles.Bytes(DataFiles.Minimal())), ("zy.json", DataFiles.Bytes(bad))]);

        act.Should().Throw<LawDataException>().Which.Problems.Should().ContainSingle(p => p.File == "zy.json");
    }

    [Fact]
    public void LoadDirectory_Missing_FailsNamingIt()
    {
        var act = () => LawLibrary.LoadDirectory("/nonexistent/eligibility-data");

        act.Should().Throw<LawDataException>().WithMessage("*does not exist*");
    }

    [Fact]
    public void LoadDirectory_NoDataFiles_Fails()
    {
        var dir = DataFiles.TempDirectory(("schema.json", "{}"u8.ToArray()));

        var act = () => LawLibrary.LoadDirectory(dir);

        act.Should().Throw<LawDataException>().WithMessage("*no jurisdiction files*");
    }

    [Fact]
    public void DataVersion_ChangesWhenAFileChanges()
    {
        var before = LawLibrary.Build([("zz.json", DataFiles.Bytes(DataFiles.Minimal()))]);
        var edited = DataFiles.Minimal();
        edited["name"] = "Testland 2";
        var after = LawLibrary.Build([("zz.json", DataFiles.Bytes(edited))]);

        after.DataVersion.Should().NotBe(before.DataVersion);
        after.Find("ZZ")!.DataVersion.Should().NotBe(before.Find("ZZ")!.DataVersion);
    }
}
