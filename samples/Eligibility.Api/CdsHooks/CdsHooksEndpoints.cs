using System.Text.Json;
using Eligibility.Fhir;
using Hl7.Fhir.Model;
using Eligibility.Api.CdsHooks;
using Microsoft.AspNetCore.Http.HttpResults;

// In the sample's root namespace so that Program.cs needs one line, app.MapCdsHooks().
namespace Eligibility.Api;

/// <summary>
/// CDS Hooks 2.0 endpoints: <c>GET /cds-services</c> (discovery) and <c>POST /cds-services/cannabis-eligibility</c>
/// for the <c>patient-view</c> hook. The EHR sends the patient, its conditions and medications as prefetch; the
/// answer is one card per qualifying route, or no card. Nothing of the request is logged, and no FHIR server is ever
/// called: a request without the prefetch data gets 412.
/// </summary>
internal static class CdsHooksEndpoints
{
    public const string ServiceId = "cannabis-eligibility";
    public const string Hook = "patient-view";

    private static readonly CdsDiscovery Discovery = new(
    [
        new CdsServiceDescription(
            Hook: Hook,
            Id: ServiceId,
            Title: "Medical-cannabis eligibility",
            Description: "Whether the patient's active, confirmed conditions qualify for a medical-cannabis card in the state of their home address, today, with the statute citation and the requirements still to meet. Not legal advice.",
            Prefetch: new Dictionary<string, string>
            {
                ["patient"] = "Patient/{{context.patientId}}",
                ["conditions"] = "Condition?patient={{context.patientId}}&clinical-status=active",
                ["medications"] = "MedicationStatement?patient={{context.patientId}}&status=active",
            },
            UsageRequirements: "Send all three prefetch keys; the service never calls the FHIR server. The patient needs a current home address with a US state or territory."),
    ]);

    /// <summary>Maps the CDS Hooks endpoints.</summary>
    public static IEndpointRouteBuilder MapCdsHooks(this IEndpointRouteBuilder app)
    {
        var builder = new FhirQueryBuilder(app.ServiceProvider.GetRequiredService<IConditionResolver>());
        var group = app.MapGroup("/cds-services").WithTags("CDS Hooks");

        group.MapGet("", () => TypedResults.Json(Discovery, CdsHooksJsonContext.Relaxed.CdsDiscovery))
            .WithName("CdsDiscovery")
            .WithSummary("CDS Hooks discovery");

        group.MapPost("/" + ServiceId, async Task<Results<JsonHttpResult<CdsCardsResponse>, ProblemHttpResult>> (HttpRequest request, IEligibilityEngine engine, TimeProvider time, CancellationToken cancellationToken) =>
        {
            if (!request.HasJsonContentType())
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                    detail: "Send the hook request as a JSON body with 'Content-Type: application/json'.");
            }

            JsonDocument document;
            try
            {
                document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            }
            catch (JsonException e)
            {
                return Problems.BadRequest("Malformed hook request", $"The body is not JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}). Send a CDS Hooks request object.");
            }

            using (document)
            {
                var parsed = HookRequest.Read(document.RootElement);
                if (parsed.Problem is { } problem)
                {
                    return problem;
                }

                var asOf = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
                var mapping = builder.FromResources(parsed.Patient!, parsed.Resources, asOf);
                var result = engine.EvaluateFhir(mapping, cancellationToken);
                return TypedResults.Json(new CdsCardsResponse(CdsCards.From(result)), CdsHooksJsonContext.Relaxed.CdsCardsResponse);
            }
        })
        .Accepts<object>("application/json")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .WithName("CdsCannabisEligibility")
        .WithSummary("CDS Hooks patient-view: medical-cannabis eligibility cards");

        return app;
    }

    /// <summary>What the service reads from a hook request: the prefetched patient and resources, or the problem to answer.</summary>
    private sealed record HookRequest(Patient? Patient, IReadOnlyList<Resource> Resources, ProblemHttpResult? Problem)
    {
        public static HookRequest Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Fail(Problems.BadRequest("Malformed hook request", "Send one CDS Hooks request object with hook, hookInstance, context and prefetch."));
            }

            if (!root.TryGetProperty("hook", out var hook) || hook.ValueKind != JsonValueKind.String || hook.GetString() != Hook)
            {
                return Fail(Problems.BadRequest("Unsupported hook", $"This service answers the '{Hook}' hook only; send \"hook\": \"{Hook}\"."));
            }

            if (!root.TryGetProperty("hookInstance", out var instance) || instance.ValueKind != JsonValueKind.String)
            {
                return Fail(Problems.BadRequest("Malformed hook request", "hookInstance must be a string (a UUID for this call)."));
            }

            if (!root.TryGetProperty("context", out var context) || context.ValueKind != JsonValueKind.Object
                || !context.TryGetProperty("patientId", out var patientId) || patientId.ValueKind != JsonValueKind.String)
            {
                return Fail(Problems.BadRequest("Malformed hook request", "context.patientId must be the patient's FHIR id (a string)."));
            }

            var prefetch = root.TryGetProperty("prefetch", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            if (!Prefetched(prefetch, "patient", out var patientJson) || !Prefetched(prefetch, "conditions", out var conditionsJson))
            {
                return Fail(TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Prefetch data missing",
                    detail: "Send prefetch.patient and prefetch.conditions (see GET /cds-services); this service does not call the FHIR server."));
            }

            var resources = new List<Resource>();
            string key = "patient";
            Patient patient;
            try
            {
                patient = FhirJson.ParseResource(patientJson.GetRawText()) as Patient
                    ?? throw new FormatException("not a FHIR R4 Patient.");
                key = "conditions";
                resources.Add(FhirJson.ParseResource(conditionsJson.GetRawText()));
                if (Prefetched(prefetch, "medications", out var medicationsJson))
                {
                    key = "medications";
                    resources.Add(FhirJson.ParseResource(medicationsJson.GetRawText()));
                }
            }
            catch (FormatException e)
            {
                return Fail(Problems.BadRequest("Malformed prefetch", $"prefetch.{key} is {e.Message}"));
            }

            if (patient.Id != patientId.GetString())
            {
                return Fail(Problems.BadRequest("Inconsistent hook request", "prefetch.patient is not the patient named by context.patientId."));
            }

            return new HookRequest(patient, resources, null);
        }

        private static bool Prefetched(JsonElement prefetch, string key, out JsonElement value)
        {
            value = default;
            return prefetch.ValueKind == JsonValueKind.Object && prefetch.TryGetProperty(key, out value) && value.ValueKind == JsonValueKind.Object;
        }

        private static HookRequest Fail(ProblemHttpResult problem) => new(null, [], problem);
    }
}
