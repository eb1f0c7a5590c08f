using System.Text.RegularExpressions;

namespace Eligibility.Cli.Tests;

/// <summary>Issue 15, point 5: text output a person can read.</summary>
public class TextOutputTests
{
    [Fact]
    public void Check_StartsWithThePlainAnswerAndKeepsTheRuleTraceForExplain()
    {
        var result = CliRunner.Run("check", "--state", "NJ", "--condition", "opioid use disorder", "--as-of", "2026-11-22");

        result.ExitCode.Should().Be(0);
        var lines = result.Stdout.Split('\n');
        lines[0].Should().StartWith("New Jersey (NJ), as of 2026-11-22: qualifies");
        result.Stdout.Should().Contain("'opioid use disorder' read as Opioid use disorder (name)")
            .And.Contain("Law: N.J.S.A. 24:6I-3").And.Contain("What to do next:").And.Contain("Practitioner")
            .And.Contain("Add --explain");
        result.Stdout.Should().NotContain("Why (rules fired").And.NotContain("[uses ");
    }

    [Fact]
    public void Check_Explain_AddsTheRuleTrace()
    {
        var result = CliRunner.Run("check", "--state", "NJ", "--condition", "opioid use disorder", "--as-of", "2026-11-22", "--explain");

        result.Stdout.Should().Contain("Why (rules fired, in order):").And.Contain("[uses ").And.NotContain("Add --explain");
    }

    [Fact]
    public void Check_UnrecognizedConditionWithSuggestions_DidYouMeanOnce()
    {
        var result = CliRunner.Run("check", "--state", "NJ", "--condition", "opio", "--as-of", "2026-11-22");

        result.ExitCode.Should().Be(0);
        Regex.Matches(result.Stdout, "Did you mean", RegexOptions.IgnoreCase).Count.Should().Be(1);
        result.Stdout.Should().Contain("not recognized as a condition").And.Contain("opioid-use-disorder");
    }

    [Fact]
    public void Scan_Text_HasAHeaderWithTheConditionAsReadTheDateAndTheColumns()
    {
        var result = CliRunner.Run("scan", "--condition", "dope sick", "--as-of", "2026-11-22");

        result.ExitCode.Should().Be(0);
        var lines = result.Stdout.Split('\n');
        lines[0].Should().Contain("Opioid withdrawal").And.Contain("as of 2026-11-22").And.Contain("'dope sick' read as Opioid withdrawal (layphrase)");
        lines[1].Should().MatchRegex("^code +outcome +basis +citation");
        lines.Count(l => Regex.IsMatch(l, "^[A-Z]{2} ")).Should().Be(56);
    }

    [Fact]
    public void Scan_UnknownCondition_OneLineInsteadOfARowPerJurisdiction()
    {
        var result = CliRunner.Run("scan", "--condition", "xyzzy", "--as-of", "2026-11-22");

        result.ExitCode.Should().Be(0);
        result.Stdout.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().Contain("not recognized as a condition");
        result.Stdout.Should().NotContain("unknown-condition  ");
    }
}
