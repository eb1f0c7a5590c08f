using Microsoft.AspNetCore.Http.HttpResults;

namespace Eligibility.Api;

/// <summary>
/// RFC 7807 problem details for bad input, each saying what was wrong, where, and what to send instead, and never
/// repeating what the client sent (it may be patient data).
/// </summary>
internal static class Problems
{
    /// <summary>A query body that works.</summary>
    public const string Example = EligibilityQueryJson.Example;

    /// <summary>A scan body that works.</summary>
    public const string ScanExample = """{"condition":"chronic pain","asOf":"2026-11-22"}""";

    public static ProblemHttpResult Status(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: TypeOf(status));

    public static ProblemHttpResult BadRequest(string title, string detail) => Status(StatusCodes.Status400BadRequest, title, detail);

    public static ProblemHttpResult MalformedQuery(FormatException e, string example = Example) =>
        BadRequest("Malformed query", e.Message.Contains("e.g.", StringComparison.Ordinal)
            ? $"The body is not a valid query: {e.Message}"
            : $"The body is not a valid query: {e.Message} Send one JSON object, e.g. {example}.");

    public static ProblemHttpResult InvalidQuery(ArgumentException e) =>
        BadRequest("Invalid query", WithoutParameterName(e.Message));

    public static ProblemHttpResult BadDate(string name) =>
        BadRequest("Bad date", $"{name} is not a date; send {name}=YYYY-MM-DD, e.g. {name}=2019-01-01.");

    public static ProblemHttpResult NotJson(string example = Example) =>
        Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"Send the body as JSON with 'Content-Type: application/json', e.g. {example}.");

    public static ProblemHttpResult TooMuchConditionText(int characters) =>
        BadRequest("Too much condition text", $"The conditions hold {characters:N0} characters in all; one request may hold at most {RequestLimits.MaxConditionCharacters:N0}. Send fewer or shorter conditions (ids and ICD-10-CM codes are shortest), or split the query.");

    public static ProblemHttpResult OverBudget() =>
        Status(StatusCodes.Status503ServiceUnavailable, "Work budget exceeded", $"The request needed more than the {RequestLimits.WorkBudget.TotalSeconds:0.#} s of work one request may take; send fewer or shorter conditions, or retry later.");

    private static string TypeOf(int status) => status switch
    {
        StatusCodes.Status408RequestTimeout => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.9",
        StatusCodes.Status413PayloadTooLarge => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14",
        StatusCodes.Status415UnsupportedMediaType => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.16",
        StatusCodes.Status503ServiceUnavailable => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
        _ => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
    };

    private static string WithoutParameterName(string message)
    {
        var cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
