using NRules.RuleModel;

namespace Eligibility.Rules.Execution;

/// <summary>
/// A rule definition whose priority also encodes declaration order. NRules fires equal priorities in activation
/// order, which depends on how facts were inserted; this makes the order depend on the rule set alone.
/// </summary>
internal sealed class OrderedRuleDefinition(IRuleDefinition inner, int priority) : IRuleDefinition
{
    public string Name => inner.Name;

    public string Description => inner.Description;

    public int Priority => priority;

    public RuleRepeatability Repeatability => inner.Repeatability;

    public IReadOnlyList<string> Tags => inner.Tags;

    public PropertyMap Properties => inner.Properties;

    public DependencyGroupElement DependencyGroup => inner.DependencyGroup;

    public FilterGroupElement FilterGroup => inner.FilterGroup;

    public GroupElement LeftHandSide => inner.LeftHandSide;

    public ActionGroupElement RightHandSide => inner.RightHandSide;
}
