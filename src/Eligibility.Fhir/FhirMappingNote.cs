namespace Eligibility.Fhir;

/// <summary>What the mapper did with one element of the FHIR records.</summary>
public enum FhirNoteKind
{
    /// <summary>The element was used for the query.</summary>
    Used,

    /// <summary>The element was used, with an assumption the message states (for example a year-only birth date).</summary>
    Assumed,

    /// <summary>The element was not used; the message says why.</summary>
    Skipped,

    /// <summary>The query could not be built; the message says what is missing.</summary>
    Error,
}

/// <summary>
/// One mapping decision: which resource and element, what was done, and why. Messages name resources, elements,
/// code systems and codes, never free text, names, dates of birth or addresses from the records. Codes are still
/// patient data: treat notes like the records (do not log them).
/// </summary>
/// <param name="Kind">Used, assumed, skipped or error.</param>
/// <param name="Resource">The resource, e.g. <c>Condition/abc</c>, or <c>Condition[3]</c> (its position) when it has no id.</param>
/// <param name="Element">The element, e.g. <c>code</c>, <c>birthDate</c>, <c>address</c>.</param>
/// <param name="Message">What was done and why, in one sentence.</param>
public sealed record FhirMappingNote(FhirNoteKind Kind, string Resource, string Element, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}: {Resource} {Element}: {Message}";
}
