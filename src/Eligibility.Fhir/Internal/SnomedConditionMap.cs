using System.Text.Json;
using System.Text.Json.Serialization;

namespace Eligibility.Fhir.Internal;

/// <summary>One row of the SNOMED CT mapping table (<c>Data/snomed-ct-conditions.json</c>).</summary>
internal sealed record SnomedConcept
{
    /// <summary>The SNOMED CT concept id.</summary>
    public required string Code { get; init; }

    /// <summary>The concept's preferred term as read at <see cref="Source"/>.</summary>
    public required string Term { get; init; }

    /// <summary>The canonical condition id it maps to.</summary>
    public required string Condition { get; init; }

    /// <summary>Where the id and term were read.</summary>
    public required string Source { get; init; }

    /// <summary>When they were read (YYYY-MM-DD).</summary>
    public required string Retrieved { get; init; }

    /// <summary>Why the mapping holds, when it is not a plain equivalence.</summary>
    public string? Note { get; init; }
}

/// <summary>The mapping table file.</summary>
internal sealed record SnomedConceptTable
{
    /// <summary>The JSON Schema the file follows (<c>snomed-ct-conditions.schema.json</c>).</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    /// <summary>What the file is.</summary>
    public required string Description { get; init; }

    /// <summary>The code system, <c>http://snomed.info/sct</c>.</summary>
    public required string System { get; init; }

    /// <summary>The rows.</summary>
    public required IReadOnlyList<SnomedConcept> Concepts { get; init; }
}

/// <summary>SNOMED CT concept id to canonical condition, read once from the embedded table.</summary>
internal sealed class SnomedConditionMap
{
    public const string ResourceName = "Eligibility.Fhir.Data.snomed-ct-conditions.json";

    private static readonly Lazy<SnomedConditionMap> Embedded = new(LoadEmbedded);

    private readonly Dictionary<string, SnomedConcept> byCode;

    public SnomedConditionMap(SnomedConceptTable table)
    {
        Table = table;
        byCode = new Dictionary<string, SnomedConcept>(StringComparer.Ordinal);
        foreach (var concept in table.Concepts)
        {
            if (!byCode.TryAdd(concept.Code, concept))
            {
                throw new InvalidDataException($"SNOMED CT concept {concept.Code} appears twice in {ResourceName}.");
            }
        }
    }

    public static SnomedConditionMap Default => Embedded.Value;

    public SnomedConceptTable Table { get; }

    public SnomedConcept? Find(string? code) => code is not null && byCode.TryGetValue(code.Trim(), out var concept) ? concept : null;

    private static SnomedConditionMap LoadEmbedded()
    {
        using var stream = typeof(SnomedConditionMap).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"The embedded resource {ResourceName} is missing from Eligibility.Fhir.");
        var table = JsonSerializer.Deserialize(stream, SnomedJsonContext.Default.SnomedConceptTable)
            ?? throw new InvalidDataException($"{ResourceName} holds no table.");
        return new SnomedConditionMap(table);
    }
}

/// <summary>Strict reading of the mapping table.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(SnomedConceptTable))]
internal sealed partial class SnomedJsonContext : JsonSerializerContext;
