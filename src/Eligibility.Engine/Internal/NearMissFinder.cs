namespace Eligibility.Engine.Internal;

/// <summary>
/// Explain mode: for a rule that never fired, walks the same joins as matching but records the candidate that got
/// furthest (most patterns met, then most conditions met) and the labels of every condition it failed.
/// </summary>
internal static class NearMissFinder
{
    public static NearMiss Find(RuleModel rule, List<FactRecord>[] slots)
    {
        var best = new Best();
        var tuple = new object[rule.Positive.Length];
        Walk(rule, slots, 0, tuple, best);
        return new NearMiss(rule.Info, best.Matched ?? [], best.Failed ?? ["the rule matched, but each match had already fired"]);
    }

    private static void Walk(RuleModel rule, List<FactRecord>[] slots, int level, object[] tuple, Best best)
    {
        if (level == rule.Positive.Length)
        {
            var failed = new List<string>();
            foreach (var guard in rule.Guards)
            {
                var any = slots[guard.Slot].Any(c => Session.Test(rule, guard, c.Fact, tuple));
                if (any != (guard.Kind == PatternKind.Exists))
                {
                    failed.Add(DescribeGuard(guard));
                }
            }

            best.Offer((level * 1000) + rule.Guards.Length - failed.Count, tuple[..level], failed);
            return;
        }

        var pattern = rule.Positive[level];
        var candidates = slots[pattern.Slot];
        if (candidates.Count == 0)
        {
            best.Offer(level * 1000, tuple[..level], [$"no fact of type {pattern.FactType.Name}"]);
            return;
        }

        foreach (var candidate in candidates)
        {
            var failed = new List<string>();
            foreach (var condition in pattern.CompiledConditions)
            {
                bool passed;
                try
                {
                    passed = condition.Test(candidate.Fact, tuple);
                }
                catch (Exception) when (failed.Count > 0)
                {
                    // A condition may rely on an earlier one having passed (as matching, which stops at the first
                    // failure, guarantees); after a failure it is not evaluable, so it is not reported.
                    continue;
                }
                catch (Exception e)
                {
                    throw new RuleExecutionException(rule.Info.Id, $"Rule '{rule.Info.Id}' ({rule.Info.Name}) threw {e.GetType().Name} testing '{condition.Label}': {e.Message}", e);
                }

                if (!passed)
                {
                    failed.Add(condition.Label);
                }
            }

            tuple[level] = candidate.Fact;
            if (failed.Count == 0)
            {
                Walk(rule, slots, level + 1, tuple, best);
            }
            else
            {
                var passed = pattern.CompiledConditions.Length - failed.Count;
                best.Offer((level * 1000) + passed, tuple[..level], failed);
            }
        }
    }

    private static string DescribeGuard(PatternModel guard)
    {
        var labels = string.Join(" and ", guard.CompiledConditions.Select(c => c.Label));
        var where = labels.Length == 0 ? "" : $" where {labels}";
        return guard.Kind == PatternKind.Not ? $"no {guard.FactType.Name}{where}" : $"some {guard.FactType.Name}{where}";
    }

    private sealed class Best
    {
        private int _score = -1;

        public object[]? Matched { get; private set; }

        public List<string>? Failed { get; private set; }

        public void Offer(int score, object[] matched, List<string> failed)
        {
            if (failed.Count > 0 && score > _score)
            {
                _score = score;
                Matched = matched;
                Failed = failed;
            }
        }
    }
}
