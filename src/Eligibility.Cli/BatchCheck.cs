using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Eligibility.Cli;

/// <summary>
/// <c>eligibility check --input FILE</c>: one query per line in (JSON Lines), one compact decision per line out.
/// Streams line by line with one engine, so memory stays flat however long the input; a bad line becomes an error
/// object <c>{"line": N, "error": "..."}</c> in its place and the run goes on. A line longer than
/// <see cref="MaxLineLength"/> is skipped unread (its error object says so); input that is not text (a NUL character)
/// or a line with no end in sight (<see cref="MaxSkippedLength"/>) ends the run with <see cref="UnreadableInput"/>.
/// </summary>
internal static class BatchCheck
{
    /// <summary>What a query line looks like, for error messages.</summary>
    public const string Example = EligibilityQueryJson.Example;

    /// <summary>Exit code when the input cannot be opened or read, or is not JSON Lines text (usage errors are 2, failed lines 1).</summary>
    public const int UnreadableInput = 3;

    /// <summary>Longest line decided, in characters (64 Ki): a query is a few hundred; longer lines get an error object.</summary>
    public const int MaxLineLength = 64 * 1024;

    /// <summary>Longest line skipped before the input is declared unreadable (1 Gi characters): an endless input ends.</summary>
    public const long MaxSkippedLength = 1L << 30;

    // Compact, and escaping only what JSON itself requires (like the indented output): one decision a line.
    private static readonly EligibilityJsonContext DecisionJson = new(CompactOptions());

    private static readonly BatchJsonContext ErrorJson = new(CompactOptions());

    /// <summary>Runs a batch from a file, or from standard input when <paramref name="path"/> is <c>-</c>.</summary>
    /// <param name="engine">The engine every line uses.</param>
    /// <param name="path">A JSON Lines file, or <c>-</c> for standard input.</param>
    /// <param name="defaultAsOf">The as-of date for lines that carry none (the command line's --as-of).</param>
    /// <param name="stdout">Where decisions and error objects go.</param>
    /// <param name="stderr">Where the closing summary goes when a line failed.</param>
    /// <param name="progress">Where to report progress (lines done, lines/s) a few times a second; null for none (stderr is not a terminal).</param>
    /// <returns>0 when every line was decided, 1 when any line failed, <see cref="UnreadableInput"/> (3) when the input cannot be opened or read.</returns>
    public static int Run(IEligibilityEngine engine, string path, DateOnly? defaultAsOf, TextWriter stdout, TextWriter stderr, TextWriter? progress = null)
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
                // The system's message names the path (the user's own argument), never a file's contents.
                stderr.WriteLine($"error: cannot read --input: {e.Message} Give a file with one JSON query per line, e.g. {Example}, or --input - for standard input.");
                return UnreadableInput;
            }
        }

        using (reader)
        {
            BatchResult result;
            try
            {
                result = Run(engine, reader, stdout, defaultAsOf, progress);
            }
            catch (IOException e)
            {
                stdout.Flush();
                stderr.WriteLine($"error: reading --input failed ({e.GetType().Name}); the lines before it were answered.");
                return UnreadableInput;
            }

            stdout.Flush();
            if (result.Unreadable is { } why)
            {
                stderr.WriteLine($"error: {why} --input must be UTF-8 text with one JSON query per line, e.g. {Example}; {result.Lines} lines before it were answered.");
                return UnreadableInput;
            }

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
    /// <param name="progress">Receives "N lines, R lines/s" at most four times a second, on one rewritten line; null for none.</param>
    /// <returns>How many query lines were read and how many failed, and why the input stopped being readable, if it did.</returns>
    public static BatchResult Run(IEligibilityEngine engine, TextReader input, TextWriter output, DateOnly? defaultAsOf = null, TextWriter? progress = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);

        var lines = 0;
        var failed = 0;
        var reader = new BoundedLineReader(input, MaxLineLength, MaxSkippedLength);
        var meter = progress is null ? null : new ProgressMeter(progress);
        while (reader.Next() is { } line)
        {
            if (line.Kind == LineKind.Unreadable)
            {
                meter?.Finish(lines);
                return new BatchResult(lines, failed, line.Problem);
            }

            if (line.Kind == LineKind.Text && string.IsNullOrWhiteSpace(line.Text))
            {
                continue;
            }

            lines++;
            string? error;
            EligibilityDecision? decision = null;
            if (line.Kind == LineKind.TooLong)
            {
                error = $"line {line.Number} is longer than {MaxLineLength:N0} characters, so it was skipped unread; a query is one JSON object of a few hundred characters, e.g. {Example}.";
            }
            else
            {
                error = TryDecide(engine, line.Text!, defaultAsOf, out decision);
            }

            if (error is null)
            {
                output.WriteLine(JsonSerializer.Serialize(decision!, DecisionJson.EligibilityDecision));
            }
            else
            {
                failed++;
                output.WriteLine(JsonSerializer.Serialize(new BatchLineError(line.Number, error), ErrorJson.BatchLineError));
            }

            meter?.Tick(lines);
        }

        meter?.Finish(lines);
        return new BatchResult(lines, failed);
    }

    /// <summary>Decides one line; returns null on success, else what was wrong with the line in one sentence.</summary>
    private static string? TryDecide(IEligibilityEngine engine, string line, DateOnly? defaultAsOf, out EligibilityDecision? decision)
    {
        decision = null;
        EligibilityQuery query;
        try
        {
            query = EligibilityQueryJson.Parse(line);
        }
        catch (FormatException e)
        {
            return e.Message.Contains("e.g.", StringComparison.Ordinal)
                ? $"not a valid query: {e.Message}"
                : $"not a valid query: {e.Message} Send one JSON object per line, e.g. {Example}.";
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
            // The type only: an exception's message may quote the line.
            return $"internal failure ({e.GetType().Name}); the line was not decided.";
        }
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
/// <param name="Unreadable">Why the run stopped before the end of the input (not text, a line without end), or null.</param>
internal readonly record struct BatchResult(int Lines, int Failed, string? Unreadable = null);

/// <summary>The error object written in place of a bad line's decision.</summary>
/// <param name="Line">The line's number in the input, from 1.</param>
/// <param name="Error">What was wrong, and what to send instead.</param>
internal sealed record BatchLineError(int Line, string Error);

/// <summary>The error objects of a batch (queries are read by <see cref="EligibilityQueryJson"/>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(BatchLineError))]
internal sealed partial class BatchJsonContext : JsonSerializerContext;
