using System.Text.Json.Serialization;
using Eligibility.Maps;

namespace Eligibility.Api;

/// <summary>The body of <c>POST /eligibility/map</c>: one condition as typed, and optionally the day, age and visitor status.</summary>
/// <param name="Condition">The condition as people write it (id, name, phrase or ICD-10-CM code).</param>
/// <param name="AsOf">The day to read the law on; null for today.</param>
/// <param name="Age">The patient's age in years, if known.</param>
/// <param name="Visitor">True when the patient is not a resident.</param>
internal sealed record MapRequest(string? Condition, DateOnly? AsOf, int? Age, bool? Visitor)
{
    /// <summary>A body that works, for messages.</summary>
    public const string Example = """{"condition":"opioid use disorder","asOf":"2026-11-22"}""";
}

/// <summary>One map: its data (per-jurisdiction outcomes) and the SVG drawn from it.</summary>
internal sealed record MapEntry(EligibilityMap Map, string Svg);

/// <summary>The JSON answer of <c>POST /eligibility/map</c>: one map per condition the text names.</summary>
internal sealed record MapResponse(IReadOnlyList<MapEntry> Maps);

/// <summary>Source-generated, strict JSON for the map endpoint (unknown properties are an error, never dropped).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(MapRequest))]
[JsonSerializable(typeof(MapResponse))]
internal sealed partial class PageJsonContext : JsonSerializerContext;
