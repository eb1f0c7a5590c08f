using System.Text.Json.Serialization;

namespace Eligibility;

/// <summary>The answer to an <see cref="EligibilityQuery"/>: the outcome, per-condition results, requirements, advisories and the explanation.</summary>
public sealed record EligibilityDecision
{
    /// <summary>Version of this JSON shape.</summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary>USPS code.</summary>
    public required string Jurisdiction { get; init; }

    /// <summary>Jurisdiction name.</summary>
    public required string JurisdictionName { get; init; }

    /// <summary>The day the law was read on.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>The overall outcome.</summary>
    public required Outcome Outcome { get; init; }

    /// <summary>The overall outcome in one plain sentence.</summary>
    public required string Summary { get; init; }

    /// <summary>One result per condition in the query, in query order.</summary>
    public required IReadOnlyList<ConditionDecision> Conditions { get; init; }

    /// <summary>Patient-level requirements (registration, caregiver for minors, residency).</summary>
    public required IReadOnlyList<RequirementItem> Requirements { get; init; }

    /// <summary>Advice shown with the decision.</summary>
    public required IReadOnlyList<AdvisoryItem> Advisories { get; init; }

    /// <summary>The rules that fired, in order, in plain words.</summary>
    public required IReadOnlyList<ExplanationStep> Explanation { get; init; }

    /// <summary>In explain mode: rules that did not fire and the conditions they failed; otherwise null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<NearMissItem>? NearMisses { get; init; }

    /// <summary>The data this answer was read from.</summary>
    public required DataStamp Data { get; init; }

    /// <summary>The query this decision answers (with its as-of date), so that it can be re-checked on another date.</summary>
    public EligibilityQuery? Query { get; init; }
}

/// <summary>The result for one condition of the query.</summary>
public sealed record ConditionDecision
{
    /// <summary>The caller's text.</summary>
    public required string Input { get; init; }

    /// <summary>The canonical condition id, or null when the input was not recognised.</summary>
    public required string? Condition { get; init; }

    /// <summary>The condition's display name, or null.</summary>
    public required string? ConditionName { get; init; }

    /// <summary>The outcome.</summary>
    public required Outcome Outcome { get; init; }

    /// <summary>Why: listed, broader condition, narrower condition, implied condition, practitioner discretion, rejected, none.</summary>
    public required Basis Basis { get; init; }

    /// <summary>The condition the law's listing names, when it differs from <see cref="Condition"/> (e.g. opioid-use-disorder for opioid withdrawal).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ListedAs { get; init; }

    /// <summary>The law's wording of the listing used, if any.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Wording { get; init; }

    /// <summary>The citation behind the outcome.</summary>
    public required string? Citation { get; init; }

    /// <summary>The source URL behind the outcome.</summary>
    public required string? SourceUrl { get; init; }

    /// <summary>How sure the data is of the fact behind the outcome.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Confidence? Confidence { get; init; }

    /// <summary>Qualifiers still to meet, as things a practitioner can attest.</summary>
    public required IReadOnlyList<string> Requirements { get; init; }

    /// <summary><c>low-thc</c> where only low-THC products are allowed; otherwise null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ProductScope { get; init; }

    /// <summary>
    /// Every legal route to a card for this condition, best first: a listing (with its qualifiers as requirements), a
    /// listing of a condition it is judged under, a practitioner catch-all (with its limits). The headline
    /// <see cref="Outcome"/> is the first route's; empty when no route qualifies (the headline then says why).
    /// Order: qualifies, then qualifies-with-requirements, then practitioner-discretion; on a tie the condition's own
    /// listing first.
    /// </summary>
    public IReadOnlyList<RouteItem> Routes { get; init; } = [];

    /// <summary>How the input was read (kind of match, the words or code it rests on, a stated duration); null when not recorded.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ConditionReading? ReadAs { get; init; }

    /// <summary>For an unrecognised input: condition ids it may have meant.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Suggestions { get; init; }

    /// <summary>The result in one plain sentence.</summary>
    public required string Summary { get; init; }
}

/// <summary>One legal route to a card for a condition.</summary>
/// <param name="Basis">What the route rests on: listed, broader/narrower/implied condition, or practitioner discretion.</param>
/// <param name="Outcome">What the route gives: qualifies, qualifies-with-requirements or practitioner-discretion.</param>
/// <param name="ListedAs">The condition the listing names, when it differs from the condition asked about.</param>
/// <param name="Wording">The law's wording of the listing or catch-all.</param>
/// <param name="Citation">The law behind the route.</param>
/// <param name="SourceUrl">The source behind the route.</param>
/// <param name="Requirements">What must still be shown or attested on this route.</param>
/// <param name="Summary">The route in one plain sentence.</param>
public sealed record RouteItem(Basis Basis, Outcome Outcome, string? ListedAs, string? Wording, string? Citation, string? SourceUrl, IReadOnlyList<string> Requirements, string Summary);

/// <summary>A patient-level requirement.</summary>
/// <param name="Kind">Procedure, additional or blocking.</param>
/// <param name="Text">The requirement in plain words.</param>
/// <param name="Citation">The law behind it, if recorded.</param>
public sealed record RequirementItem(RequirementKind Kind, string Text, string? Citation);

/// <summary>Advice shown with a decision.</summary>
/// <param name="Code">Stable advisory id.</param>
/// <param name="Text">The advice.</param>
public sealed record AdvisoryItem(string Code, string Text);

/// <summary>One step of the explanation: a rule that fired and what it concluded.</summary>
/// <param name="Step">Step number, from 1.</param>
/// <param name="RuleId">The rule's id.</param>
/// <param name="Rule">The rule's name.</param>
/// <param name="Conclusion">What it concluded, in plain words.</param>
/// <param name="Citation">The law behind it, if any.</param>
/// <param name="SourceUrl">The source behind it, if any.</param>
/// <param name="Uses">Earlier steps whose conclusions this step used.</param>
public sealed record ExplanationStep(int Step, string RuleId, string Rule, string Conclusion, string? Citation, string? SourceUrl, IReadOnlyList<int> Uses);

/// <summary>A rule that did not fire, with the labelled conditions that failed.</summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="Rule">The rule's name.</param>
/// <param name="Failed">The conditions that failed for the closest candidate.</param>
public sealed record NearMissItem(string RuleId, string Rule, IReadOnlyList<string> Failed);

/// <summary>Which data answered.</summary>
/// <param name="Version">Content hash of the jurisdiction's law file.</param>
/// <param name="LastVerified">When the file was last checked against its sources.</param>
/// <param name="Confidence">The file's overall confidence.</param>
public sealed record DataStamp(string Version, DateOnly LastVerified, Confidence Confidence);
