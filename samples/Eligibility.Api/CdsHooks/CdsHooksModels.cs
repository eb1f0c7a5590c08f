using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Eligibility.Api.CdsHooks;

/// <summary>The discovery document (CDS Hooks 2.0, "Discovery").</summary>
internal sealed record CdsDiscovery(IReadOnlyList<CdsServiceDescription> Services);

/// <summary>One service: the hook it answers, what it is, and the FHIR data it wants prefetched.</summary>
internal sealed record CdsServiceDescription(string Hook, string Id, string Title, string Description, IReadOnlyDictionary<string, string> Prefetch, string UsageRequirements);

/// <summary>The answer to a hook call: zero or more cards.</summary>
internal sealed record CdsCardsResponse(IReadOnlyList<CdsCard> Cards);

/// <summary>A card (CDS Hooks 2.0): summary at most 140 characters, indicator info|warning|critical, markdown detail, source.</summary>
internal sealed record CdsCard(string Summary, string Indicator, string Detail, CdsSource Source);

/// <summary>Where a card's advice comes from.</summary>
internal sealed record CdsSource(string Label, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Url);

/// <summary>Source-generated JSON for the CDS Hooks responses (camelCase).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CdsDiscovery))]
[JsonSerializable(typeof(CdsCardsResponse))]
internal sealed partial class CdsHooksJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context with relaxed escaping: cards carry markdown with quotes, backticks and ampersands, which stay
    /// readable in an application/json body (never HTML) instead of becoming \u0022 and the like.
    /// </summary>
    public static CdsHooksJsonContext Relaxed { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
