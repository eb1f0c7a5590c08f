using System.Text.Json;

namespace Eligibility.Cli.Tests;

/// <summary>Issue 13: <c>eligibility conditions</c> lists the catalog, and check/resolve say how each input was read.</summary>
public class ConditionsCommandTests
{
    [Fact]
    public void Conditions_Json_ListsEveryConditionWithNameRelationsCodesAndPhraseCount()
    {
        var result = CliRunner.Run("conditions", "--format", "json");

        result.ExitCode.Should().Be(0, result.Stderr);
        var json = result.Json;
        json.GetArrayLength().Should().BeGreaterThanOrEqualTo(100);
        var oud = json.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "opioid-use-disorder");
        oud.GetProperty("name").GetString().Should().Be("Opioid use disorder");
        oud.GetProperty("canonical").GetBoolean().Should().BeTrue();
        oud.GetProperty("isA").EnumerateArray().Select(x => x.GetString()).Should().Contain("substance-use-disorder");
        oud.GetProperty("phrases").GetInt32().Should().BeGreaterThan(20);
        var f112 = oud.GetProperty("codes").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "F11.2");
        f112.GetProperty("verified").GetBoolean().Should().BeTrue();
        f112.GetProperty("title").GetString().Should().Be("Opioid dependence");
        var withdrawal = json.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "opioid-withdrawal");
        withdrawal.GetProperty("implies").EnumerateArray().Select(x => x.GetString()).Should().Equal("opioid-use-disorder");
    }

    [Fact]
    public void Conditions_Text_OneLinePerConditionAndACount()
    {
        var result = CliRunner.Run("conditions");

        result.ExitCode.Should().Be(0, result.Stderr);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().Contain(l => l.StartsWith("chronic-pain ") && l.Contains("Chronic pain (canonical)") && l.Contains("G89.2"));
        lines[^1].Should().MatchRegex(@"^\d{3} conditions\.");
    }

    [Theory]
    [InlineData("suboxone", "'suboxone' read as Opioid use disorder (medication")]
    [InlineData("heroin addiction", "'heroin addiction' read as Opioid use disorder (synonym)")]
    [InlineData("hip pain for 3 years", "'hip pain for 3 years' read as Chronic pain (duration, from 'pain', 36 months)")]
    [InlineData("methadone", "'methadone' not read as a condition: methadone treats both")]
    public void Resolve_Text_SaysHowEachInputWasRead(string input, string expected)
    {
        var result = CliRunner.Run("resolve", input);

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain(expected);
    }

    [Fact]
    public void Resolve_Json_MedicationKindAndDuration()
    {
        var json = CliRunner.Run("resolve", "sublocade", "back pain for 2 years", "--format", "json").Json;

        json[0].GetProperty("condition").GetString().Should().Be("opioid-use-disorder");
        json[0].GetProperty("kind").GetString().Should().Be("medication");
        json[1].GetProperty("condition").GetString().Should().Be("chronic-pain");
        json[1].GetProperty("kind").GetString().Should().Be("duration");
        json[1].GetProperty("durationMonths").GetInt32().Should().Be(24);
    }

    [Fact]
    public void Check_Text_SaysHowEachInputWasRead()
    {
        var result = CliRunner.Run("check", "--state", "NJ", "--condition", "heroin addiction", "--condition", "suboxone", "--as-of", "2026-11-22");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain("'heroin addiction' read as Opioid use disorder (synonym)");
        result.Stdout.Should().Contain("'suboxone' read as Opioid use disorder (medication");
    }

    [Fact]
    public void Check_Json_ReadAsCarriesKindAndDuration()
    {
        var json = CliRunner.Run("check", "--state", "NJ", "--condition", "knee pain for 5 years", "--as-of", "2026-11-22", "--format", "json").Json;

        var readAs = json.GetProperty("conditions")[0].GetProperty("readAs");
        readAs.GetProperty("kind").GetString().Should().Be("duration");
        readAs.GetProperty("durationMonths").GetInt32().Should().Be(60);
        json.GetProperty("conditions")[0].GetProperty("condition").GetString().Should().Be("chronic-pain");
    }
}
