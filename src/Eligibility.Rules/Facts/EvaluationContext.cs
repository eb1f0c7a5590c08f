using Eligibility.Law;

namespace Eligibility.Rules;

/// <summary>Input fact: the jurisdiction's law and the day it is read on.</summary>
public sealed class EvaluationContext
{
    /// <summary>Creates the context; the program in force is looked up once here.</summary>
    /// <param name="law">The jurisdiction's law.</param>
    /// <param name="asOf">The day the law is read on.</param>
    public EvaluationContext(JurisdictionLaw law, DateOnly asOf)
    {
        Law = law ?? throw new ArgumentNullException(nameof(law));
        AsOf = asOf;
        Program = law.ProgramOn(asOf);
        Discretion = law.DiscretionOn(asOf);
    }

    /// <summary>The jurisdiction's law.</summary>
    public JurisdictionLaw Law { get; }

    /// <summary>The day the law is read on.</summary>
    public DateOnly AsOf { get; }

    /// <summary>The program period in force on <see cref="AsOf"/>, or null.</summary>
    public ProgramPeriod? Program { get; }

    /// <summary>The discretion period in force on <see cref="AsOf"/>, or null.</summary>
    public DiscretionPeriod? Discretion { get; }

    /// <summary>True when a medical program (of any kind but none) holds on <see cref="AsOf"/>.</summary>
    public bool HasProgram => Program is { Kind: not ProgramKind.None };

    /// <summary>The listing of a condition in force on <see cref="AsOf"/>, or null.</summary>
    /// <param name="conditionId">Canonical id.</param>
    /// <returns>The entry or null.</returns>
    public ConditionEntry? ListingOf(string? conditionId) => conditionId is null ? null : Law.ListingOn(conditionId, AsOf);

    /// <summary>Whether a practitioner may certify an unlisted condition for this patient on <see cref="AsOf"/>.</summary>
    /// <param name="patient">The patient.</param>
    /// <returns>True when discretion is allowed and any age limit is met (an unknown age is not held against the patient).</returns>
    public bool DiscretionAppliesTo(PatientFact patient) =>
        Discretion is { Allowed: true } d && (d.MinimumPatientAge is null || patient.Age is null || patient.Age >= d.MinimumPatientAge);
}
