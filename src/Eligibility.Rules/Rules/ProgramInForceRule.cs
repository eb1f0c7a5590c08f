using Eligibility.Engine;

namespace Eligibility.Rules;

/// <summary>Establishes that a medical program is in force on the as-of date; every condition rule builds on it.</summary>
public sealed class ProgramInForceRule : Rule
{
    /// <inheritdoc/>
    public override void Define(RuleBuilder rule)
    {
        rule.Id("program-in-force").Name("Program in force").Priority(100)
            .Description("A medical-cannabis program is in force in the jurisdiction on the as-of date.");
        var context = rule.When().Match<EvaluationContext>()
            .Where("a medical program is in force on the as-of date", c => c.HasProgram);
        rule.Then().Insert(m => new ProgramInForce(m.Get(context).Program!, m.Get(context).Law.Name));
    }
}
