using System.Globalization;
using Eligibility;
using Eligibility.Api;
using Microsoft.AspNetCore.Http.HttpResults;

// A minimal API over the Eligibility package. JSON is source-generated only (no reflection): the library's
// EligibilityJsonContext for decisions, ApiJsonContext for the request body. Bad input gets RFC 7807 problem details.
var builder = WebApplication.CreateSlimBuilder(args);

builder.Services.ConfigureHttpJsonOptions(options =>
{
    // Numbers are numbers (as ApiJsonContext reads them), so the OpenAPI schemas say "integer", not "integer or string".
    options.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
    options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
    options.SerializerOptions.TypeInfoResolverChain.Insert(1, EligibilityJsonContext.Default);
});
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
{
    // The framework's own problems (415, 404, 405) also say what to send instead.
    context.ProblemDetails.Detail ??= context.ProblemDetails.Status switch
    {
        StatusCodes.Status415UnsupportedMediaType => $"Send the query as a JSON body with 'Content-Type: application/json', e.g. {Problems.Example}.",
        StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed =>
            "The endpoints are POST /eligibility/check, GET /eligibility/scan?condition=...&asOf=..., GET /eligibility/states and GET /openapi/v1.json.",
        _ => null,
    };
});
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddEligibility();
builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
{
    document.Info.Title = "Eligibility API";
    document.Info.Description = "Does a condition qualify for a medical-cannabis card in a US jurisdiction on a date, and why? "
        + "Decisions carry statute citations, requirements, advisories and the rules that fired. Not legal advice.";
    return Task.CompletedTask;
}));

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapOpenApi(); // GET /openapi/v1.json

var eligibility = app.MapGroup("/eligibility").WithTags("Eligibility");

eligibility.MapPost("/check", async Task<Results<Ok<EligibilityDecision>, ProblemHttpResult>> (HttpRequest request, IEligibilityEngine engine, CancellationToken cancellationToken) =>
{
    // Read by hand (the endpoint's Accepts metadata already turned away non-JSON bodies with 415) so that a
    // malformed body gets a problem that says what was wrong.
    EligibilityQuery query;
    try
    {
        query = await EligibilityQueryJson.ParseAsync(request.Body, cancellationToken);
    }
    catch (FormatException e)
    {
        return Problems.MalformedQuery(e);
    }

    try
    {
        return TypedResults.Ok(engine.Evaluate(query, cancellationToken));
    }
    catch (ArgumentException e)
    {
        return Problems.InvalidQuery(e);
    }
})
.Accepts<EligibilityQuery>("application/json")
.ProducesProblem(StatusCodes.Status400BadRequest)
.ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
.WithName("Check")
.WithSummary("Decide a query")
.WithDescription("The body is an EligibilityQuery (camelCase): jurisdiction, conditions, and optionally asOf, age, visitor, medications, attested, durationMonths, explain.");

eligibility.MapGet("/scan", Results<Ok<IReadOnlyList<EligibilityDecision>>, ProblemHttpResult> (string? condition, string? asOf, IEligibilityEngine engine, CancellationToken cancellationToken) =>
{
    if (string.IsNullOrWhiteSpace(condition))
    {
        return Problems.BadRequest("Missing condition", "Send the condition to look up, e.g. /eligibility/scan?condition=chronic%20pain&asOf=2026-11-22.");
    }

    if (!TryParseDate(asOf, out var day))
    {
        return Problems.BadDate("asOf", asOf!);
    }

    try
    {
        return TypedResults.Ok(engine.Scan(condition, day, cancellationToken));
    }
    catch (ArgumentException e)
    {
        return Problems.InvalidQuery(e);
    }
})
.ProducesProblem(StatusCodes.Status400BadRequest)
.WithName("Scan")
.WithSummary("Decide one condition in every jurisdiction")
.WithDescription("condition: an id, name, phrase or ICD-10-CM code; asOf (optional): YYYY-MM-DD, default today.");

eligibility.MapGet("/states", Results<Ok<IReadOnlyList<JurisdictionSummary>>, ProblemHttpResult> (string? asOf, IEligibilityEngine engine, TimeProvider time) =>
{
    if (!TryParseDate(asOf, out var day))
    {
        return Problems.BadDate("asOf", asOf!);
    }

    var on = day ?? DateOnly.FromDateTime(time.GetLocalNow().DateTime);
    return TypedResults.Ok<IReadOnlyList<JurisdictionSummary>>([.. engine.Jurisdictions.Select(j => JurisdictionSummary.Of(j, on))]);
})
.ProducesProblem(StatusCodes.Status400BadRequest)
.WithName("States")
.WithSummary("List the jurisdictions")
.WithDescription("Program, adult use, practitioner discretion, last verification and confidence of every jurisdiction on asOf (optional, default today).");

app.MapCdsHooks(); // GET /cds-services, POST /cds-services/cannabis-eligibility (CdsHooks/)
app.MapPage(); // GET / (the page for people) and POST /eligibility/map: Page/PageEndpoints.cs

app.Run();

static bool TryParseDate(string? value, out DateOnly? day)
{
    day = null;
    if (string.IsNullOrEmpty(value))
    {
        return true;
    }

    if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
    {
        day = parsed;
        return true;
    }

    return false;
}
