using System.Text.Json;

namespace Eligibility.Cli.Tests;

public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;
}

public static class CliRunner
{
    /// <summary>
    /// A published tool to run instead of the in-process app (ELIGIBILITY_CLI, e.g. the NativeAOT build), so that the
    /// same tests prove the published program answers as the library does (see .ci/aot.sh).
    /// </summary>
    private static readonly string? ExternalTool = Environment.GetEnvironmentVariable("ELIGIBILITY_CLI") is { Length: > 0 } path ? path : null;

    public static CliResult Run(params string[] args)
    {
        if (ExternalTool is not null)
        {
            return RunExternal(ExternalTool, args);
        }

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    private static CliResult RunExternal(string tool, string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout, stderr.Result);
    }

    public static string StatesDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!Directory.Exists(Path.Combine(dir!.FullName, "data", "states")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir.FullName, "data", "states");
    }
}
