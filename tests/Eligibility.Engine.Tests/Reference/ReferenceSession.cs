using Eligibility.Engine.Internal;

namespace Eligibility.Engine.Tests.Reference;

/// <summary>
/// The engine's first, deliberately naive session, kept as an executable specification: every insert re-matches the
/// affected rules from scratch by nested loops, refraction by a set of fired tuples, the agenda by a scan of every rule.
/// The optimised <c>Session</c> must produce exactly the same firings, facts, near-misses and errors.
/// </summary>
internal sealed class ReferenceSession
{
    private readonly RuleSet _set;
    private readonly SessionOptions _options;
    private readonly List<FactRecord>[] _slots;
    private readonly List<FactRecord> _facts = [];
    private readonly List<(string Key, FactRecord[] Records)>?[] _activations;
    private readonly bool[] _dirty;
    private readonly int[] _fireCounts;
    private readonly HashSet<string> _fired = [];
    private readonly List<Firing> _firings = [];
    private bool _anyDirty;

    public ReferenceSession(RuleSet set, SessionOptions options)
    {
        _set = set;
        _options = options;
        _slots = new List<FactRecord>[set.SlotTypes.Length];
        for (var i = 0; i < _slots.Length; i++)
        {
            _slots[i] = [];
        }

        _activations = new List<(string, FactRecord[])>?[set.OrderedRules.Length];
        _dirty = new bool[set.OrderedRules.Length];
        _fireCounts = new int[set.OrderedRules.Length];
    }

    public IReadOnlyList<FactRecord> Facts => _facts;

    public IReadOnlyList<Firing> Firings => _firings;

    public List<NearMiss> NearMisses { get; } = [];

    public void Insert(object fact) => Add(fact, null);

    public int Fire()
    {
        var fired = 0;
        var rules = _set.OrderedRules;
        while (true)
        {
            if (_anyDirty)
            {
                for (var r = 0; r < rules.Length; r++)
                {
                    if (_dirty[r])
                    {
                        _dirty[r] = false;
                        _activations[r] = Rematch(r);
                    }
                }

                _anyDirty = false;
            }

            var next = Array.FindIndex(_activations, a => a is { Count: > 0 });
            if (next < 0)
            {
                break;
            }

            var rule = rules[next];
            if (fired >= _options.MaxFirings)
            {
                throw new RuleExecutionException(rule.Info.Id, $"The firing limit of {_options.MaxFirings} was reached while rule '{rule.Info.Id}' ({rule.Info.Name}) was about to fire again; the rules may be chaining without end.");
            }

            var (key, records) = _activations[next]![0];
            _activations[next]!.RemoveAt(0);
            _fired.Add(key);
            _fireCounts[next]++;
            fired++;
            Execute(rule, records);
        }

        if (_options.Explain)
        {
            NearMisses.Clear();
            for (var r = 0; r < rules.Length; r++)
            {
                if (_fireCounts[r] == 0)
                {
                    NearMisses.Add(FindNearMiss(rules[r]));
                }
            }

            NearMisses.Sort((a, b) => a.Rule.DeclarationIndex.CompareTo(b.Rule.DeclarationIndex));
        }

        return fired;
    }

    private void Execute(RuleModel rule, FactRecord[] records)
    {
        var tuple = records.Select(r => r.Fact).ToArray();
        var collections = rule.Collections.Select(c => (IReadOnlyList<object>)[.. _slots[c.Slot].Where(f => Test(rule, c, f.Fact, tuple)).Select(f => f.Fact)]).ToArray();
        Firing? firing = null;
        if (_options.Trace)
        {
            firing = new Firing(_firings.Count + 1, rule.Info, records);
            _firings.Add(firing);
        }

        var match = new Match(rule.Info, tuple, collections);
        var inserted = new List<FactRecord>();
        foreach (var action in rule.Actions)
        {
            object[] produced;
            try
            {
                produced = action(match).ToArray();
            }
            catch (Exception e)
            {
                throw new RuleExecutionException(rule.Info.Id, $"Rule '{rule.Info.Id}' ({rule.Info.Name}) threw {e.GetType().Name} in its action: {e.Message}", e);
            }

            inserted.AddRange(produced.Select(f => Add(f, firing)));
        }

        firing?.Inserted = inserted;
    }

    private FactRecord Add(object fact, Firing? insertedBy)
    {
        var record = new FactRecord(_facts.Count + 1, fact, insertedBy);
        _facts.Add(record);
        for (var slot = 0; slot < _set.SlotTypes.Length; slot++)
        {
            if (_set.SlotTypes[slot].IsAssignableFrom(fact.GetType()))
            {
                _slots[slot].Add(record);
                foreach (var r in _set.RulesBySlot[slot])
                {
                    _dirty[r] = true;
                    _anyDirty = true;
                }
            }
        }

        return record;
    }

    private List<(string, FactRecord[])> Rematch(int ruleIndex)
    {
        var rule = _set.OrderedRules[ruleIndex];
        var result = new List<(string, FactRecord[])>();
        Join(rule, 0, new object[rule.Positive.Length], new FactRecord[rule.Positive.Length], result);
        return result;
    }

    private void Join(RuleModel rule, int level, object[] tuple, FactRecord[] records, List<(string, FactRecord[])> result)
    {
        if (level == rule.Positive.Length)
        {
            var key = rule.Info.DeclarationIndex + ":" + string.Join(",", records.Select(r => r.Id));
            if (!_fired.Contains(key) && rule.Guards.All(g => _slots[g.Slot].Any(c => Test(rule, g, c.Fact, tuple)) == (g.Kind == PatternKind.Exists)))
            {
                result.Add((key, (FactRecord[])records.Clone()));
            }

            return;
        }

        var pattern = rule.Positive[level];
        foreach (var candidate in _slots[pattern.Slot])
        {
            if (Test(rule, pattern, candidate.Fact, tuple))
            {
                tuple[level] = candidate.Fact;
                records[level] = candidate;
                Join(rule, level + 1, tuple, records, result);
            }
        }
    }

    private static bool Test(RuleModel rule, PatternModel pattern, object fact, object[] tuple)
    {
        foreach (var condition in pattern.CompiledConditions)
        {
            bool passed;
            try
            {
                passed = condition.Test(fact, tuple);
            }
            catch (Exception e)
            {
                throw new RuleExecutionException(rule.Info.Id, $"Rule '{rule.Info.Id}' ({rule.Info.Name}) threw {e.GetType().Name} testing '{condition.Label}': {e.Message}", e);
            }

            if (!passed)
            {
                return false;
            }
        }

        return true;
    }

    // Explain mode: the candidate that got furthest (most patterns met, then most conditions met) and every condition it failed.
    private NearMiss FindNearMiss(RuleModel rule)
    {
        var best = (Score: -1, Matched: (object[]?)null, Failed: (List<string>?)null);
        void Offer(int score, object[] matched, List<string> failed)
        {
            if (failed.Count > 0 && score > best.Score)
            {
                best = (score, matched, failed);
            }
        }

        void Walk(int level, object[] tuple)
        {
            if (level == rule.Positive.Length)
            {
                var failed = new List<string>();
                foreach (var guard in rule.Guards)
                {
                    if (_slots[guard.Slot].Any(c => Test(rule, guard, c.Fact, tuple)) != (guard.Kind == PatternKind.Exists))
                    {
                        var labels = string.Join(" and ", guard.CompiledConditions.Select(c => c.Label));
                        var where = labels.Length == 0 ? "" : $" where {labels}";
                        failed.Add(guard.Kind == PatternKind.Not ? $"no {guard.FactType.Name}{where}" : $"some {guard.FactType.Name}{where}");
                    }
                }

                Offer((level * 1000) + rule.Guards.Length - failed.Count, tuple[..level], failed);
                return;
            }

            var pattern = rule.Positive[level];
            if (_slots[pattern.Slot].Count == 0)
            {
                Offer(level * 1000, tuple[..level], [$"no fact of type {pattern.FactType.Name}"]);
                return;
            }

            foreach (var candidate in _slots[pattern.Slot])
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
                    Walk(level + 1, tuple);
                }
                else
                {
                    Offer((level * 1000) + pattern.CompiledConditions.Length - failed.Count, tuple[..level], failed);
                }
            }
        }

        Walk(0, new object[rule.Positive.Length]);
        return new NearMiss(rule.Info, best.Matched ?? [], best.Failed ?? ["the rule matched, but each match had already fired"]);
    }
}
