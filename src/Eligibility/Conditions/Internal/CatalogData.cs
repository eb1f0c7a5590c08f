namespace Eligibility.Conditions.Internal;

/// <summary>
/// The built-in condition vocabulary. Split over partial files: the canonical table of
/// shared/conditions.md, the ids added for state listings, and the ids research groups added.
/// </summary>
internal static partial class CatalogData
{
    /// <summary>Code mapping taken from the ICD-10-CM tabular structure but not checked with the search tool.</summary>
    private const string NotVerified = "Not verified with the search tool: ICD-10-CM FY2026 tabular structure from coding knowledge; re-check before relying on it.";

    /// <summary>For conditions without a dedicated ICD-10-CM code.</summary>
    private const string NoCode = "No dedicated ICD-10-CM code; resolved from text only.";

    /// <summary>Every condition, canonical table first.</summary>
    /// <returns>The definitions.</returns>
    public static IReadOnlyList<ConditionDefinition> All() => [.. Canonical(), .. Added(), .. Research()];

    private static ConditionDefinition C(
        string id,
        string name,
        string description,
        string[]? isA = null,
        string[]? implies = null,
        string[]? syn = null,
        string[]? abbr = null,
        string[]? lay = null,
        string[]? miss = null,
        string[]? icd = null,
        string[]? excl = null,
        string source = NoCode) =>
        new()
        {
            Id = id,
            Name = name,
            Description = description,
            IsA = isA ?? [],
            Implies = implies ?? [],
            Synonyms = syn ?? [],
            Abbreviations = abbr ?? [],
            LayPhrases = lay ?? [],
            Misspellings = miss ?? [],
            IcdCodes = icd ?? [],
            IcdExclusions = excl ?? [],
            CodeSource = source,
        };

    private static string[] Range(string first, string last) => [.. IcdCode.Range(first, last)];
}
