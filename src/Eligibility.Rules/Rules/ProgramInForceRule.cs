using Eligibility.Rules.Internal;
using NRules.Fluent.Dsl;

namespace Eligibility.Rules;

/// <summary>Decides that a medical-cannabis program is in force in the jurisdiction on the as-of date.</summary>
[RuleId("program-in-force"), Name("Program in force"), Priority(100)]
[Description("A medical-cannabis program is in force in the jurisdiction on the as-of date.")]
public sealed class ProgramInForceRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationContext context = default!;

        When()
            .Match(() => context, c => Label.Is("a medical program is in force on the as-of date", c.HasProgram));
        Then()
            .Yield(_ => Derive.ProgramInForce(context));
    }
}
