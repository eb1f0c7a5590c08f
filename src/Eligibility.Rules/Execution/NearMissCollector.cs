using System.Linq.Expressions;
using NRules;
using NRules.Diagnostics;
using NRules.RuleModel;

namespace Eligibility.Rules.Execution;

/// <summary>
/// Explain mode only: watches every condition NRules evaluates and keeps, per rule, the failure of its closest
/// candidate (the one that joined the most facts, then passed the most of the rule's conditions). NRules raises these
/// events only while someone listens, so a session without this collector pays nothing.
/// </summary>
internal sealed class NearMissCollector
{
    private readonly CompiledRules _rules;
    private readonly Dictionary<RuleInfo, Candidate> _closest = [];

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

        List<object?>? bindings = null;
        foreach (var definition in e.Rules)
        {
            var rule = _rules.InfoOf(definition);
            var position = _rules.Shapes[rule].LabelOrder.GetValueOrDefault(label, -1);
            if (!_closest.TryGetValue(rule, out var best) || depth > best.Depth || (depth == best.Depth && position > best.Position))
            {
                bindings ??= Bindings(e);
                _closest[rule] = new Candidate(depth, position, label, bindings);
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
                misses.Add(new NearMiss(rule, FailedLabels(rule, best)));
            }
        }

        return misses;
    }

    /// <summary>The facts of a candidate (the tuple joined so far and the fact tested).</summary>
    private static List<object?> Bindings(LhsExpressionEventArgs e)
    {
        var bindings = new List<object?>();
        foreach (var fact in e.Facts)
        {
            bindings.Add(fact.Value);
        }

        return bindings;
    }

    /// <summary>
    /// Every labelled condition of the candidate's pattern that fails for its facts: NRules stops at the first failing
    /// condition, and a near-miss should say all that stands in the way. Falls back to the one label seen.
    /// </summary>
    private List<string> FailedLabels(RuleInfo rule, Candidate candidate)
    {
        var failed = new List<string>();
        foreach (var condition in _rules.Shapes[rule].PatternOf(candidate.Label))
        {
            if (RuleShape.LabelOf(condition) is not { } label)
            {
                continue;
            }

            if (label == candidate.Label || Evaluate(condition, candidate.Bindings) == false)
            {
                failed.Add(label);
            }
        }

        return failed.Count == 0 ? [candidate.Label] : failed;
    }

    /// <summary>Evaluates a condition on the candidate's facts, each parameter bound to the fact of its type (a rule's patterns have distinct types).</summary>
    private static bool? Evaluate(LambdaExpression condition, List<object?> bindings)
    {
        var arguments = new object?[condition.Parameters.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            var type = condition.Parameters[i].Type;
            var bound = bindings.Find(type.IsInstanceOfType);
            if (bound is null)
            {
                return null; // a fact the candidate did not bind: not evaluated
            }

            arguments[i] = bound;
        }

        try
        {
            return Compiled.GetOrAdd(condition, c => c.Compile()).DynamicInvoke(arguments) as bool?;
        }
        catch (System.Reflection.TargetInvocationException)
        {
            return null;
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<LambdaExpression, Delegate> Compiled = new(ReferenceEqualityComparer.Instance);

    private sealed record Candidate(int Depth, int Position, string Label, List<object?> Bindings);

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
