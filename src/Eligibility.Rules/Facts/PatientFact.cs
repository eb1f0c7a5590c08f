namespace Eligibility.Rules;

/// <summary>Input fact: what the query says about the patient. Never logged.</summary>
/// <param name="Age">Age in years, if given.</param>
/// <param name="IsVisitor">True when the patient is not a resident of the jurisdiction.</param>
/// <param name="Medications">Medication names as given (free text, lower case).</param>
public sealed record PatientFact(int? Age, bool IsVisitor, IReadOnlyList<string> Medications);
