using System.Diagnostics;
using System.Text;

namespace Eligibility.Cli.Tests;

/// <summary>The same query on the same data gives byte-identical JSON across runs and processes.</summary>
public class DeterminismTests
{
    public static TheoryData<string[]> Commands() => new()
    {
        new[] { "check", "--state", "PA", "--condition", "opioid withdrawal", "--condition", "chronic-pain", "--condition", "broken arm", "--age", "16", "--medication", "suboxone", "--as-of", "2026-11-22", "--explain", "--format", "json" },
        new[] { "check", "--state", "nj", "--condition", "opioid-use-disorder", "--as-of", "2019-01-01", "--visitor", "--attest", "intractable", "--format", "json" },
        new[] { "scan", "--condition", "chronic pain", "--as-of", "2026-11-22", "--format", "json" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Cli_TwoSeparateProcesses_ByteIdenticalStdout(string[] args)
    {
        var first = RunProcess(args, []);
        // The second process runs in another time zone and locale: neither may change an answer that has an as-of date.
        var second = RunProcess(args, new Dictionary<string, string> { ["TZ"] = "Pacific/Kiritimati", ["LANG"] = "de_DE.UTF-8", ["LC_ALL"] = "de_DE.UTF-8" });

        first.ExitCode.Should().Be(0, first.Stderr);
        second.ExitCode.Should().Be(0, second.Stderr);
        first.Stdout.Length.Should().BeGreaterThan(100);
        second.Stdout.Should().Equal(first.Stdout, "the JSON must be byte-identical across processes");

        var inProcess = CliRunner.Run(args);
        Encoding.UTF8.GetBytes(inProcess.Stdout.ReplaceLineEndings(Environment.NewLine)).Should().Equal(first.Stdout, "and identical to the in-process run");
    }

    private static (int ExitCode, byte[] Stdout, string Stderr) RunProcess(string[] args, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliDll());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        using var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the CLI did not finish: {string.Join(' ', args)}");
        }

        copy.GetAwaiter().GetResult();
        return (process.ExitCode, stdout.ToArray(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>The CLI assembly: beside the tests (it is a project reference), else in the CLI project's bin folders.</summary>
    private static string CliDll()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "Eligibility.Cli.dll");
        if (File.Exists(beside) && File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json")))
        {
            return beside;
        }

        var states = CliRunner.StatesDirectory();
        var bin = Path.GetFullPath(Path.Combine(states, "..", "..", "src", "Eligibility.Cli", "bin"));
        return Directory.EnumerateFiles(bin, "Eligibility.Cli.dll", SearchOption.AllDirectories)
            .Where(f => File.Exists(Path.ChangeExtension(f, ".runtimeconfig.json")))
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault() ?? throw new FileNotFoundException($"Eligibility.Cli.dll not found beside the tests or under {bin}; build the solution first");
    }

    /// <summary>The dotnet host running these tests (the SDK sets DOTNET_HOST_PATH), else dotnet on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
