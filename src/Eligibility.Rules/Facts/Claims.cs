namespace Eligibility.Rules;

/// <summary>A condition claim the rules judge: either stated by the caller or derived from one.</summary>
public interface IClaim
{
    /// <summary>The stated claim this one comes from (itself for a stated claim).</summary>
    ConditionClaim Origin { get; }

    /// <summary>Canonical condition id, or null when the input was not resolved.</summary>
    string? ConditionId { get; }

    /// <summary>Display name of the condition (lower-case use in sentences is the caller's concern).</summary>
    string ConditionName { get; }

    /// <summary>The basis a listing of this claim's condition gives.</summary>
    Basis ListingBasis { get; }

    /// <summary>Qualifiers the derivation itself adds (a chronic-pain claim judged under an intractable-pain listing must show the pain is intractable).</summary>
    IReadOnlyList<Law.Qualifier> AddedQualifiers { get; }
}

/// <summary>Input fact: one condition as the caller stated it, after resolution.</summary>
public sealed class ConditionClaim : IClaim
{
    /// <summary>Creates a stated claim.</summary>
    /// <param name="index">Position in the query, from 0.</param>
    /// <param name="input">The caller's text.</param>
    /// <param name="conditionId">Resolved canonical id, or null.</param>
    /// <param name="conditionName">Display name, or the input when unresolved.</param>
    /// <param name="attested">Qualifiers the caller has shown (including those the condition itself implies, e.g. intractable pain is intractable).</param>
    /// <param name="durationMonths">How long the condition has lasted, if given.</param>
    /// <param name="suggestions">For an unresolved input, the closest condition ids.</param>
    public ConditionClaim(int index, string input, string? conditionId, string conditionName, IReadOnlySet<QualifierKind> attested, int? durationMonths, IReadOnlyList<string> suggestions)
    {
        Index = index;
        Input = input;
        ConditionId = conditionId;
        ConditionName = conditionName;
        Attested = attested;
        DurationMonths = durationMonths;
        Suggestions = suggestions;
    }

    /// <summary>Position in the query, from 0.</summary>
    public int Index { get; }

    /// <summary>The caller's text.</summary>
    public string Input { get; }

    /// <inheritdoc/>
    public string? ConditionId { get; }

    /// <inheritdoc/>
    public string ConditionName { get; }

    /// <summary>Qualifiers the caller has shown.</summary>
    public IReadOnlySet<QualifierKind> Attested { get; }

    /// <summary>How long the condition has lasted, in months, if given.</summary>
    public int? DurationMonths { get; }

    /// <summary>For an unresolved input, the closest condition ids.</summary>
    public IReadOnlyList<string> Suggestions { get; }

    /// <summary>For an unresolved input, why it was not mapped (e.g. "negated: cancer", "family history: multiple-sclerosis"), if known.</summary>
    public string? UnresolvedReason { get; init; }

    /// <inheritdoc/>
    public ConditionClaim Origin => this;

    /// <inheritdoc/>
    public Basis ListingBasis => Basis.Listed;

    /// <inheritdoc/>
    public IReadOnlyList<Law.Qualifier> AddedQualifiers => [];
}

/// <summary>Derived fact: a claim the rules derive from a stated one (a broader condition, or an implied condition).</summary>
/// <param name="Origin">The stated claim.</param>
/// <param name="ConditionId">The derived condition's id.</param>
/// <param name="ConditionName">The derived condition's display name.</param>
/// <param name="ListingBasis">Broader condition or implied condition.</param>
/// <param name="Reason">Why it is derived, in one sentence.</param>
public sealed record DerivedClaim(ConditionClaim Origin, string ConditionId, string ConditionName, Basis ListingBasis, string Reason) : IClaim, IExplainable
{
    /// <inheritdoc/>
    public IReadOnlyList<Law.Qualifier> AddedQualifiers { get; init; } = [];

    string? IClaim.ConditionId => ConditionId;

    /// <inheritdoc/>
    public string Summary => Reason;

    /// <inheritdoc/>
    public Law.Provenance? Provenance => null;
}
