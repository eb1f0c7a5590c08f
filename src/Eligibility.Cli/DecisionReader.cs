using System.Text.Json;

namespace Eligibility.Cli;

/// <summary>Reads earlier decisions from a file: JSON lines, or JSON documents one after another (as <c>check --format json</c> prints them).</summary>
internal static class DecisionReader
{
    public static IReadOnlyList<EligibilityDecision> Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliApp.UsageException($"cannot read '{path}': {e.Message}");
        }

        var decisions = new List<EligibilityDecision>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true, MaxDepth = 64 });
        try
        {
            while (reader.Read())
            {
                var decision = JsonSerializer.Deserialize(ref reader, EligibilityJsonContext.Default.EligibilityDecision)
                    ?? throw new CliApp.UsageException($"{path}: decision {decisions.Count + 1} is null; expected a decision object");
                decisions.Add(decision);
            }
        }
        catch (JsonException e)
        {
            throw new CliApp.UsageException($"{path}: decision {decisions.Count + 1} is not a decision this tool printed (line {(e.LineNumber ?? 0) + 1}, {e.Path}): {e.Message.Split(" Path:")[0]}");
        }

        return decisions.Count == 0 ? throw new CliApp.UsageException($"{path} holds no decisions") : decisions;
    }
}
