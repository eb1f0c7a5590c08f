using NRules;
using NRules.Diagnostics;
using NRules.RuleModel;

namespace Eligibility.Rules.Execution;

/// <summary>
/// Records one NRules session's firings and inserted facts from its events: a fact inserted while a rule fires (or,
/// for linked facts, right after it fired) belongs to that firing. Subscribed once per session; <see cref="Recording"/>
/// switches it off while a warm session drops a query's facts.
/// </summary>
internal sealed class TraceRecorder
{
    private readonly CompiledRules _rules;
    private RawFiring? _current;

    public TraceRecorder(ISession session, CompiledRules rules)
    {
        _rules = rules;
        session.Events.RuleFiringEvent += OnRuleFiring;
        session.Events.FactInsertedEvent += OnFactInserted;
    }

    /// <summary>Whether events are recorded.</summary>
    public bool Recording { get; set; } = true;

    /// <summary>Facts the caller inserted, in order.</summary>
    public List<object> Inputs { get; } = [];

    /// <summary>Firings, in order.</summary>
    public List<RawFiring> Firings { get; } = [];

    /// <summary>Marks the end of a firing run: later inserts come from the caller.</summary>
    public void EndFire() => _current = null;

    /// <summary>Forgets everything after the given counts (a warm session's baseline stays).</summary>
    public void Truncate(int inputs, int firings)
    {
        Inputs.RemoveRange(inputs, Inputs.Count - inputs);
        Firings.RemoveRange(firings, Firings.Count - firings);
        _current = null;
    }

    private void OnRuleFiring(object? sender, AgendaEventArgs e)
    {
        if (!Recording)
        {
            return;
        }

        var matched = new List<object>();
        foreach (var fact in e.Match.Facts)
        {
            matched.Add(fact.Value!);
        }

        _current = new RawFiring(_rules.InfoOf(e.Rule), matched);
        Firings.Add(_current);
    }

    private void OnFactInserted(object? sender, WorkingMemoryEventArgs e)
    {
        if (!Recording)
        {
            return;
        }

        if (_current is null)
        {
            Inputs.Add(e.Fact.Value!);
        }
        else
        {
            _current.Inserted.Add(e.Fact);
        }
    }
}

/// <summary>A firing as recorded: the rule, matched fact values, inserted facts (read late: linked facts can be updated in place).</summary>
internal sealed class RawFiring(RuleInfo rule, List<object> matched)
{
    public RuleInfo Rule { get; } = rule;

    public List<object> Matched { get; } = matched;

    public List<IFact> Inserted { get; } = [];
}
