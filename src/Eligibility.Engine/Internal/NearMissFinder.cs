namespace Eligibility.Engine.Internal;

/// <summary>
/// Explain mode: for a rule that never fired, walks the same joins as matching but records the candidate that got
/// furthest (most patterns met, then most conditions met) and the labels of every condition it failed.
/// </summary>
/// <remarks>
/// Runs for every rule that did not fire, so it allocates only for a candidate that beats the best so far: the failed
/// labels are gathered in one reused list and copied when kept; guard and missing-type descriptions are built once per
/// pattern.
/// </remarks>
internal static class NearMissFinder
{
    private static readonly string[] AlreadyFired = ["the rule matched, but each match had already fired"];

    public static NearMiss Find(RuleModel rule, List<FactRecord>[] slots) => new Walker(slots, rule.Positive.Length).Find(rule);

    /// <summary>Finds near-misses over one session's facts; reusable for every rule of the session.</summary>
    internal sealed class Walker(List<FactRecord>[] slots, int maxPositive)
    {
        private readonly object[] _tuple = new object[maxPositive];
        private readonly List<string> _failed = [];
        private RuleModel _rule = null!;
        private int _score;
        private IReadOnlyList<string>? _alone;

        private object[]? Matched { get; set; }

        private IReadOnlyList<string>? Failed { get; set; }

        public NearMiss Find(RuleModel rule)
        {
            _rule = rule;
            _score = -1;
            Matched = null;
            Failed = null;
            Array.Clear(_tuple);
            Walk(0);
            return new NearMiss(rule.Info, Matched ?? [], Failed ?? AlreadyFired);
        }

        private void Walk(int level)
        {
            var rule = _rule;
            var failed = _failed;
            if (level == rule.Positive.Length)
            {
                failed.Clear();
                foreach (var guard in rule.Guards)
                {
                    var any = false;
                    foreach (var candidate in slots[guard.Slot])
                    {
                        if (Session.Test(rule, guard, candidate.Fact, _tuple))
                        {
                            any = true;
                            break;
                        }
                    }

                    if (any != (guard.Kind == PatternKind.Exists))
                    {
                        failed.Add(guard.GuardDescription);
                        if (failed.Count == 1)
                        {
                            _alone = guard.GuardAloneFailed;
                        }
                    }
                }

                Offer((level * 1000) + rule.Guards.Length - failed.Count, level, failed);
                return;
            }

            var pattern = rule.Positive[level];
            var candidates = slots[pattern.Slot];
            if (candidates.Count == 0)
            {
                failed.Clear();
                failed.Add(pattern.MissingDescription);
                _alone = pattern.MissingFailed;
                Offer(level * 1000, level, failed);
                return;
            }

            foreach (var candidate in candidates)
            {
                failed.Clear();
                foreach (var condition in pattern.CompiledConditions)
                {
                    bool passed;
                    try
                    {
                        passed = condition.Test(candidate.Fact, _tuple);
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
                        if (failed.Count == 1)
                        {
                            _alone = condition.AloneFailed;
                        }
                    }
                }

                _tuple[level] = candidate.Fact;
                if (failed.Count == 0)
                {
                    Walk(level + 1);
                }
                else
                {
                    Offer((level * 1000) + pattern.CompiledConditions.Length - failed.Count, level, failed);
                }
            }
        }

        /// <summary>Keeps the candidate (the facts bound before <paramref name="level"/> and the failed labels) if it beats the best so far.</summary>
        private void Offer(int score, int level, List<string> failed)
        {
            if (failed.Count > 0 && score > _score)
            {
                _score = score;
                Matched = _tuple[..level];
                Failed = failed.Count == 1 ? _alone : failed.ToArray(); // one failure (the usual case) shares its list
            }
        }
    }
}
