using System.Collections.Frozen;

namespace Eligibility.Internal;

/// <summary>Conditions that are their broader condition plus one qualifier; the condition itself shows that qualifier.</summary>
internal static class DefiningQualifiers
{
    public static readonly FrozenDictionary<string, QualifierKind> ById = new Dictionary<string, QualifierKind>
    {
        ["intractable-pain"] = QualifierKind.Intractable, // conditions.md: intractable pain is_a chronic pain
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
