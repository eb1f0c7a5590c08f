using NRules.Fluent.Dsl;

namespace Eligibility.Rules;

/// <summary>The standard rule set: the generic NRules rules that turn jurisdiction law and a query into a decision.</summary>
public static class StandardRules
{
    /// <summary>New instances of every standard rule, in declaration order (which breaks ties between equal priorities).</summary>
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
        new ConditionRejectedRule(),
        new ConditionNotQualifyingRule(),
        new ConditionResultRule(),
        new MinorPatientRule(),
        new VisitorResidencyRule(),
        new RegistrationStepsRule(),
        new OpioidTreatmentMedicationAdvisoryRule(),
        new DataAgeAdvisoryRule(),
        new OverallOutcomeRule(),
    ];
}
