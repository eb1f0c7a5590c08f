namespace Eligibility.Law;

/// <summary>A qualifier the law attaches to a listed condition.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Months">For <see cref="QualifierKind.MinimumDuration"/>: the minimum months.</param>
/// <param name="Text">The law's words, where given.</param>
public sealed record Qualifier(QualifierKind Kind, int? Months = null, string? Text = null)
{
    /// <summary>The qualifier as something a practitioner can attest, in plain words.</summary>
    /// <param name="conditionName">The condition's display name, lower case.</param>
    /// <returns>A sentence fragment such as "the chronic pain has lasted at least 6 months".</returns>
    public string Describe(string conditionName)
    {
        var core = Kind switch
        {
            QualifierKind.Intractable => $"the {conditionName} is intractable",
            QualifierKind.Severe => $"the {conditionName} is severe",
            QualifierKind.Debilitating => $"the {conditionName} is debilitating",
            QualifierKind.Chronic => $"the {conditionName} is chronic",
            QualifierKind.ConventionalTreatmentFailed => "conventional treatment has failed, is contraindicated or is not tolerated",
            QualifierKind.MinimumDuration => $"the {conditionName} has lasted at least {Months} months",
            QualifierKind.OpioidAlternative => "cannabis is recommended as an alternative to an opioid",
            QualifierKind.WithOudTreatment => "the patient is enrolled in or receiving treatment for opioid use disorder",
            QualifierKind.SpecialistCertification => "a specialist certifies the condition",
            QualifierKind.Other when Text is not null => $"the law's further condition is met: \"{Text}\"",
            QualifierKind.CausedByUnderlyingCondition => $"the {conditionName} is produced by an underlying qualifying disease or its treatment",
            _ => "the law's further qualifier is met",
        };
        return Text is null || Kind == QualifierKind.Other ? core : $"{core} (law: \"{Text}\")";
    }
}
