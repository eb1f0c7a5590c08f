namespace Eligibility;

/// <summary>One period of a condition's status in a jurisdiction: <c>[From, Until)</c>, with the outcome the rules give throughout it.</summary>
/// <param name="From">First day of the period, or null for "since before any recorded change".</param>
/// <param name="Until">First day after the period, or null for "still so".</param>
/// <param name="Outcome">The condition's outcome throughout the period (for a patient of unknown age who shows no qualifier).</param>
/// <param name="Basis">Its basis.</param>
/// <param name="ListedAs">The listing used, when it is not the condition itself.</param>
/// <param name="Wording">The law's wording of the listing, if any.</param>
/// <param name="Citation">The citation behind it.</param>
/// <param name="SourceUrl">The source behind it.</param>
/// <param name="Requirements">Qualifiers to show in this period.</param>
public sealed record HistoryPeriod(DateOnly? From, DateOnly? Until, Outcome Outcome, Basis Basis, string? ListedAs, string? Wording, string? Citation, string? SourceUrl, IReadOnlyList<string> Requirements);

/// <summary>The history of one condition in one jurisdiction.</summary>
/// <param name="Jurisdiction">USPS code.</param>
/// <param name="Condition">Canonical condition id.</param>
/// <param name="ConditionName">Display name.</param>
/// <param name="Periods">The periods, oldest first, adjacent and non-overlapping.</param>
public sealed record ConditionHistory(string Jurisdiction, string Condition, string ConditionName, IReadOnlyList<HistoryPeriod> Periods);

/// <summary>What kind of change a <see cref="LawChange"/> is.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<LawChangeKind>))]
public enum LawChangeKind
{
    /// <summary>A medical program began.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("program-started")]
    ProgramStarted,

    /// <summary>A medical program ended.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("program-ended")]
    ProgramEnded,

    /// <summary>The program changed kind (e.g. low-THC to comprehensive).</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("program-changed")]
    ProgramChanged,

    /// <summary>A condition was added to the list.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("condition-added")]
    ConditionAdded,

    /// <summary>A condition was removed from the list.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("condition-removed")]
    ConditionRemoved,

    /// <summary>A listed condition's wording, qualifiers or status changed.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("condition-changed")]
    ConditionChanged,

    /// <summary>Practitioners were given discretion to certify unlisted conditions.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("discretion-granted")]
    DiscretionGranted,

    /// <summary>Practitioner discretion was withdrawn.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("discretion-withdrawn")]
    DiscretionWithdrawn,

    /// <summary>The terms of practitioner discretion changed (e.g. an age limit).</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("discretion-changed")]
    DiscretionChanged,

    /// <summary>Adult use became legal or stopped being legal.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("adult-use-changed")]
    AdultUseChanged,
}

/// <summary>One change in a jurisdiction's law between two dates.</summary>
/// <param name="Jurisdiction">USPS code.</param>
/// <param name="Kind">The kind of change.</param>
/// <param name="Condition">The condition, for condition changes.</param>
/// <param name="Date">The day the change took effect, when the data records it.</param>
/// <param name="Description">The change in one plain sentence.</param>
/// <param name="Citation">The law that made the change (the new state's citation, or the old one for a removal).</param>
/// <param name="SourceUrl">The source.</param>
public sealed record LawChange(string Jurisdiction, LawChangeKind Kind, string? Condition, DateOnly? Date, string Description, string Citation, string SourceUrl);

/// <summary>An earlier decision re-evaluated on a new date.</summary>
/// <param name="Jurisdiction">USPS code.</param>
/// <param name="Conditions">The conditions as first given.</param>
/// <param name="PreviousAsOf">The earlier decision's as-of date.</param>
/// <param name="AsOf">The new as-of date.</param>
/// <param name="PreviousOutcome">The earlier overall outcome.</param>
/// <param name="Outcome">The overall outcome now.</param>
/// <param name="Changed">True when the overall outcome or any condition's outcome, basis or requirements differ.</param>
/// <param name="Reasons">What differs, in plain sentences (with the new citations).</param>
/// <param name="Decision">The new decision.</param>
public sealed record RecheckResult(string Jurisdiction, IReadOnlyList<string> Conditions, DateOnly PreviousAsOf, DateOnly AsOf, Outcome PreviousOutcome, Outcome Outcome, bool Changed, IReadOnlyList<string> Reasons, EligibilityDecision Decision);
