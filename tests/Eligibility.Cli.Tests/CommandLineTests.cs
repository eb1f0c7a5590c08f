namespace Eligibility.Cli.Tests;

/// <summary>
/// Issue 15, point 4: the command line takes what people type (jurisdiction names and written forms, enum values in
/// any case), suggests the closest command, option or value on a mistake, and refuses options that mean nothing for
/// the command instead of ignoring them.
/// </summary>
public class CommandLineTests
{
    [Theory]
    [InlineData("New York")]
    [InlineData("new york")]
    [InlineData("N.Y.")]
    [InlineData("NY")]
    [InlineData("ny")]
    [InlineData("  New   York ")]
    public void Check_JurisdictionAsPeopleTypeIt_AnswersForNewYork(string state)
    {
        var result = CliRunner.Run("check", "--state", state, "--condition", "chronic pain", "--format", "json");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Json.GetProperty("jurisdiction").GetString().Should().Be("NY");
    }

    [Theory]
    [InlineData("Puerto Rico", "PR")]
    [InlineData("D.C.", "DC")]
    [InlineData("Washington, D.C.", "DC")]
    [InlineData("District of Columbia", "DC")]
    [InlineData("Washington", "WA")]
    [InlineData("U.S. Virgin Islands", "VI")]
    [InlineData("Calif.", "CA")]
    public void Kratom_JurisdictionByNameOrCommonForm_AnswersForThatJurisdiction(string state, string code)
    {
        var result = CliRunner.Run("kratom", "--state", state, "--as-of", "2026-11-22", "--format", "json");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Json.GetProperty("jurisdiction").GetString().Should().Be(code);
    }

    [Fact]
    public void Check_FormatInUpperCase_IsAccepted()
    {
        var result = CliRunner.Run("check", "--state", "New York", "--condition", "chronic pain", "--format", "JSON");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Json.GetProperty("jurisdiction").GetString().Should().Be("NY");
    }

    [Fact]
    public void Check_AttestInAnyCase_IsAccepted()
    {
        CliRunner.Run("check", "--state", "TX", "--condition", "chronic pain", "--attest", "SEVERE").ExitCode.Should().Be(0);
    }

    [Theory]
    [InlineData(new[] { "check", "--stat", "NJ", "--condition", "cancer" }, "Did you mean --state?")]
    [InlineData(new[] { "check", "--state", "NJ", "--conditon", "cancer" }, "Did you mean --condition?")]
    [InlineData(new[] { "chek", "--state", "NJ" }, "Did you mean check?")]
    [InlineData(new[] { "check", "--state", "New Yrok", "--condition", "cancer" }, "Did you mean NY (New York)?")]
    [InlineData(new[] { "check", "--state", "Pensylvania", "--condition", "cancer" }, "Did you mean PA (Pennsylvania)?")]
    [InlineData(new[] { "check", "--state", "NY", "--condition", "cancer", "--attest", "intractible" }, "Did you mean --attest intractable?")]
    public void Mistake_SuggestsTheClosest(string[] args, string suggestion)
    {
        var result = CliRunner.Run(args);

        result.ExitCode.Should().Be(CliApp.UsageError);
        result.Stderr.Should().StartWith("error: ").And.Contain(suggestion);
        result.Stderr.TrimEnd().Should().NotContain("\n");
    }

    [Theory]
    [InlineData(new[] { "diff", "--from", "2019-01-01", "--as-of", "2020-01-01" }, "--as-of means nothing for diff")]
    [InlineData(new[] { "resolve", "cancer", "--as-of", "2020-01-01" }, "--as-of means nothing for resolve")]
    [InlineData(new[] { "resolve", "cancer", "--data", "/tmp" }, "--data means nothing for resolve")]
    [InlineData(new[] { "history", "--state", "NJ", "--condition", "cancer", "--as-of", "2020-01-01" }, "--as-of means nothing for history")]
    [InlineData(new[] { "jurisdictions-table", "--format", "json" }, "--format means nothing for jurisdictions-table")]
    public void OptionThatMeansNothingForTheCommand_IsRefusedInOneLine(string[] args, string expected)
    {
        var result = CliRunner.Run(args);

        result.ExitCode.Should().Be(CliApp.UsageError);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().StartWith("error: ").And.Contain(expected);
        result.Stderr.TrimEnd().Should().NotContain("\n");
    }

    [Theory]
    [InlineData("check", "--state", "XQZ\u001b[2J")]
    [InlineData("check", "--state", "secret-patient-text")]
    public void UnknownJurisdiction_ErrorNeverRepeatsTheInput(params string[] args)
    {
        var result = CliRunner.Run([.. args, "--condition", "cancer"]);

        result.ExitCode.Should().Be(CliApp.UsageError);
        result.Stderr.Should().Contain("Unknown jurisdiction").And.NotContain(args[2]).And.NotContain("XQZ");
    }

    [Fact]
    public void UnknownCommandWithHostileText_IsNotRepeated()
    {
        var result = CliRunner.Run("\u001b[2Jdrop table");

        result.ExitCode.Should().Be(CliApp.UsageError);
        result.Stderr.Should().Contain("is not a command").And.NotContain("drop table");
    }

    [Fact]
    public void Help_NamesTheToolEligibilityWithExamplesAndTheFullAttestList()
    {
        var result = CliRunner.Run("check", "--help");

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().Contain("eligibility check").And.NotContain("Eligibility.Cli");
        result.Stdout.Should().Contain("Examples:").And.Contain("eligibility check --state NJ --condition \"opioid use disorder\"");
        result.Stdout.Should().Contain("with-oud-treatment").And.Contain("specialist-certification").And.NotContain("...");
    }

    [Theory]
    [InlineData("scan")]
    [InlineData("resolve")]
    [InlineData("states")]
    [InlineData("kratom")]
    [InlineData("history")]
    [InlineData("diff")]
    [InlineData("recheck")]
    [InlineData("jurisdictions-table")]
    public void Help_EveryCommandHasAnExample(string command)
    {
        var result = CliRunner.Run(command, "--help");

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().Contain("Examples:").And.Contain($"eligibility {command}").And.NotContain("Eligibility.Cli");
    }

    [Fact]
    public void Help_Root_NamesTheToolEligibility()
    {
        var result = CliRunner.Run("--help");

        result.Stdout.Should().Contain("eligibility [command] [options]").And.Contain("Examples:").And.NotContain("Eligibility.Cli");
    }
}
