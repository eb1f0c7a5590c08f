namespace Eligibility.Fhir;

/// <summary>A query built from FHIR records, with every mapping decision.</summary>
public sealed record FhirMappingResult
{
    /// <summary>The query, or null when it could not be built (see the <see cref="FhirNoteKind.Error"/> notes).</summary>
    public EligibilityQuery? Query { get; init; }

    /// <summary>The conditions put into the query, in query order (the decision's results follow this order).</summary>
    public required IReadOnlyList<FhirConditionClaim> Conditions { get; init; }

    /// <summary>Every mapping decision: what was used, assumed or skipped, and why.</summary>
    public required IReadOnlyList<FhirMappingNote> Notes { get; init; }

    /// <summary>True when <see cref="Query"/> was built.</summary>
    public bool Succeeded => Query is not null;

    /// <summary>Why no query could be built (the error notes' messages), or null when one was.</summary>
    public string? Error => Query is not null ? null : string.Join(" ", Notes.Where(n => n.Kind == FhirNoteKind.Error).Select(n => n.Message));
}

/// <summary>A decision made from FHIR records: the mapping and, when a query could be built, the decision.</summary>
/// <param name="Mapping">The query built and every mapping decision.</param>
/// <param name="Decision">The decision, or null when no query could be built.</param>
public sealed record FhirEligibilityResult(FhirMappingResult Mapping, EligibilityDecision? Decision);
