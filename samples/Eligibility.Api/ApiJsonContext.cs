using System.Text.Json.Serialization;

namespace Eligibility.Api;

/// <summary>
/// Source-generated JSON for what the API reads: the query body. Strict: camelCase properties, an unknown property
/// or a null where a value is required is a 400 that names it (a typo such as "jurisdicton" is never silently
/// dropped). Responses use the library's <see cref="EligibilityJsonContext"/>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(EligibilityQuery))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
