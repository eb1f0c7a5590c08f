namespace Eligibility.Engine.Tests.TestAssets;

/// <summary>A rule defined by a delegate, for compact synthetic rule sets in tests.</summary>
public sealed class InlineRule(Action<RuleBuilder> define) : Rule
{
    public override void Define(RuleBuilder rule) => define(rule);
}
