namespace Eligibility.Rules;

/// <summary>
/// A rule's stable id (kebab-case), kept apart from its display <c>[Name]</c> so that names can be reworded without
/// breaking callers that read ids from decisions. Rules without it are identified by their NRules name.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RuleIdAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="id">The stable id, e.g. <c>condition-listed</c>.</param>
    public RuleIdAttribute(string id) => Id = id;

    /// <summary>The stable id.</summary>
    public string Id { get; }
}
