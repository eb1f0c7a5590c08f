namespace Eligibility.Cli.Tests;

public class JurisdictionsTableTests
{
    [Fact]
    public void JurisdictionsTable_CommittedDocsFile_IsUpToDateWithTheData()
    {
        var result = CliRunner.Run("jurisdictions-table");
        var committed = Path.Combine(Path.GetDirectoryName(CliRunner.StatesDirectory())!, "..", "docs", "jurisdictions.md");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Split('\n').Count(l => l.StartsWith("| ") && !l.StartsWith("| code")).Should().Be(56);
        result.Stdout.Should().Contain("| confidence | facts h/m/l | oldest read |", "each row says how its facts are graded and how old the oldest is");
        File.ReadAllText(committed).ReplaceLineEndings("\n").Should().Be(result.Stdout.ReplaceLineEndings("\n"),
            "docs/jurisdictions.md is stale: run 'dotnet run --project src/Eligibility.Cli -- jurisdictions-table > docs/jurisdictions.md'");
    }
}
