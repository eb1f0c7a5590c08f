using System.Text.Json;
using System.Text.Json.Serialization;

namespace Eligibility.Data.Internal;

// The JSON shape of data/states/*.json (see schema.json). Dates and enums stay strings here so the validator can
// report them with their JSON path and line; `required` and strict options reject missing and unknown members.
#pragma warning disable SA1402, CS1591

internal abstract class FactDto
{
    public required string Citation { get; init; }

    public required string SourceUrl { get; init; }

    public required string Retrieved { get; init; }

    public required string Confidence { get; init; }

    public string? Note { get; init; }
}

internal abstract class DatedFactDto : FactDto
{
    public required string? From { get; init; }

    public required string? Until { get; init; }
}

internal sealed class JurisdictionDto
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    public required int FormatVersion { get; init; }

    public required string Code { get; init; }

    public required string Name { get; init; }

    public required string LastVerified { get; init; }

    public required string Confidence { get; init; }

    public string? Summary { get; init; }

    public required List<ProgramDto> Programs { get; init; }

    public required List<AdultUseDto> AdultUse { get; init; }

    public required ConditionListDto ConditionList { get; init; }

    public required List<ConditionDto> Conditions { get; init; }

    public required List<DiscretionDto> PractitionerDiscretion { get; init; }

    public required PatientsDto Patients { get; init; }

    public required List<KratomDto> Kratom { get; init; }

    public required List<SourceDto> Sources { get; init; }
}

internal sealed class ProgramDto : DatedFactDto
{
    public required string Kind { get; init; }

    public string? Name { get; init; }

    public string? ProductLimit { get; init; }
}

internal sealed class AdultUseDto : DatedFactDto
{
    public required bool Legal { get; init; }
}

internal sealed class ConditionListDto : FactDto
{
    public required bool Complete { get; init; }
}

internal sealed class QualifierDto
{
    public required string Kind { get; init; }

    public int? Months { get; init; }

    public string? Text { get; init; }
}

internal sealed class ConditionDto : DatedFactDto
{
    public required string Condition { get; init; }

    public required string Wording { get; init; }

    public required string Status { get; init; }

    public required List<QualifierDto> Qualifiers { get; init; }
}

internal sealed class DiscretionDto : DatedFactDto
{
    public required bool Allowed { get; init; }

    public string? Wording { get; init; }

    public int? MinimumPatientAge { get; init; }
}

internal sealed class KratomDto : DatedFactDto
{
    public required string Status { get; init; }

    public int? MinimumAge { get; init; }
}

internal sealed class SourceDto
{
    public required string Url { get; init; }

    public required string Title { get; init; }

    public required string Retrieved { get; init; }

    public required string Kind { get; init; }
}

internal sealed class PatientsDto
{
    public required AdultAgeDto AdultAge { get; init; }

    public required MinorsDto Minors { get; init; }

    public required ResidencyDto Residency { get; init; }

    public RegistrationDto? Registration { get; init; }
}

internal sealed class AdultAgeDto : FactDto
{
    public required int? Age { get; init; }
}

internal sealed class MinorsDto : FactDto
{
    public required bool? Allowed { get; init; }

    public required bool? CaregiverRequired { get; init; }

    public required bool? SecondPractitionerRequired { get; init; }

    public List<string>? OtherRequirements { get; init; }
}

internal sealed class ResidencyDto : FactDto
{
    public required bool? Required { get; init; }

    public required string Visitors { get; init; }

    public string? ReciprocityNote { get; init; }
}

internal sealed class RegistrationDto : FactDto
{
    public required List<string> Steps { get; init; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowDuplicateProperties = false,
    NumberHandling = JsonNumberHandling.Strict,
    MaxDepth = LawFileReader.MaxDepth,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    AllowTrailingCommas = false)]
[JsonSerializable(typeof(JurisdictionDto))]
internal sealed partial class LawJsonContext : JsonSerializerContext;
