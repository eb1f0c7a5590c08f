using System.Text.Json;
using System.Text.Json.Serialization;

namespace Eligibility;

/// <summary>
/// Reads an <see cref="EligibilityQuery"/> from JSON (camelCase, as <c>check --input</c> lines and web requests send it)
/// strictly: an unknown property, a value of the wrong type or a missing required value is an error that says what was
/// wrong and what to send, never a silently dropped field.
/// </summary>
public static class EligibilityQueryJson
{
    /// <summary>A query that works, for messages.</summary>
    public const string Example = """{"jurisdiction":"NJ","conditions":["opioid-use-disorder"]}""";

    /// <summary>What each query property must hold.</summary>
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

    /// <summary>Reads one query from a JSON text.</summary>
    /// <param name="json">One JSON object.</param>
    /// <returns>The query (not yet validated: <see cref="IEligibilityEngine.Evaluate"/> checks its values).</returns>
    /// <exception cref="FormatException">The JSON is malformed or not a query; the message says what to send instead.</exception>
    public static EligibilityQuery Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize(json, QueryJsonContext.Default.EligibilityQuery) ?? throw NotAnObject();
        }
        catch (JsonException e)
        {
            throw new FormatException(Describe(e), e);
        }
    }

    /// <summary>Reads one query from a UTF-8 JSON stream (e.g. a request body).</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The query (not yet validated).</returns>
    /// <exception cref="FormatException">The JSON is malformed or not a query; the message says what to send instead.</exception>
    public static async ValueTask<EligibilityQuery> ParseAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        try
        {
            return await JsonSerializer.DeserializeAsync(utf8Json, QueryJsonContext.Default.EligibilityQuery, cancellationToken).ConfigureAwait(false) ?? throw NotAnObject();
        }
        catch (JsonException e)
        {
            throw new FormatException(Describe(e), e);
        }
    }

    private static FormatException NotAnObject() => new("expected a JSON object, found null.");

    /// <summary>What was wrong with the JSON and what to send instead, in one sentence.</summary>
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

        // System.Text.Json ends its messages with " Path: $.x | LineNumber: 0 | BytePositionInLine: 7."; the path is given here.
        var cut = e.Message.IndexOf(" Path: ", StringComparison.Ordinal);
        var message = string.Join(' ', (cut > 0 ? e.Message[..cut] : e.Message).Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries)).TrimEnd();
        return $"malformed JSON at {path}: {(message.EndsWith('.') ? message : message + ".")}";
    }
}

/// <summary>Strict reading of queries: camelCase, no unknown properties, no null where a value is required.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(EligibilityQuery))]
internal sealed partial class QueryJsonContext : JsonSerializerContext;
