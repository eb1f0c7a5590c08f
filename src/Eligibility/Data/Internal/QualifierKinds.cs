namespace Eligibility.Data.Internal;

/// <summary>Parses the data's kebab-case qualifier names.</summary>
internal static class QualifierKinds
{
    private static readonly Dictionary<string, QualifierKind> ByName = new(StringComparer.Ordinal)
    {
        ["intractable"] = QualifierKind.Intractable,
        ["severe"] = QualifierKind.Severe,
        ["debilitating"] = QualifierKind.Debilitating,
        ["chronic"] = QualifierKind.Chronic,
        ["conventional-treatment-failed"] = QualifierKind.ConventionalTreatmentFailed,
        ["minimum-duration"] = QualifierKind.MinimumDuration,
        ["opioid-alternative"] = QualifierKind.OpioidAlternative,
        ["with-oud-treatment"] = QualifierKind.WithOudTreatment,
        ["specialist-certification"] = QualifierKind.SpecialistCertification,
        ["caused-by-underlying-condition"] = QualifierKind.CausedByUnderlyingCondition,
        ["other"] = QualifierKind.Other,
    };

    public static IEnumerable<string> Names => ByName.Keys;

    public static bool TryParse(string name, out QualifierKind kind) => ByName.TryGetValue(name, out kind);

    public static string NameOf(QualifierKind kind) => ByName.First(p => p.Value == kind).Key;
}
