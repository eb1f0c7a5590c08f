namespace Eligibility;

/// <summary>How an input was matched to a condition (or why it was not).</summary>
public enum MatchKind
{
    /// <summary>The input was the canonical condition id itself.</summary>
    Id,

    /// <summary>The input matched the condition's display name.</summary>
    Name,

    /// <summary>The input matched a clinical synonym.</summary>
    Synonym,

    /// <summary>The input matched a clinical abbreviation (for example "PTSD" or "OUD").</summary>
    Abbreviation,

    /// <summary>The input matched a lay (patient) phrase such as "dope sick".</summary>
    LayPhrase,

    /// <summary>The input was an ICD-10-CM code that maps to the condition.</summary>
    Code,

    /// <summary>The input matched approximately (a known misspelling or a spelling correction).</summary>
    Fuzzy,

    /// <summary>The condition was mentioned but negated, uncertain or attributed to someone else (family history); it never maps.</summary>
    Negated,

    /// <summary>Nothing matched with enough confidence.</summary>
    None,

    /// <summary>A substance combined with a use-disorder or withdrawal word ("strung out on percs", "kicking dope"), or pain with a chronicity word ("constant hip pain").</summary>
    Composed,

    /// <summary>Pain with a stated duration of three months or more ("hip pain for 3 years"); the duration is in <see cref="ConditionResolution.DurationMonths"/>.</summary>
    Duration,

    /// <summary>A medication named alone whose only indication is the condition (buprenorphine-naloxone: opioid use disorder).</summary>
    Medication,

    /// <summary>The input matched a Spanish term of the condition (with or without accents).</summary>
    Spanish,
}
