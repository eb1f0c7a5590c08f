using Microsoft.AspNetCore.Http.HttpResults;

namespace Eligibility.Api;

/// <summary>RFC 7807 problem details for bad input, each saying what to send instead.</summary>
internal static class Problems
{
    /// <summary>A query body that works.</summary>
    public const string Example = EligibilityQueryJson.Example;

    private const string BadRequestType = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1";

    public static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: title, type: BadRequestType);

    public static ProblemHttpResult MalformedQuery(FormatException e) =>
        BadRequest("Malformed query", $"The body is not a valid query: {e.Message} Send one JSON object, e.g. {Example}.");

    public static ProblemHttpResult InvalidQuery(ArgumentException e) =>
        BadRequest("Invalid query", WithoutParameterName(e.Message));

    public static ProblemHttpResult BadDate(string name, string value) =>
        BadRequest("Bad date", $"'{value}' is not a date; send {name}=YYYY-MM-DD, e.g. {name}=2019-01-01.");

    private static string WithoutParameterName(string message)
    {
        var cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
