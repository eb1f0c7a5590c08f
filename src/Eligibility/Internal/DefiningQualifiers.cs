
namespace Eligibility.Internal;

/// <summary>Conditions that are their broader condition plus one qualifier; the condition itself shows that qualifier.</summary>
internal static class DefiningQualifiers
{
    public static readonly Dictionary<string, QualifierKind> ById = new Dictionary<string, QualifierKind>
    {
        ["intractable-pain"] = QualifierKind.Intractable, // conditions.md: intractable pain is_a chronic pain
    }.ToDictionary(StringComparer.Ordinal);
}
