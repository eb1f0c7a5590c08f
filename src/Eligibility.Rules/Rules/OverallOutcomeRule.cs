using Eligibility.Rules.Internal;
using NRules.Fluent.Dsl;

namespace Eligibility.Rules;

/// <summary>Decides the query's overall outcome: the best condition result, unless a patient-level requirement blocks it or adds to it.</summary>
[RuleId("overall-outcome"), Name("Overall outcome"), Priority(10)]
[Description("The patient's outcome is the best condition result, unless a patient-level requirement blocks it or adds to it.")]
public sealed class OverallOutcomeRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationContext context = default!;
        PatientFact patient = default!;
        IEnumerable<ConditionResult> results = default!;
        IEnumerable<PatientRequirement> requirements = default!;

        // The patient anchors the decision to one query; the lowest priority makes it fire once, after every result.
        When()
            .Match(() => context)
            .Match(() => patient)
            .Query(() => results, q => q.Match<ConditionResult>().Collect())
            .Query(() => requirements, q => q.Match<PatientRequirement>().Collect());
        Then()
            .Yield(_ => Derive.Overall(context, results, requirements));
    }
}
