using NRules;
using NRules.Diagnostics;

namespace Eligibility.Rules.Execution;

/// <summary>
/// Explain mode only: watches every condition NRules evaluates and keeps, per rule, the failure of its closest
/// candidate (the one that joined the most facts, then passed the most of the rule's conditions). NRules raises these
/// events only while someone listens, so a session without this collector pays nothing.
/// </summary>
internal sealed class NearMissCollector
{
    private readonly CompiledRules _rules;
    private readonly Dictionary<RuleInfo, (int Depth, int Position, string Label)> _closest = [];

    public NearMissCollector(ISession session, CompiledRules rules)
    {
        _rules = rules;
        session.Events.LhsExpressionEvaluatedEvent += OnEvaluated;
    }

    private void OnEvaluated(object? sender, LhsExpressionEventArgs e)
    {
        if (e.Result is not false || RuleShape.LabelOf(e.Expression) is not { } label)
        {
            return;
        }

        var depth = 0;
        foreach (var _ in e.Facts)
        {
            depth++;
        }

        foreach (var definition in e.Rules)
        {
            var rule = _rules.InfoOf(definition);
            var position = _rules.Shapes[rule].LabelOrder.GetValueOrDefault(label, -1);
            if (!_closest.TryGetValue(rule, out var best) || depth > best.Depth || (depth == best.Depth && position > best.Position))
            {
                _closest[rule] = (depth, position, label);
            }
        }
    }

    /// <summary>For each rule that never fired, in declaration order, its near-miss.</summary>
    public List<NearMiss> Collect(IReadOnlyCollection<RuleInfo> fired, IReadOnlyList<object> facts)
    {
        var misses = new List<NearMiss>();
        foreach (var rule in _rules.Rules)
        {
            if (fired.Contains(rule))
            {
                continue;
            }

            if (MissingType(rule, facts) is { } missing)
            {
                misses.Add(new NearMiss(rule, [$"no fact of type {missing.Name}"]));
            }
            else if (_closest.TryGetValue(rule, out var best))
            {
                misses.Add(new NearMiss(rule, [best.Label]));
            }
        }

        return misses;
    }

    private Type? MissingType(RuleInfo rule, IReadOnlyList<object> facts)
    {
        foreach (var type in _rules.Shapes[rule].PatternTypes)
        {
            var any = false;
            for (var i = 0; i < facts.Count && !any; i++)
            {
                any = type.IsInstanceOfType(facts[i]);
            }

            if (!any)
            {
                return type;
            }
        }

        return null;
    }
}
