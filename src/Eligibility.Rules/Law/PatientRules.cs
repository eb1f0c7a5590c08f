namespace Eligibility.Law;

/// <summary>Patient-level rules of a jurisdiction.</summary>
/// <param name="AdultAge">Age from which a patient registers without a caregiver (null if not established).</param>
/// <param name="AdultAgeProvenance">Source of the adult age.</param>
/// <param name="Minors">Rules for minors.</param>
/// <param name="Residency">Residency and visitors.</param>
/// <param name="Registration">Registration steps, if recorded.</param>
public sealed record PatientRules(int? AdultAge, Provenance AdultAgeProvenance, MinorRules Minors, ResidencyRules Residency, RegistrationRules? Registration);

/// <summary>Rules for minor patients; null values are not established.</summary>
/// <param name="Allowed">Whether a minor can be a patient.</param>
/// <param name="CaregiverRequired">Whether a parent or guardian must register as caregiver.</param>
/// <param name="SecondPractitionerRequired">Whether a second practitioner must certify.</param>
/// <param name="OtherRequirements">Further requirements, in words.</param>
/// <param name="Provenance">Source.</param>
public sealed record MinorRules(bool? Allowed, bool? CaregiverRequired, bool? SecondPractitionerRequired, IReadOnlyList<string> OtherRequirements, Provenance Provenance);

/// <summary>Residency and visitor rules.</summary>
/// <param name="Required">Whether residency is required to register (null if not established).</param>
/// <param name="Visitors">How visitors can take part.</param>
/// <param name="ReciprocityNote">Details of reciprocity.</param>
/// <param name="Provenance">Source.</param>
public sealed record ResidencyRules(bool? Required, VisitorRoute Visitors, string? ReciprocityNote, Provenance Provenance);

/// <summary>Registration and certification steps.</summary>
/// <param name="Steps">Steps in words.</param>
/// <param name="Provenance">Source.</param>
public sealed record RegistrationRules(IReadOnlyList<string> Steps, Provenance Provenance);
