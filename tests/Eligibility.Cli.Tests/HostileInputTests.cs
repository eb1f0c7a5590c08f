namespace Eligibility.Cli.Tests;

/// <summary>
/// Hostile and broken input on the command line: every one ends with exit code 2 and one clean line on stderr (no
/// stack trace, no control characters echoed, never the whole of a huge input), or with a decision and exit code 0.
/// </summary>
public class HostileInputTests
{
    private static readonly string Megabyte = new('x', 1 << 20);

    public static TheoryData<string, string[], string> UsageErrors() => new()
    {
        { "blank state", ["check", "--state", "", "--condition", "cancer"], "A jurisdiction is required" },
        { "unknown state", ["check", "--state", "ZZ", "--condition", "cancer"], "Unknown jurisdiction. Send a USPS code" },
        { "state with escape sequence", ["check", "--state", "\u001b[2J", "--condition", "cancer"], "Unknown jurisdiction" },
        { "state with newline", ["check", "--state", "NY\nrm -rf /", "--condition", "cancer"], "Unknown jurisdiction" },
        { "1 MB state", ["check", "--state", Megabyte, "--condition", "cancer"], "Unknown jurisdiction" },
        { "blank condition", ["check", "--state", "NY", "--condition", ""], "Condition 1 is empty" },
        { "second condition blank", ["check", "--state", "NY", "--condition", "cancer", "--condition", "  "], "Condition 2 is empty" },
        { "control character in condition", ["check", "--state", "NY", "--condition", "can\u0007cer"], "control character U+0007" },
        { "escape sequence in condition", ["check", "--state", "NY", "--condition", "\u001b[31mcancer"], "control character U+001B" },
        { "NUL in condition", ["check", "--state", "NY", "--condition", "cancer\u0000pain"], "control character U+0000" },
        { "1 MB condition", ["check", "--state", "NY", "--condition", Megabyte], $"send at most {EligibilityQuery.MaxConditionLength}" },
        { "10,000 conditions", ["check", "--state", "NY", .. Enumerable.Range(0, 10_000).SelectMany(i => new[] { "--condition", $"c{i}" })], $"send at most {EligibilityQuery.MaxConditions}" },
        { "age -1", ["check", "--state", "NY", "--condition", "cancer", "--age", "-1"], "send an age from 0 to 130" },
        { "age 200", ["check", "--state", "NY", "--condition", "cancer", "--age", "200"], "send an age from 0 to 130" },
        { "age beyond int", ["check", "--state", "NY", "--condition", "cancer", "--age", "99999999999"], "--age" },
        { "age not a number", ["check", "--state", "NY", "--condition", "cancer", "--age", "\u001b[2Jforty"], "--age" },
        { "duration -1", ["check", "--state", "NY", "--condition", "cancer", "--duration-months", "-1"], "send 0 to 1200" },
        { "blank medication", ["check", "--state", "NY", "--condition", "cancer", "--medication", ""], "Medication 1 is empty" },
        { "1 MB medication", ["check", "--state", "NY", "--condition", "cancer", "--medication", Megabyte], "characters long" },
        { "control character in medication", ["check", "--state", "NY", "--condition", "cancer", "--medication", "metha\u0000done"], "control character" },
        { "year 0", ["check", "--state", "NY", "--condition", "cancer", "--as-of", "0000-01-01"], "--as-of YYYY-MM-DD" },
        { "year 10000", ["check", "--state", "NY", "--condition", "cancer", "--as-of", "10000-01-01"], "--as-of YYYY-MM-DD" },
        { "date with escape sequence", ["check", "--state", "NY", "--condition", "cancer", "--as-of", "\u001b[2J"], "--as-of YYYY-MM-DD" },
        { "1 MB date", ["check", "--state", "NY", "--condition", "cancer", "--as-of", Megabyte], "--as-of YYYY-MM-DD" },
        { "unknown qualifier", ["check", "--state", "NY", "--condition", "cancer", "--attest", "\u001b[2J"], "not a qualifier" },
        { "scan blank", ["scan", "--condition", " "], "Condition 1 is empty" },
        { "scan control character", ["scan", "--condition", "pain\u0000"], "control character" },
        { "scan 1 MB", ["scan", "--condition", Megabyte], $"send at most {EligibilityQuery.MaxConditionLength}" },
        { "kratom blank state", ["kratom", "--state", ""], "A jurisdiction is required" },
        { "kratom escape sequence", ["kratom", "--state", "\u001b]0;pwned\u0007"], "Unknown jurisdiction" },
        { "unknown option with escape sequence", ["check", "--state", "NY", "--condition", "cancer", "--\u001b[2J"], "Unrecognized" },
        { "missing data directory", ["check", "--state", "NY", "--condition", "cancer", "--data", "/nonexistent/\u001b[2J"], "invalid law data" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public void HostileInput_ExitCode2AndOneCleanLineOnStderr(string name, string[] args, string expected)
    {
        _ = name;
        var result = CliRunner.Run(args);

        result.ExitCode.Should().Be(CliApp.UsageError);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().StartWith("error: ").And.EndWith(Environment.NewLine).And.Contain(expected);
        var line = result.Stderr[..^Environment.NewLine.Length];
        line.Should().NotContain("\n").And.NotContain("\r").And.NotContain("   at ");
        line.Any(char.IsControl).Should().BeFalse("control characters from the input are never echoed to the terminal");
        line.Length.Should().BeLessThan(1500, "a huge input is never echoed in full");
    }

    [Theory]
    [InlineData("0001-01-01", "no-program")]
    [InlineData("9999-12-31", "qualifies")]
    public void Check_AtBothEndsOfTime_Decides(string asOf, string outcome)
    {
        var result = CliRunner.Run("check", "--state", "NY", "--condition", "cancer", "--as-of", asOf, "--format", "json");

        result.ExitCode.Should().Be(CliApp.Ok);
        result.Stderr.Should().BeEmpty();
        result.Json.GetProperty("outcome").GetString().Should().Be(outcome);
        result.Json.GetProperty("asOf").GetString().Should().Be(asOf);
    }

    [Theory]
    [InlineData(" ny ")]
    [InlineData("Ny")]
    [InlineData("\tNY\n")]
    public void Check_StateInAnyCaseWithWhitespace_Decides(string state)
    {
        var result = CliRunner.Run("check", "--state", state, "--condition", "cancer", "--format", "json");

        result.ExitCode.Should().Be(CliApp.Ok);
        result.Json.GetProperty("jurisdiction").GetString().Should().Be("NY");
    }

    [Fact]
    public void Check_DataDirectoryWithBrokenFile_ExitCode2WithTheFileAndLine()
    {
        var dir = Path.Combine(Path.GetTempPath(), "eligibility-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "nj.json"), [.. "{\n  \"code\": \"NJ\",\n  \"name\": \""u8, 0xC3, 0x28, .. "\"\n}"u8]);

            var result = CliRunner.Run("check", "--state", "NJ", "--condition", "cancer", "--data", dir);

            result.ExitCode.Should().Be(CliApp.UsageError);
            result.Stderr.Should().StartWith("error: invalid law data: nj.json:3: $.name: ").And.Contain("UTF-8");
            result.Stderr.TrimEnd().Should().NotContain("\n");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
