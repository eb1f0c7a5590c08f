namespace Eligibility.Cli.Tests;

/// <summary>
/// Golden files pin the text and JSON explanation of one decision per outcome, on a small synthetic data set so that
/// research updates to the real data do not churn them. Set UPDATE_GOLDEN=1 to rewrite them after a deliberate change.
/// </summary>
public class GoldenTests
{
    private static readonly string GoldenDirectory = Path.Combine(AppContext.BaseDirectory, "Golden");

    public static TheoryData<string, string[]> Cases => new()
    {
        { "qualifies", ["check", "--state", "XA", "--condition", "cancer", "--as-of", "2026-01-01"] },
        { "qualifies-with-requirements", ["check", "--state", "XA", "--condition", "chronic-pain", "--as-of", "2026-01-01", "--age", "40"] },
        { "implied-minor-advisory", ["check", "--state", "XA", "--condition", "opioid-withdrawal", "--as-of", "2026-01-01", "--age", "16", "--medication", "methadone"] },
        { "practitioner-discretion", ["check", "--state", "XA", "--condition", "ptsd", "--as-of", "2026-01-01", "--age", "30"] },
        { "not-qualifying", ["check", "--state", "XA", "--condition", "ptsd", "--as-of", "2021-12-31"] },
        { "not-qualifying-visitor", ["check", "--state", "XA", "--condition", "cancer", "--as-of", "2026-01-01", "--visitor"] },
        { "law-unknown", ["check", "--state", "XA", "--condition", "migraine", "--as-of", "2026-01-01", "--age", "17"] },
        { "unknown-listing-with-discretion", ["check", "--state", "XA", "--condition", "migraine", "--as-of", "2026-01-01"] },
        { "no-program", ["check", "--state", "XB", "--condition", "cancer", "--as-of", "2026-01-01"] },
        { "unknown-condition", ["check", "--state", "XA", "--condition", "xyzzy", "--as-of", "2026-01-01"] },
        { "explain", ["check", "--state", "XA", "--condition", "opioid-use-disorder", "--as-of", "2026-01-01", "--explain"] },
        { "history", ["history", "--state", "XA", "--condition", "chronic-pain"] },
        { "diff", ["diff", "--from", "2018-01-01", "--to", "2026-01-01", "--state", "XA"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_MatchesTheGoldenFile(string name, string[] args)
    {
        foreach (var format in new[] { "text", "json" })
        {
            var result = CliRunner.Run([.. args, "--data", Path.Combine(GoldenDirectory, "data"), "--format", format]);
            result.ExitCode.Should().Be(0, result.Stderr);
            var file = Path.Combine(GoldenDirectory, "expected", $"{name}.{(format == "json" ? "json" : "txt")}");
            if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
            {
                var source = Path.Combine(SourceGoldenDirectory(), "expected", Path.GetFileName(file));
                File.WriteAllText(source, result.Stdout);
                continue;
            }

            File.Exists(file).Should().BeTrue($"golden file {name}.{format} is missing; run the tests with UPDATE_GOLDEN=1 to create it");
            result.Stdout.ReplaceLineEndings("\n").Should().Be(File.ReadAllText(file).ReplaceLineEndings("\n"), $"{name} ({format}) changed; if deliberate, rerun with UPDATE_GOLDEN=1 and review the diff");
        }
    }

    private static string SourceGoldenDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Eligibility.Cli.Tests.csproj")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir.FullName, "Golden");
    }
}
