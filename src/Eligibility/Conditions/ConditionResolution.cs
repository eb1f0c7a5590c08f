namespace Eligibility;

/// <summary>The outcome of resolving one piece of free text or one code to a canonical condition.</summary>
public sealed record ConditionResolution
{
    /// <summary>The text that was resolved (the whole input, or the part of it this result covers).</summary>
    public required string Input { get; init; }

    /// <summary>The canonical condition id, or <see langword="null"/> when nothing (or only a negated mention) matched.</summary>
    public string? ConditionId { get; init; }

    /// <summary>The display name of <see cref="ConditionId"/>, or <see langword="null"/>.</summary>
    public string? ConditionName { get; init; }

    /// <summary>How the input matched.</summary>
    public required MatchKind Kind { get; init; }

    /// <summary>Confidence between 0 and 1 (1 for exact ids, names and codes; lower for fuzzy matches; 0 for no match).</summary>
    public double Score { get; init; }

    /// <summary>Up to three condition ids, best first, offered when nothing matched.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];

    /// <summary>Condition ids that the matched ICD-10-CM code also asserts (for example F11.23 implies opioid-use-disorder).</summary>
    public IReadOnlyList<string> ImpliedConditions { get; init; } = [];

    /// <summary>Why a match was refused or qualified (for example "negated", "family history", "excluded code").</summary>
    public string? Note { get; init; }

    /// <summary>The words or code the reading rests on ("percs ... strung out", "F11.23"), or <see langword="null"/> when nothing matched.</summary>
    public string? MatchedText { get; init; }

    /// <summary>How long the input says the condition has lasted, in whole months (a lower bound), or <see langword="null"/> when it does not say.</summary>
    public int? DurationMonths { get; init; }

    /// <summary>True when <see cref="ConditionId"/> is set.</summary>
    public bool IsMatch => ConditionId is not null;
}
