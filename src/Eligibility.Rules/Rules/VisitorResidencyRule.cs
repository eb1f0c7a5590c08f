using Eligibility.Engine;

namespace Eligibility.Rules;

/// <summary>Decides what a visitor needs: nothing where residency is not required, the visitor route where there is one, and not eligible where residency is required without a route.</summary>
public sealed class VisitorResidencyRule : Rule
{
    /// <inheritdoc/>
    public override void Define(RuleBuilder rule)
    {
        rule.Id("visitor-residency").Name("Visitor and residency").Priority(40)
            .Description("A visitor is not eligible where residency is required, unless the jurisdiction has a visitor route.");
        var when = rule.When();
        var context = when.Match<EvaluationContext>()
            .Where("the jurisdiction may require residency", c => c.Law.Patients.Residency.Required != false);
        when.Match<ProgramInForce>();
        when.Match<PatientFact>().Where("the patient is a visitor", p => p.IsVisitor);
        rule.Then().Insert(m =>
        {
            var ctx = m.Get(context);
            var residency = ctx.Law.Patients.Residency;
            var note = residency.ReciprocityNote is null ? "" : $" ({residency.ReciprocityNote})";
            return (residency.Required, residency.Visitors) switch
            {
                (true, VisitorRoute.None) => new PatientRequirement(RequirementKind.Blocking, $"{ctx.Law.Name} requires patients to be residents and has no route for visitors", residency.Provenance),
                (_, VisitorRoute.Reciprocity) => new PatientRequirement(RequirementKind.Additional, $"as a visitor, hold a valid medical-cannabis card from the home state, which {ctx.Law.Name} honours{note}", residency.Provenance),
                (_, VisitorRoute.VisitorRegistration) => new PatientRequirement(RequirementKind.Additional, $"as a visitor, register for {ctx.Law.Name}'s visitor card{note}", residency.Provenance),
                _ => new PatientRequirement(RequirementKind.Additional, $"whether a visitor can take part in {ctx.Law.Name}'s program is not established in the data", residency.Provenance),
            };
        });
    }
}
