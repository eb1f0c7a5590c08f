using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Eligibility.Api;

/// <summary>
/// Reads request bodies and runs the engine within the limits of <see cref="RequestLimits"/>: JSON only (415
/// otherwise), the body read by the strict readers (which stop at their limits), the condition text capped, and the
/// decision work stopped at the per-request budget. A client that goes away mid-request is logged at Debug.
/// </summary>
internal static partial class BoundedRequests
{
    /// <summary>Reads a query body; on failure the problem to answer instead.</summary>
    public static async Task<(EligibilityQuery? Query, IResult? Problem)> ReadQueryAsync(HttpRequest request, ILogger logger)
    {
        if (!request.HasJsonContentType())
        {
            return (null, Problems.NotJson());
        }

        try
        {
            var query = await EligibilityQueryJson.ParseAsync(request.Body, request.HttpContext.RequestAborted);
            return (query, TooMuchText(query.Conditions));
        }
        catch (FormatException e)
        {
            return (null, Problems.MalformedQuery(e));
        }
        catch (Exception e) when (IsClientGone(request.HttpContext, e, logger, out var problem))
        {
            return (null, problem);
        }
    }

    /// <summary>Reads a scan body, <c>{"condition": "...", "asOf": "YYYY-MM-DD"}</c>; on failure the problem to answer instead.</summary>
    public static async Task<(string? Condition, DateOnly? AsOf, IResult? Problem)> ReadScanAsync(HttpRequest request, ILogger logger)
    {
        if (!request.HasJsonContentType())
        {
            return (null, null, Problems.NotJson(Problems.ScanExample));
        }

        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted); // bounded by Kestrel's body limit
            var (condition, asOf) = ParseScan(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            return (condition, asOf, TooMuchText([condition]));
        }
        catch (FormatException e)
        {
            return (null, null, Problems.MalformedQuery(e, Problems.ScanExample));
        }
        catch (Exception e) when (IsClientGone(request.HttpContext, e, logger, out var problem))
        {
            return (null, null, problem);
        }
    }

    /// <summary>Runs <paramref name="decide"/> with a token that fires at the work budget (503) or when the client goes away.</summary>
    public static IResult WithinBudget<T>(HttpContext context, Func<CancellationToken, T> decide)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        budget.CancelAfter(RequestLimits.WorkBudget);
        try
        {
            return TypedResults.Ok(decide(budget.Token));
        }
        catch (ArgumentException e)
        {
            return Problems.InvalidQuery(e);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            return Problems.OverBudget();
        }
        catch (OperationCanceledException)
        {
            return Results.StatusCode(StatusCodes.Status499ClientClosedRequest); // the client went away: nobody reads the answer
        }
    }

    /// <summary>A 400 when the conditions' text passes <see cref="RequestLimits.MaxConditionCharacters"/>, else null.</summary>
    public static IResult? TooMuchText(IReadOnlyList<string> conditions)
    {
        var characters = 0L;
        foreach (var condition in conditions)
        {
            characters += condition?.Length ?? 0;
        }

        return characters > RequestLimits.MaxConditionCharacters ? Problems.TooMuchConditionText((int)Math.Min(characters, int.MaxValue)) : null;
    }

    /// <summary>A body too large, too slow or cut short becomes its 4xx; a client that reset the connection is logged at Debug.</summary>
    private static bool IsClientGone(HttpContext context, Exception e, ILogger logger, out IResult problem)
    {
        if (e is BadHttpRequestException bad)
        {
            LogBodyRejected(logger, bad.StatusCode);
            problem = RequestLimits.BodyProblem(bad);
            return true;
        }

        if (e is IOException or OperationCanceledException)
        {
            LogClientGone(logger, e.GetType().Name);
            // Close the connection: Kestrel would otherwise try to drain a body whose reader just failed, and log that as an Error.
            context.Abort();
            problem = context.RequestAborted.IsCancellationRequested ? Results.StatusCode(StatusCodes.Status499ClientClosedRequest) : Problems.Status(StatusCodes.Status400BadRequest, "Incomplete body", "The request body could not be read to its end; send the whole body.");
            return true;
        }

        problem = Results.Empty;
        return false;
    }

    private static (string Condition, DateOnly? AsOf) ParseScan(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8, new JsonReaderOptions { MaxDepth = 2 });
        string? condition = null;
        DateOnly? asOf = null;
        bool seenAsOf = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new FormatException("expected a JSON object at $ (line 1).");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var line = Line(utf8, reader.TokenStartIndex);
                if (reader.ValueTextEquals("condition"u8))
                {
                    if (condition is not null)
                    {
                        throw new FormatException($"condition appears more than once at $.condition (line {line}); send each property once.");
                    }

                    reader.Read();
                    condition = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new FormatException($"condition must be a string (a condition id, name, phrase or ICD-10-CM code) at $.condition (line {line}).");
                }
                else if (reader.ValueTextEquals("asOf"u8))
                {
                    if (seenAsOf)
                    {
                        throw new FormatException($"asOf appears more than once at $.asOf (line {line}); send each property once.");
                    }

                    seenAsOf = true;
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.Null)
                    {
                        asOf = reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && reader.ValueSpan.Length == 10
                            && DateOnly.TryParseExact(Encoding.ASCII.GetString(reader.ValueSpan), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                            ? day
                            : throw new FormatException($"asOf must be a date string YYYY-MM-DD, e.g. \"2019-01-01\", at $.asOf (line {line}).");
                    }
                }
                else
                {
                    throw new FormatException($"unknown property at $ (line {line}); use condition and asOf (camelCase).");
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                throw new FormatException("malformed JSON; send one JSON object.");
            }
        }
        catch (JsonException e)
        {
            throw new FormatException($"malformed JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}.", e);
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException("a string is not valid UTF-8 text; send text encoded as UTF-8.", e);
        }

        return (condition ?? throw new FormatException("condition is missing; it is required."), asOf);
    }

    private static int Line(ReadOnlySpan<byte> utf8, long index) => utf8[..(int)Math.Min(index, utf8.Length)].Count((byte)'\n') + 1;

    [LoggerMessage(EventId = 110, Level = LogLevel.Debug, Message = "Request body rejected with {StatusCode} (too large, too slow or cut short)")]
    private static partial void LogBodyRejected(ILogger logger, int statusCode);

    [LoggerMessage(EventId = 111, Level = LogLevel.Debug, Message = "The client went away while its body was read ({Exception})")]
    private static partial void LogClientGone(ILogger logger, string exception);
}
