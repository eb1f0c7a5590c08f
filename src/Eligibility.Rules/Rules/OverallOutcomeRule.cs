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

            var best = all[0];
            for (var i = 1; i < all.Count; i++)
            {
                if (OutcomeText.Rank(all[i].Finding.Outcome) < OutcomeText.Rank(best.Finding.Outcome))
                {
                    best = all[i]; // the first of the best, as a stable sort would give
                }
            }

            var outcome = best.Finding.Outcome;
            var reqs = m.Get(requirements);
            var qualifying = OutcomeText.Rank(outcome) <= OutcomeText.Rank(Outcome.PractitionerDiscretion);
            if (qualifying && First(reqs, RequirementKind.Blocking) is { } blocking)
            {
                return new OverallDecision(Outcome.NotQualifying, $"{best.Claim.ConditionName} would count in {ctx.Law.Name}, but {blocking.Text}.", all, reqs);
            }

            if (outcome == Outcome.Qualifies && First(reqs, RequirementKind.Additional) is not null)
            {
                return new OverallDecision(Outcome.QualifiesWithRequirements, $"{best.Claim.ConditionName} qualifies in {ctx.Law.Name}, and the patient must also meet the patient-level requirements.", all, reqs);
            }

            return new OverallDecision(outcome, all.Count == 1
                ? OneConditionSummary(outcome)
                : $"Overall: {OutcomeText.Of(outcome)} (the best of {all.Count} conditions: {best.Claim.ConditionName.ToLowerInvariant()}).", all, reqs);
        });
    }

    /// <summary>The summary of a one-condition query by outcome, "Overall: {outcome in words}.", built once.</summary>
    private static readonly string[] OneCondition = [.. Enumerable.Range(0, Enum.GetValues<Outcome>().Max(o => (int)o) + 1)
        .Select(o => $"Overall: {OutcomeText.Of((Outcome)o)}.")];

    private static string OneConditionSummary(Outcome outcome) =>
        (uint)outcome < (uint)OneCondition.Length ? OneCondition[(int)outcome] : $"Overall: {OutcomeText.Of(outcome)}.";

    private static PatientRequirement? First(IReadOnlyList<PatientRequirement> requirements, RequirementKind kind)
    {
        for (var i = 0; i < requirements.Count; i++)
        {
            if (requirements[i].Kind == kind)
            {
                return requirements[i];
            }
        }

        return null;
    }
}
