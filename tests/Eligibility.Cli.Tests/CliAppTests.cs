using System.Text.Json;

namespace Eligibility.Cli.Tests;

public class CliAppTests
{
    [Fact]
    public void Check_Json_HasTheContractShapeInCamelCaseWithKebabCaseValues()
    {
        var result = CliRunner.Run("check", "--state", "NJ", "--condition", "opioid-use-disorder", "--as-of", "2026-11-22", "--format", "json");

        result.ExitCode.Should().Be(0);
        result.Stderr.Should().BeEmpty();
        var json = result.Json;
        json.GetProperty("jurisdiction").GetString().Should().Be("NJ");
        json.GetProperty("asOf").GetString().Should().Be("2026-11-22");
        json.GetProperty("outcome").GetString().Should().Be("qualifies");
        var condition = json.GetProperty("conditions")[0];
        condition.GetProperty("input").GetString().Should().Be("opioid-use-disorder");
        condition.GetProperty("condition").GetString().Should().Be("opioid-use-disorder");
        condition.GetProperty("outcome").GetString().Should().Be("qualifies");
        condition.GetProperty("basis").GetString().Should().Be("listed");
        condition.GetProperty("citation").GetString().Should().Contain("24:6I-3");
        condition.GetProperty("requirements").ValueKind.Should().Be(JsonValueKind.Array);
        json.GetProperty("requirements").ValueKind.Should().Be(JsonValueKind.Array);
        json.GetProperty("advisories").ValueKind.Should().Be(JsonValueKind.Array);
        json.GetProperty("explanation").GetArrayLength().Should().BeGreaterThan(2);
        result.Stdout.Should().NotContain("\\u00", "text for terminals is not escaped for HTML");
    }

    [Fact]
    public void Check_Idaho_NoProgram()
    {
        CliRunner.Run("check", "--state", "ID", "--condition", "opioid-use-disorder", "--format", "json").Json.GetProperty("outcome").GetString().Should().Be("no-program");
    }

    [Fact]
    public void Check_TexasChronicPain_ShowsLowThcScopeAndRequirements()
    {
        var condition = CliRunner.Run("check", "--state", "TX", "--condition", "chronic-pain", "--as-of", "2026-11-22", "--format", "json").Json.GetProperty("conditions")[0];

        condition.GetProperty("productScope").GetString().Should().Be("low-thc");
        condition.GetProperty("outcome").GetString().Should().Be("qualifies-with-requirements");
        condition.GetProperty("requirements").GetArrayLength().Should().BeGreaterThan(0);
    }

    [Fact]
    public void Check_TextFormat_ShowsOutcomeCitationExplanationAndNotice()
    {
        var result = CliRunner.Run("check", "--state", "PA", "--condition", "opioid-withdrawal", "--age", "30", "--medication", "methadone", "--explain");

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().Contain("Pennsylvania (PA)").And.Contain("qualifies-with-requirements").And.Contain("Citation:")
            .And.Contain("Why (rules fired, in order):").And.Contain("Why not").And.Contain("guidance of the prescriber").And.Contain("Not legal advice");
    }

    [Theory]
    [InlineData(new[] { "check", "--state", "XX", "--condition", "cancer" }, "Unknown jurisdiction. Send a USPS code")]
    [InlineData(new[] { "check", "--state", "NY", "--condition", "cancer", "--as-of", "2019-13-01" }, "--as-of YYYY-MM-DD")]
    [InlineData(new[] { "check", "--state", "NY", "--condition", "cancer", "--age", "-1" }, "0 to 130")]
    [InlineData(new[] { "check", "--state", "NY", "--condition", "cancer", "--attest", "sortof" }, "not a qualifier")]
    [InlineData(new[] { "check", "--state", "NY" }, "--condition")]
    [InlineData(new[] { "check", "--state", "NY", "--condition", "cancer", "--format", "xml" }, "xml")]
    [InlineData(new[] { "frobnicate" }, "frobnicate")]
    [InlineData(new[] { "kratom", "--state", "ZZ" }, "Unknown jurisdiction")]
    public void UsageError_ExitCode2WithOneLineOnStderrAndNoStackTrace(string[] args, string expected)
    {
        var result = CliRunner.Run(args);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().StartWith("error: ").And.Contain(expected);
        result.Stderr.TrimEnd().Should().NotContain("\n");
        result.Stderr.Should().NotContain("   at ");
    }

    [Fact]
    public void Check_MalformedDataDirectory_ExitCode2NamingFilePathAndLine()
    {
        var dir = Path.Combine(Path.GetTempPath(), "eligibility-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var text = File.ReadAllText(Path.Combine(CliRunner.StatesDirectory(), "nj.json")).Replace("\"status\": \"listed\"", "\"status\": \"listd\"");
        File.WriteAllText(Path.Combine(dir, "nj.json"), text);

        var result = CliRunner.Run("check", "--state", "NJ", "--condition", "cancer", "--data", dir);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().MatchRegex(@"^error: invalid law data: nj\.json:\d+: \$\.conditions\[\d+\]\.status: 'listd' is not allowed");
    }

    [Fact]
    public void Scan_Json_OneDecisionPerJurisdictionEachWithBasis()
    {
        var json = CliRunner.Run("scan", "--condition", "opioid-withdrawal", "--format", "json").Json;

        json.GetArrayLength().Should().Be(56);
        foreach (var decision in json.EnumerateArray())
        {
            decision.GetProperty("conditions")[0].GetProperty("basis").GetString().Should().NotBeNullOrEmpty();
        }
    }

    [Fact]
    public void Resolve_Json_ArrayWithNullForNoMatch()
    {
        var json = CliRunner.Run("resolve", "chronic-pain", "xyzzy", "--format", "json").Json;

        json.GetArrayLength().Should().Be(2);
        json[0].GetProperty("condition").GetString().Should().Be("chronic-pain");
        json[1].GetProperty("input").GetString().Should().Be("xyzzy");
        json[1].GetProperty("condition").ValueKind.Should().Be(JsonValueKind.Null);
        json[1].GetProperty("suggestions").ValueKind.Should().Be(JsonValueKind.Array);
    }

    [Fact]
    public void States_Json_ListsEveryJurisdictionWithProgramAdultUseVerificationAndConfidence()
    {
        var json = CliRunner.Run("states", "--format", "json").Json;

        json.GetArrayLength().Should().Be(56);
        var id = json.EnumerateArray().Single(s => s.GetProperty("code").GetString() == "ID");
        id.GetProperty("program").GetString().Should().Be("none");
        id.GetProperty("lastVerified").GetString().Should().MatchRegex(@"^\d{4}-\d{2}-\d{2}$");
        id.GetProperty("confidence").GetString().Should().BeOneOf("high", "medium", "low");
        id.TryGetProperty("adultUse", out _).Should().BeTrue();
    }

    [Fact]
    public void Kratom_Text_SaysStatusAndCitation()
    {
        var result = CliRunner.Run("kratom", "--state", "TX", "--as-of", "2026-11-22");

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().Contain("Kratom in TX as of 2026-11-22: regulated").And.Contain("Citation:");
    }
}
