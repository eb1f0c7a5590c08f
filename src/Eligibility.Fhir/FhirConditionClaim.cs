namespace Eligibility.Fhir;

/// <summary>A condition the mapper put into the query, with the coding that produced it (for the explanation).</summary>
/// <param name="ConditionId">The canonical condition id sent to the engine (e.g. <c>opioid-use-disorder</c>).</param>
/// <param name="ConditionName">The condition's display name from the catalog.</param>
/// <param name="Resource">The Condition resource it came from, e.g. <c>Condition/abc</c>.</param>
/// <param name="MatchedBy">How: <c>icd-10-cm</c>, <c>snomed-ct</c> or <c>text</c> (the resource's <c>code.text</c>).</param>
/// <param name="System">The code system URI of the coding used; null for text.</param>
/// <param name="Code">The code used; null for text.</param>
/// <param name="Term">For SNOMED CT, the concept's preferred term from the mapping table; for ICD-10-CM, the catalog's name; null for text.</param>
public sealed record FhirConditionClaim(string ConditionId, string ConditionName, string Resource, string MatchedBy, string? System, string? Code, string? Term);
