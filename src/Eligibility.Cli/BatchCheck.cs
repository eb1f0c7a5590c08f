using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Eligibility.Cli;

/// <summary>
/// <c>eligibility check --input FILE</c>: one query per line in (JSON Lines), one compact decision per line out.
/// Streams line by line with one engine, so memory stays flat however long the input; a bad line becomes an error
/// object <c>{"line": N, "error": "..."}</c> in its place and the run goes on.
/// </summary>
internal static class BatchCheck
{
    /// <summary>What a query line looks like, for error messages.</summary>
    public const string Example = """{"jurisdiction":"NJ","conditions":["opioid-use-disorder"]}""";

    // Compact, and escaping only what JSON itself requires (like the indented output): one decision a line.
    private static readonly EligibilityJsonContext DecisionJson = new(CompactOptions());

    private static readonly BatchJsonContext ErrorJson = new(CompactOptions());

    /// <summary>Runs a batch from a file, or from standard input when <paramref name="path"/> is <c>-</c>.</summary>
    /// <param name="engine">The engine every line uses.</param>
    /// <param name="path">A JSON Lines file, or <c>-</c> for standard input.</param>
    /// <param name="defaultAsOf">The as-of date for lines that carry none (the command line's --as-of).</param>
    /// <param name="stdout">Where decisions and error objects go.</param>
    /// <param name="stderr">Where the closing summary goes when a line failed.</param>
    /// <returns>0 when every line was decided, 1 when any line failed, 2 when the input cannot be opened.</returns>
    public static int Run(IEligibilityEngine engine, string path, DateOnly? defaultAsOf, TextWriter stdout, TextWriter stderr)
    {
        TextReader reader;
        if (path == "-")
        {
            reader = Console.In;
        }
        else
        {
            try
            {
                reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                stderr.WriteLine($"error: cannot read --input '{path}': {e.Message} Give a file with one JSON query per line, e.g. {Example}, or --input - for standard input.");
                return CliApp.UsageError;
            }
        }

        using (reader)
        {
            var result = Run(engine, reader, stdout, defaultAsOf);
            stdout.Flush();
            if (result.Failed > 0)
            {
                stderr.WriteLine($"error: {result.Failed} of {result.Lines} lines failed; each has an error object {{\"line\": N, \"error\": \"...\"}} in its place on stdout.");
                return CliApp.Failure;
            }

            return CliApp.Ok;
        }
    }

    /// <summary>Decides every line of <paramref name="input"/>, writing one line of output per non-blank input line.</summary>
    /// <param name="engine">The engine every line uses.</param>
    /// <param name="input">JSON Lines: one <see cref="EligibilityQuery"/> object (camelCase) per line; blank lines are skipped.</param>
    /// <param name="output">Receives one compact decision, or one error object, per query line.</param>
    /// <param name="defaultAsOf">The as-of date for lines that carry none.</param>
    /// <returns>How many query lines were read and how many failed.</returns>
    public static BatchResult Run(IEligibilityEngine engine, TextReader input, TextWriter output, DateOnly? defaultAsOf = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);

        var lineNumber = 0;
        var lines = 0;
        var failed = 0;
        while (input.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            lines++;
            var error = TryDecide(engine, line, defaultAsOf, out var decision);
            if (error is null)
            {
                output.WriteLine(JsonSerializer.Serialize(decision!, DecisionJson.EligibilityDecision));
            }
            else
            {
                failed++;
                output.WriteLine(JsonSerializer.Serialize(new BatchLineError(lineNumber, error), ErrorJson.BatchLineError));
            }
        }

        return new BatchResult(lines, failed);
    }

    /// <summary>Decides one line; returns null on success, else what was wrong with the line in one sentence.</summary>
    private static string? TryDecide(IEligibilityEngine engine, string line, DateOnly? defaultAsOf, out EligibilityDecision? decision)
    {
        decision = null;
        EligibilityQuery? query;
        try
        {
            query = JsonSerializer.Deserialize(line, BatchJsonContext.Default.EligibilityQuery);
        }
        catch (JsonException e)
        {
            return $"not a valid query: {Describe(e)} Send one JSON object per line, e.g. {Example}.";
        }

        if (query is null)
        {
            return $"not a valid query: expected a JSON object, e.g. {Example}.";
        }

        if (query.AsOf is null && defaultAsOf is not null)
        {
            query = query with { AsOf = defaultAsOf };
        }

        try
        {
            decision = engine.Evaluate(query);
            return null;
        }
        catch (ArgumentException e)
        {
            return OneLine(WithoutParameterName(e.Message));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"internal failure ({e.GetType().Name}): {OneLine(e.Message)}";
        }
    }

    /// <summary>What each query property must hold, for error messages.</summary>
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["jurisdiction"] = "a USPS code string such as \"NJ\"",
        ["conditions"] = "an array of condition strings, e.g. [\"chronic pain\"]",
        ["asOf"] = "a date string YYYY-MM-DD, e.g. \"2019-01-01\"",
        ["age"] = "a whole number of years (0 to 130)",
        ["visitor"] = "true or false",
        ["medications"] = "an array of medication names",
        ["attested"] = $"an array of qualifiers ({string.Join(", ", Data.Internal.QualifierKinds.Names)})",
        ["durationMonths"] = "a whole number of months",
        ["explain"] = "true or false",
    };

    /// <summary>Says what was wrong with a line's JSON and what to send instead, in one sentence.</summary>
    private static string Describe(JsonException e)
    {
        var path = e.Path ?? "$";
        var property = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..].Split('[', '.')[0] : null;
        if (e.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return $"'{property}' is not a query property; use {string.Join(", ", Expected.Keys)} (camelCase).";
        }

        if (e.Message.Contains("missing required properties", StringComparison.Ordinal))
        {
            return "jurisdiction and conditions are required.";
        }

        if (property is not null && Expected.TryGetValue(property, out var expected))
        {
            return $"{property} must be {expected}.";
        }

        return $"malformed JSON at {path}: {JsonMessage(e)}";
    }

    // System.Text.Json ends its messages with " Path: $.x | LineNumber: 0 | BytePositionInLine: 7."; the path is reported separately.
    private static string JsonMessage(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        message = OneLine(cut > 0 ? message[..cut] : message).TrimEnd();
        return message.EndsWith('.') ? message : message + ".";
    }

    private static string WithoutParameterName(string message)
    {
        var cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static JsonSerializerOptions CompactOptions() => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string OneLine(string text) => string.Join(' ', text.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>The outcome of a batch.</summary>
/// <param name="Lines">Query lines read (blank lines not counted).</param>
/// <param name="Failed">Lines that got an error object instead of a decision.</param>
internal readonly record struct BatchResult(int Lines, int Failed);

/// <summary>The error object written in place of a bad line's decision.</summary>
/// <param name="Line">The line's number in the input, from 1.</param>
/// <param name="Error">What was wrong, and what to send instead.</param>
internal sealed record BatchLineError(int Line, string Error);

/// <summary>
/// Reads query lines strictly: camelCase properties, an unknown property or a null where a value is required fails the
/// line (a typo such as "jurisdicton" never silently drops a field).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    WriteIndented = false)]
[JsonSerializable(typeof(EligibilityQuery))]
[JsonSerializable(typeof(BatchLineError))]
internal sealed partial class BatchJsonContext : JsonSerializerContext;
