using System.Text.Json.Serialization;
using Eligibility.Law;

namespace Eligibility;

/// <summary>
/// Source-generated System.Text.Json metadata for decisions and related answers: camelCase properties,
/// kebab-case enum values, ISO dates. Use <see cref="EligibilityJsonContext.Default"/> (compact) or
/// <see cref="Indented"/> with <c>JsonSerializer.Serialize(value, context.EligibilityDecision)</c>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = false)]
[JsonSerializable(typeof(EligibilityDecision))]
[JsonSerializable(typeof(IReadOnlyList<EligibilityDecision>))]
[JsonSerializable(typeof(EligibilityQuery))]
[JsonSerializable(typeof(ConditionResolution))]
[JsonSerializable(typeof(IReadOnlyList<ConditionResolution>))]
[JsonSerializable(typeof(KratomAnswer))]
[JsonSerializable(typeof(ConditionHistory))]
[JsonSerializable(typeof(Outcome))]
[JsonSerializable(typeof(Basis))]
[JsonSerializable(typeof(Confidence))]
[JsonSerializable(typeof(ProgramKind))]
[JsonSerializable(typeof(QualifierKind))]
[JsonSerializable(typeof(ListingStatus))]
[JsonSerializable(typeof(VisitorRoute))]
[JsonSerializable(typeof(KratomStatus))]
[JsonSerializable(typeof(RequirementKind))]
[JsonSerializable(typeof(LawChangeKind))]
[JsonSerializable(typeof(IReadOnlyList<LawChange>))]
[JsonSerializable(typeof(IReadOnlyList<RecheckResult>))]
[JsonSerializable(typeof(JurisdictionSummary))]
[JsonSerializable(typeof(IReadOnlyList<JurisdictionSummary>))]
[JsonSerializable(typeof(Eligibility.Maps.EligibilityMap))]
public sealed partial class EligibilityJsonContext : JsonSerializerContext
{
    /// <summary>The same metadata, writing indented JSON with only the escaping JSON itself requires (for terminals and files, not HTML).</summary>
    public static EligibilityJsonContext Indented { get; } = new(new System.Text.Json.JsonSerializerOptions { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase, WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}

/// <summary>One jurisdiction at a glance, as <c>eligibility states</c> lists it.</summary>
/// <param name="Code">USPS code.</param>
/// <param name="Name">Name.</param>
/// <param name="Program">Program kind on the as-of date.</param>
/// <param name="ProgramSince">When that program period began, if known.</param>
/// <param name="AdultUse">Whether adult use is legal on the as-of date (null if not established).</param>
/// <param name="PractitionerDiscretion">Whether a practitioner may certify unlisted conditions on the as-of date.</param>
/// <param name="LastVerified">When the data was last verified.</param>
/// <param name="Confidence">The data's overall confidence.</param>
/// <param name="DataVersion">Content hash of the file.</param>
/// <param name="FactConfidence">How many of the jurisdiction's facts are high, medium and low confidence.</param>
/// <param name="OldestRetrieved">The oldest date on which any of its facts was read.</param>
public sealed record JurisdictionSummary(string Code, string Name, ProgramKind Program, DateOnly? ProgramSince, bool? AdultUse, bool PractitionerDiscretion, DateOnly LastVerified, Confidence Confidence, string DataVersion, ConfidenceCounts FactConfidence, DateOnly? OldestRetrieved)
{
    /// <summary>Summarises a jurisdiction's law on a day.</summary>
    /// <param name="law">The law.</param>
    /// <param name="asOf">The day.</param>
    /// <returns>The summary.</returns>
    public static JurisdictionSummary Of(JurisdictionLaw law, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(law);
        var program = law.ProgramOn(asOf);
        return new JurisdictionSummary(law.Code, law.Name, program?.Kind ?? ProgramKind.None, program?.Range.From, law.AdultUseOn(asOf)?.Legal,
            law.DiscretionOn(asOf)?.Allowed ?? false, law.LastVerified, law.Confidence, law.DataVersion,
            law.ProvenanceSummary.Counts, law.ProvenanceSummary.OldestRetrieved);
    }
}
