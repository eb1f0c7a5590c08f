using Eligibility.Engine;

namespace Eligibility.Rules;

/// <summary>The standard rule set: the generic rules that turn jurisdiction law and a query into a decision.</summary>
public static class StandardRules
{
    /// <summary>New instances of every standard rule, in declaration order.</summary>
    /// <returns>The rules.</returns>
    public static IReadOnlyList<Rule> Create() =>
    [
        new ProgramInForceRule(),
        new NoProgramOnDateRule(),
        new UnresolvedConditionRule(),
        new LowThcProductScopeRule(),
        new BroaderConditionClaimRule(),
        new NarrowerConditionClaimRule(),
        new OpioidWithdrawalThroughOudRule(),
        new ConditionListedRule(),
        new ConditionListedWithRequirementsRule(),
        new ConditionLawUnknownRule(),
        new PractitionerDiscretionRule(),
        new ConditionNotQualifyingRule(),
        new ConditionResultRule(),
        new MinorPatientRule(),
        new VisitorResidencyRule(),
        new RegistrationStepsRule(),
        new OpioidTreatmentMedicationAdvisoryRule(),
        new DataAgeAdvisoryRule(),
        new OverallOutcomeRule(),
    ];

    /// <summary>Declares the input fact types of the standard rules and adds them.</summary>
    /// <param name="builder">The rule-set builder.</param>
    /// <returns>The builder.</returns>
    public static RuleSetBuilder AddStandardRules(this RuleSetBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Input<EvaluationContext>().Input<ConditionVocabulary>().Input<PatientFact>().Input<ConditionClaim>().AddRange(Create());
    }
}
