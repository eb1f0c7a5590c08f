namespace Eligibility.Rules.Execution;

/// <summary>A compiled rule's identity and metadata.</summary>
/// <param name="Id">Stable id (<see cref="RuleIdAttribute"/>, else the NRules name).</param>
/// <param name="Name">Display name.</param>
/// <param name="Description">What the rule decides.</param>
/// <param name="Priority">The declared priority (larger fires first).</param>
/// <param name="Order">Declaration order in the rule set; breaks ties between equal priorities.</param>
internal sealed record RuleInfo(string Id, string Name, string Description, int Priority, int Order)
{
    /// <summary>The priority given to NRules: the declared priority first, then declaration order, so ties are ours.</summary>
    public int EnginePriority => (Priority * 10_000) - Order;
}
