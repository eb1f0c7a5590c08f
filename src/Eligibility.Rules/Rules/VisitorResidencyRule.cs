using Eligibility.Rules.Internal;
using NRules.Fluent.Dsl;

namespace Eligibility.Rules;

/// <summary>Adds the residency requirement for a visitor: blocking where residency is required and there is no visitor route.</summary>
[RuleId("visitor-residency"), Name("Visitor and residency"), Priority(40)]
[Description("A visitor is not eligible where residency is required, unless the jurisdiction has a visitor route.")]
public sealed class VisitorResidencyRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationContext context = default!;
        ProgramInForce program = default!;
        PatientFact patient = default!;

        When()
            .Match(() => context, c => Label.Is("the jurisdiction may require residency", c.Law.Patients.Residency.Required != false))
            .Match(() => program)
            .Match(() => patient, p => Label.Is("the patient is a visitor", p.IsVisitor));
        Then()
            .Yield(_ => Derive.VisitorRequirement(context));
    }
}
