namespace Eligibility.Fhir;

/// <summary>What the FHIR records cannot say, and overrides for what they say.</summary>
public sealed record FhirMappingOptions
{
    /// <summary>Shared default options.</summary>
    public static FhirMappingOptions Default { get; } = new();

    /// <summary>
    /// A USPS code to use instead of the patient's home address (for example where a telehealth service has verified
    /// residence otherwise); null to read it from the address.
    /// </summary>
    public string? Jurisdiction { get; init; }

    /// <summary>True when the patient is not a resident of the jurisdiction.</summary>
    public bool Visitor { get; init; }

    /// <summary>Qualifiers a practitioner attests for the conditions (e.g. intractable).</summary>
    public IReadOnlyList<QualifierKind> Attested { get; init => field = value ?? []; } = [];

    /// <summary>Adds near-misses to the decision.</summary>
    public bool Explain { get; init; }
}
