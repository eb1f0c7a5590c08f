namespace Eligibility.Rules.Execution;

/// <summary>A fact of one evaluation, with the firing that inserted it (null for a fact the caller inserted).</summary>
/// <param name="Fact">The fact.</param>
/// <param name="InsertedBy">The firing that inserted it, or null.</param>
internal sealed record FactRecord(object Fact, Firing? InsertedBy);

/// <summary>One rule firing of an evaluation: the rule, the facts it matched and the facts it inserted.</summary>
/// <param name="Sequence">Firing number, from 1, in firing order.</param>
/// <param name="Rule">The rule.</param>
internal sealed record Firing(int Sequence, RuleInfo Rule)
{
    /// <summary>The working-memory facts the rule matched (aggregates are not facts and are left out).</summary>
    public IReadOnlyList<FactRecord> Matched { get; set; } = [];

    /// <summary>The facts the firing inserted.</summary>
    public IReadOnlyList<FactRecord> Inserted { get; set; } = [];
}

/// <summary>For a rule that did not fire: the labels of the conditions its closest candidate failed.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="FailedConditions">The labels, or "no fact of type X" when a pattern had nothing to match.</param>
internal sealed record NearMiss(RuleInfo Rule, IReadOnlyList<string> FailedConditions);

/// <summary>What one evaluation produced: every fact in a stable order (inputs first, then by firing), every firing and, in explain mode, the near-misses.</summary>
/// <param name="Facts">Every fact.</param>
/// <param name="Firings">Every firing, in order.</param>
/// <param name="NearMisses">Near-misses (explain mode), else empty.</param>
internal sealed record RuleRun(IReadOnlyList<FactRecord> Facts, IReadOnlyList<Firing> Firings, IReadOnlyList<NearMiss> NearMisses)
{
    private readonly IReadOnlyDictionary<object, FactRecord>? _index;

    /// <summary>A run with the index by fact that building it produced (so it is not built twice).</summary>
    public RuleRun(IReadOnlyList<FactRecord> facts, IReadOnlyList<Firing> firings, IReadOnlyDictionary<object, FactRecord> index)
        : this(facts, firings, [])
    {
        _index = index;
    }

    /// <summary>The record of a fact, by reference, or null.</summary>
    public FactRecord? Find(object fact)
    {
        if (_index is not null)
        {
            return _index.GetValueOrDefault(fact);
        }

        for (var i = 0; i < Facts.Count; i++)
        {
            if (ReferenceEquals(Facts[i].Fact, fact))
            {
                return Facts[i];
            }
        }

        return null;
    }
}
