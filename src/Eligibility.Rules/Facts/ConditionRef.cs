namespace Eligibility.Rules;

/// <summary>A canonical condition by id and display name.</summary>
/// <param name="Id">Canonical id.</param>
/// <param name="Name">Display name.</param>
public sealed record ConditionRef(string Id, string Name);
