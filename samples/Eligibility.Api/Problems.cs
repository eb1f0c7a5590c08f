using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eligibility.Api;

/// <summary>RFC 7807 problem details for bad input, each saying what to send instead.</summary>
internal static class Problems
{
    /// <summary>A query body that works.</summary>
    public const string Example = """{"jurisdiction":"NJ","conditions":["opioid-use-disorder"]}""";

    private const string BadRequestType = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1";

    /// <summary>What each query property must hold.</summary>
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["jurisdiction"] = "a USPS code string such as \"NJ\"",
        ["conditions"] = "an array of condition strings, e.g. [\"chronic pain\"]",
        ["asOf"] = "a date string YYYY-MM-DD, e.g. \"2019-01-01\"",
        ["age"] = "a whole number of years (0 to 130)",
        ["visitor"] = "true or false",
        ["medications"] = "an array of medication names",
        ["attested"] = "an array of qualifiers such as [\"intractable\", \"conventional-treatment-failed\"]",
        ["durationMonths"] = "a whole number of months",
        ["explain"] = "true or false",
    };

    public static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: title, type: BadRequestType);

    public static ProblemHttpResult MalformedQuery(JsonException e) =>
        BadRequest("Malformed query", $"The body is not a valid query: {Describe(e)} Send one JSON object, e.g. {Example}.");

    public static ProblemHttpResult InvalidQuery(ArgumentException e) =>
        BadRequest("Invalid query", WithoutParameterName(e.Message));

    public static ProblemHttpResult BadDate(string name, string value) =>
        BadRequest("Bad date", $"'{value}' is not a date; send {name}=YYYY-MM-DD, e.g. {name}=2019-01-01.");

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

        var cut = e.Message.IndexOf(" Path: ", StringComparison.Ordinal);
        return $"malformed JSON at {path}: {(cut > 0 ? e.Message[..cut] : e.Message)}";
    }

    private static string WithoutParameterName(string message)
    {
        var cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
