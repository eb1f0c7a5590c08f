namespace Eligibility.Engine;

/// <summary>A fact in a session's working memory, with its sequence number and where it came from.</summary>
/// <param name="Id">Sequence number in the session, from 1, in insertion order.</param>
/// <param name="Fact">The fact.</param>
/// <param name="InsertedBy">The firing that inserted it, or <see langword="null"/> for a fact inserted by the caller.</param>
public sealed record FactRecord(int Id, object Fact, Firing? InsertedBy);

/// <summary>One rule firing: the rule, the facts it matched (positive patterns, in order) and the facts it inserted.</summary>
/// <param name="Sequence">Firing number in the session, from 1.</param>
/// <param name="Rule">The rule.</param>
/// <param name="Matched">The facts bound by the rule's positive patterns.</param>
public sealed record Firing(int Sequence, RuleInfo Rule, IReadOnlyList<FactRecord> Matched)
{
    /// <summary>The facts this firing inserted.</summary>
    public IReadOnlyList<FactRecord> Inserted { get; internal set; } = [];
}

/// <summary>For a rule that did not fire: the closest candidate and the labelled conditions it failed.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="MatchedFacts">The facts bound by the patterns the candidate did meet, in order.</param>
/// <param name="FailedConditions">The labels of the conditions that failed for the closest candidate; for a type with no fact at all, "no fact of type X".</param>
/// <param name="FiredElsewhere">True if the rule fired for other facts but not for every candidate (only rules that never fired are reported).</param>
public sealed record NearMiss(RuleInfo Rule, IReadOnlyList<object> MatchedFacts, IReadOnlyList<string> FailedConditions, bool FiredElsewhere = false);

/// <summary>Options of one evaluation.</summary>
public sealed record SessionOptions
{
    /// <summary>Default options: trace on, explain off, at most 10,000 firings.</summary>
    public static SessionOptions Default { get; } = new();

    /// <summary>Record every firing (rule, matched facts, inserted facts). On by default; off saves allocations.</summary>
    public bool Trace { get; init; } = true;

    /// <summary>After quiescence, record for every rule that never fired its closest near-miss.</summary>
    public bool Explain { get; init; }

    /// <summary>Maximum firings before the run stops with a <see cref="RuleExecutionException"/> naming the rule.</summary>
    public int MaxFirings { get; init; } = 10_000;
}
