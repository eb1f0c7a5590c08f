namespace Eligibility;

/// <summary>
/// One entry of the condition vocabulary: a stable kebab-case id, its display name, its relations to
/// other conditions and the terms and ICD-10-CM codes that resolve to it.
/// </summary>
public sealed record ConditionDefinition
{
    /// <summary>Stable kebab-case id (for example <c>opioid-use-disorder</c>); never renamed once shipped.</summary>
    public required string Id { get; init; }

    /// <summary>Human-readable display name.</summary>
    public required string Name { get; init; }

    /// <summary>Short plain-language description of what the condition covers.</summary>
    public required string Description { get; init; }

    /// <summary>Ids of broader conditions this one satisfies (is_a): a listing of the parent is satisfied by this child.</summary>
    public IReadOnlyList<string> IsA { get; init; } = [];

    /// <summary>Ids of conditions that a code of this condition also asserts (coded input only).</summary>
    public IReadOnlyList<string> Implies { get; init; } = [];

    /// <summary>Clinical terms that mean this condition.</summary>
    public IReadOnlyList<string> Synonyms { get; init; } = [];

    /// <summary>Clinical abbreviations (for example "PTSD"); short ones only match in upper case inside longer text.</summary>
    public IReadOnlyList<string> Abbreviations { get; init; } = [];

    /// <summary>Everyday phrases patients use for this condition.</summary>
    public IReadOnlyList<string> LayPhrases { get; init; } = [];

    /// <summary>Common misspellings that should resolve here (reported as <see cref="MatchKind.Fuzzy"/>).</summary>
    public IReadOnlyList<string> Misspellings { get; init; } = [];

    /// <summary>Spanish terms for this condition (matched with or without accents).</summary>
    public IReadOnlyList<string> Spanish { get; init; } = [];

    /// <summary>Whether the id belongs to the canonical table every data file, rule and caller can rely on.</summary>
    public bool Canonical { get; init; }

    /// <summary>The mapped ICD-10-CM codes as the catalog records them, with title, verification and source.</summary>
    public IReadOnlyList<ConditionCode> Codes { get; init; } = [];

    /// <summary>ICD-10-CM code prefixes (with or without dot) that map to this condition; the longest prefix wins.</summary>
    public IReadOnlyList<string> IcdCodes { get; init; } = [];

    /// <summary>ICD-10-CM code prefixes that never map to this condition, even when a prefix above matches.</summary>
    public IReadOnlyList<string> IcdExclusions { get; init; } = [];

    /// <summary>
    /// The catalog's <c>codeNote</c>: where the code mapping was checked, or why there is no code. A note for whoever
    /// maintains the catalog, not an answer: the resolver never puts it in a result, and outputs do not show it.
    /// </summary>
    public string CodeSource { get; init; } = "";
}
