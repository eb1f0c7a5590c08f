using System.Collections.Concurrent;
using System.Linq.Expressions;
using NRules.RuleModel;

namespace Eligibility.Rules.Execution;

/// <summary>
/// Explain mode only: for each rule that never fired, walks its patterns in order over the evaluation's facts (as
/// matching does) and keeps the candidate that got furthest — most patterns met, then most conditions met, the first
/// found on a tie — with the labels of every condition it failed (the <see cref="Label.Is"/> markers in the rule's
/// expressions). It reads the rule definitions NRules compiled, so it says why about exactly the conditions that run.
/// </summary>
internal static class NearMissWalker
{
    private static readonly string[] AlreadyFired = ["the rule matched, but each match had already fired"];

    private static readonly ConcurrentDictionary<LambdaExpression, Func<object?[], bool>> Compiled = new(ReferenceEqualityComparer.Instance);

    public static List<NearMiss> Find(CompiledRules rules, RuleRun run)
    {
        var fired = new HashSet<RuleInfo>();
        foreach (var f in run.Firings)
        {
            fired.Add(f.Rule);
        }

        var misses = new List<NearMiss>();
        foreach (var rule in rules.Rules)
        {
            if (!fired.Contains(rule))
            {
                misses.Add(new NearMiss(rule, new Walk(rules.Shapes[rule], run.Facts).Find()));
            }
        }

        return misses;
    }

    private sealed class Walk(RuleShape shape, IReadOnlyList<FactRecord> facts)
    {
        private readonly object?[] _tuple = new object?[shape.Patterns.Count];
        private int _score = -1;
        private IReadOnlyList<string>? _failed;

        public IReadOnlyList<string> Find()
        {
            Step(0);
            return _failed ?? AlreadyFired;
        }

        private void Step(int level)
        {
            if (level == shape.Patterns.Count)
            {
                return;
            }

            var pattern = shape.Patterns[level];
            var any = false;
            foreach (var record in facts)
            {
                if (!pattern.Type.IsInstanceOfType(record.Fact))
                {
                    continue;
                }

                any = true;
                _tuple[level] = record.Fact;
                List<string>? failed = null;
                foreach (var condition in pattern.Conditions)
                {
                    bool passed;
                    try
                    {
                        passed = Test(condition, level);
                    }
                    catch (Exception) when (failed is not null)
                    {
                        // A condition may rely on an earlier one having passed (matching stops at the first failure);
                        // after a failure it cannot be evaluated, so it is not reported.
                        continue;
                    }

                    if (!passed)
                    {
                        (failed ??= []).Add(RuleShape.LabelOf(condition) ?? "a condition of the rule");
                    }
                }

                if (failed is null)
                {
                    Step(level + 1);
                }
                else
                {
                    Offer((level * 1000) + pattern.Conditions.Count - failed.Count, failed);
                }
            }

            _tuple[level] = null;
            if (!any)
            {
                Offer(level * 1000, [$"no fact of type {pattern.Type.Name}"]);
            }
        }

        private void Offer(int score, IReadOnlyList<string> failed)
        {
            if (score > _score)
            {
                _score = score;
                _failed = failed;
            }
        }

        /// <summary>Evaluates a condition with its parameters bound by declaration name to the facts bound so far.</summary>
        private bool Test(LambdaExpression condition, int level)
        {
            var arguments = new object?[condition.Parameters.Count];
            for (var i = 0; i < arguments.Length; i++)
            {
                var name = condition.Parameters[i].Name;
                var found = false;
                for (var p = 0; p <= level && !found; p++)
                {
                    if (shape.Patterns[p].Name == name)
                    {
                        arguments[i] = _tuple[p];
                        found = true;
                    }
                }

                if (!found)
                {
                    // Not named after a declaration: the pattern's own fact, bound by type.
                    arguments[i] = _tuple[level];
                }
            }

            return Compiled.GetOrAdd(condition, Compile)(arguments);
        }

        /// <summary>A condition as a delegate over an argument array (compiled once per condition).</summary>
        private static Func<object?[], bool> Compile(LambdaExpression condition)
        {
            var arguments = Expression.Parameter(typeof(object?[]), "arguments");
            var call = Expression.Invoke(condition, condition.Parameters.Select((p, i) =>
                (Expression)Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(i)), p.Type)));
            return Expression.Lambda<Func<object?[], bool>>(call, arguments).Compile();
        }
    }
}
