using Eligibility.Engine;

namespace Eligibility.Rules;

/// <summary>Derives the query's overall outcome from the per-condition results and the patient-level requirements.</summary>
public sealed class OverallOutcomeRule : Rule
{
    /// <inheritdoc/>
    public override void Define(RuleBuilder rule)
    {
        rule.Id("overall-outcome").Name("Overall outcome").Priority(10)
            .Description("The patient's outcome is the best condition result, unless a patient-level requirement blocks it or adds to it.");
        var when = rule.When();
        var context = when.Match<EvaluationContext>();
        when.Not<OverallDecision>(d => d.Where("an overall decision", _ => true));
        var results = when.Collect<ConditionResult>();
        var requirements = when.Collect<PatientRequirement>();
        rule.Then().Insert(m =>
        {
            var ctx = m.Get(context);
            var all = m.Get(results);
            if (all.Count == 0)
            {
                return new OverallDecision(Outcome.UnknownCondition, "No condition was given.", all, []);
            }

            var best = all.OrderBy(r => OutcomeText.Rank(r.Finding.Outcome)).First();
            var outcome = best.Finding.Outcome;
            var reqs = m.Get(requirements);
            var qualifying = OutcomeText.Rank(outcome) <= OutcomeText.Rank(Outcome.PractitionerDiscretion);
            if (qualifying && reqs.FirstOrDefault(r => r.Kind == RequirementKind.Blocking) is { } blocking)
            {
                return new OverallDecision(Outcome.NotQualifying, $"{best.Claim.ConditionName} would count in {ctx.Law.Name}, but {blocking.Text}.", all, reqs);
            }

            if (outcome == Outcome.Qualifies && reqs.Any(r => r.Kind == RequirementKind.Additional))
            {
                return new OverallDecision(Outcome.QualifiesWithRequirements, $"{best.Claim.ConditionName} qualifies in {ctx.Law.Name}, and the patient must also meet the patient-level requirements.", all, reqs);
            }

            var because = all.Count == 1 ? "" : $" (the best of {all.Count} conditions: {best.Claim.ConditionName.ToLowerInvariant()})";
            return new OverallDecision(outcome, $"Overall: {OutcomeText.Of(outcome)}{because}.", all, reqs);
        });
    }
}
