using System.Globalization;
using Eligibility;
using Eligibility.Api;
using Microsoft.AspNetCore.Http.HttpResults;

// A minimal API over the Eligibility package. JSON is source-generated only (no reflection): the library's
// EligibilityJsonContext for decisions, ApiJsonContext for the request body's schema (EligibilityQueryJson reads it).
// Bad input gets RFC 7807 problem details.
var builder = WebApplication.CreateSlimBuilder(args);

builder.Services.ConfigureHttpJsonOptions(options =>
{
    // Numbers are numbers (as ApiJsonContext reads them), so the OpenAPI schemas say "integer", not "integer or string".
    options.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
    options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
    options.SerializerOptions.TypeInfoResolverChain.Insert(1, EligibilityJsonContext.Default);
});
builder.AddRequestLimits(); // body limit, slow bodies, client errors as problems, no query strings in logs
builder.Services.AddEligibility(options => options.ReadFrom(builder.Configuration.GetSection("Eligibility")));
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
{
    // The framework's own problems (415, 404, 405) also say what to send instead.
    context.ProblemDetails.Detail ??= context.ProblemDetails.Status switch
    {
        StatusCodes.Status415UnsupportedMediaType => $"Send the query as a JSON body with 'Content-Type: application/json', e.g. {Problems.Example}.",
        StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed =>
            "The endpoints are POST /eligibility/check, POST /eligibility/scan, GET /eligibility/states and GET /openapi/v1.json.",
        _ => null,
    };
});
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
{
    document.Info.Title = "Eligibility API";
    document.Info.Description = "Does a condition qualify for a medical-cannabis card in a US jurisdiction on a date, and why? "
        + "Decisions carry statute citations, requirements, advisories and the rules that fired. Not legal advice.";
    return Task.CompletedTask;
}));

var app = builder.Build();
app.UseRequestLimits();
app.MapOpenApi(); // GET /openapi/v1.json

var eligibility = app.MapGroup("/eligibility").WithTags("Eligibility");

// Conditions travel in POST bodies, never in URLs (URLs end up in logs, proxies and browser history).
eligibility.MapPost("/check", async Task<IResult> (HttpRequest request, IEligibilityEngine engine, ILogger<Program> logger) =>
{
    var (query, problem) = await BoundedRequests.ReadQueryAsync(request, logger);
    return problem ?? BoundedRequests.WithinBudget(request.HttpContext, token => engine.Evaluate(query!, token));
})
.Accepts<EligibilityQuery>("application/json")
.Produces<EligibilityDecision>()
.ProducesProblem(StatusCodes.Status400BadRequest)
.ProducesProblem(StatusCodes.Status413PayloadTooLarge)
.ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
.ProducesProblem(StatusCodes.Status503ServiceUnavailable)
.WithName("Check")
.WithSummary("Decide a query")
.WithDescription("The body is an EligibilityQuery (camelCase): jurisdiction, conditions, and optionally asOf, age, visitor, medications, attested, durationMonths, explain.");

eligibility.MapPost("/scan", async Task<IResult> (HttpRequest request, IEligibilityEngine engine, ILogger<Program> logger) =>
{
    var (condition, asOf, problem) = await BoundedRequests.ReadScanAsync(request, logger);
    return problem ?? BoundedRequests.WithinBudget<IReadOnlyList<EligibilityDecision>>(request.HttpContext, token => engine.Scan(condition!, asOf, token));
})
.Produces<IReadOnlyList<EligibilityDecision>>()
.ProducesProblem(StatusCodes.Status400BadRequest)
.ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
.ProducesProblem(StatusCodes.Status503ServiceUnavailable)
.WithName("Scan")
.WithSummary("Decide one condition in every jurisdiction")
.WithDescription("The body is {\"condition\": an id, name, phrase or ICD-10-CM code, \"asOf\" (optional): YYYY-MM-DD, default today}.");

// Kept for links made before POST /eligibility/scan; the query string is never logged, but prefer the POST.
eligibility.MapGet("/scan", IResult (string? condition, string? asOf, IEligibilityEngine engine, HttpContext context) =>
{
    if (string.IsNullOrWhiteSpace(condition))
    {
        return Problems.BadRequest("Missing condition", $"Send the condition to look up in a POST body, e.g. POST /eligibility/scan {Problems.ScanExample}.");
    }

    if (!TryParseDate(asOf, out var day))
    {
        return Problems.BadDate("asOf");
    }

    return BoundedRequests.TooMuchText([condition])
        ?? BoundedRequests.WithinBudget<IReadOnlyList<EligibilityDecision>>(context, token => engine.Scan(condition, day, token));
})
.Produces<IReadOnlyList<EligibilityDecision>>()
.ProducesProblem(StatusCodes.Status400BadRequest)
.WithName("ScanByQueryString")
.WithSummary("Deprecated: use POST /eligibility/scan (a condition in a URL ends up in logs and browser history)")
.WithDescription("condition: an id, name, phrase or ICD-10-CM code; asOf (optional): YYYY-MM-DD, default today.");

eligibility.MapGet("/states", Results<Ok<IReadOnlyList<JurisdictionSummary>>, ProblemHttpResult> (string? asOf, IEligibilityEngine engine, TimeProvider time) =>
{
    if (!TryParseDate(asOf, out var day))
    {
        return Problems.BadDate("asOf");
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
