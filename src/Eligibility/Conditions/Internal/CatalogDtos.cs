using System.Text.Json;
using System.Text.Json.Serialization;

namespace Eligibility.Conditions.Internal;

// The JSON shape of data/conditions/conditions.json (see data/conditions/schema.json). `required` and the strict
// options reject missing, unknown, duplicate and mistyped members; CatalogFileReader checks the rest.
#pragma warning disable SA1402, CS1591

internal sealed class CatalogFileDto
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    public required int FormatVersion { get; init; }

    public required List<ConditionDto> Conditions { get; init; }

    public required List<NonConditionDto> NonConditions { get; init; }

    public required List<SubstanceDto> Substances { get; init; }

    public required List<MedicationDto> Medications { get; init; }
}

internal sealed class ConditionDto
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    public bool Canonical { get; init; }

    public List<string>? IsA { get; init; }

    public List<string>? Implies { get; init; }

    public List<string>? Synonyms { get; init; }

    public List<string>? Abbreviations { get; init; }

    public List<string>? LayPhrases { get; init; }

    public List<string>? Misspellings { get; init; }

    public List<string>? Spanish { get; init; }

    public required List<CodeDto> Codes { get; init; }

    public List<CodeDto>? ExcludedCodes { get; init; }

    public required string CodeNote { get; init; }
}

internal sealed class CodeDto
{
    public required string Code { get; init; }

    public required bool Verified { get; init; }

    public string? Title { get; init; }

    public string? Source { get; init; }
}

internal sealed class NonConditionDto
{
    public required string Phrase { get; init; }

    public required string Note { get; init; }
}

internal sealed class SubstanceDto
{
    public required string Name { get; init; }

    public required string? UseDisorder { get; init; }

    public required string? Withdrawal { get; init; }

    public string? Note { get; init; }

    public required List<string> Terms { get; init; }

    public List<string>? IllicitTerms { get; init; }
}

internal sealed class MedicationDto
{
    public required List<string> Terms { get; init; }

    public required string? Indication { get; init; }

    public List<string>? Suggest { get; init; }

    public required string Note { get; init; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowDuplicateProperties = false,
    NumberHandling = JsonNumberHandling.Strict,
    MaxDepth = CatalogFileReader.MaxDepth,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    AllowTrailingCommas = false)]
[JsonSerializable(typeof(CatalogFileDto))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
