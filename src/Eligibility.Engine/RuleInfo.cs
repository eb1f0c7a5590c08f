namespace Eligibility.Engine;

/// <summary>Metadata of a compiled rule, as shown in traces and explanations.</summary>
/// <param name="Id">Stable identifier, unique in a rule set.</param>
/// <param name="Name">Short name for people.</param>
/// <param name="Description">What the rule decides, in one sentence.</param>
/// <param name="Priority">Salience: larger fires first.</param>
/// <param name="DeclarationIndex">Position of the rule in the set, used to order equal priorities.</param>
public sealed record RuleInfo(string Id, string Name, string Description, int Priority, int DeclarationIndex);
