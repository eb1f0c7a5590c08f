namespace Eligibility.Engine.Internal;

/// <summary>
/// Working memory, agenda and trace for one evaluation. Matching is by nested loops over facts of each
/// pattern's type (no Rete): a query holds tens of facts, so re-matching the few rules an insert affects is cheaper
/// than maintaining a network.
/// </summary>
internal sealed class Session : ISession
{
    private static readonly IReadOnlyList<object> NoFacts = [];

    private readonly RuleSet _set;
    private readonly SessionOptions _options;
    private readonly List<FactRecord>[] _slots;
    private readonly List<FactRecord> _facts = [];
    private readonly List<Activation>?[] _activations;
    private readonly bool[] _dirty;
    private readonly int[] _fireCounts;
    private readonly HashSet<TupleKey> _fired = [];
    private readonly List<Firing> _firings = [];
    private readonly Dictionary<object, FactRecord> _byReference = new(ReferenceEqualityComparer.Instance);
    private List<NearMiss>? _nearMisses;
    private bool _anyDirty;

    public Session(RuleSet set, SessionOptions options)
    {
        _set = set;
        _options = options;
        _slots = new List<FactRecord>[set.SlotTypes.Length];
        for (var i = 0; i < _slots.Length; i++)
        {
            _slots[i] = [];
        }

        _activations = new List<Activation>?[set.OrderedRules.Length];
        _dirty = new bool[set.OrderedRules.Length];
        _fireCounts = new int[set.OrderedRules.Length];
    }

    public IReadOnlyList<FactRecord> Facts => _facts;

    public IReadOnlyList<Firing> Firings => _firings;

    public IReadOnlyList<NearMiss> NearMisses => _nearMisses ?? (IReadOnlyList<NearMiss>)[];

    public void Insert(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        Add(fact, null);
    }

    public IEnumerable<T> Query<T>()
        where T : class
    {
        foreach (var record in _facts)
        {
            if (record.Fact is T t)
            {
                yield return t;
            }
        }
    }

    public FactRecord? Find(object fact) => _byReference.GetValueOrDefault(fact);

    public int Fire(CancellationToken cancellationToken = default)
    {
        var fired = 0;
        var rules = _set.OrderedRules;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
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

            var next = -1;
            for (var r = 0; r < rules.Length; r++)
            {
                if (_activations[r] is { Count: > 0 })
                {
                    next = r;
                    break;
                }
            }

            if (next < 0)
            {
                break;
            }

            var rule = rules[next];
            if (fired >= _options.MaxFirings)
            {
                throw new RuleExecutionException(rule.Info.Id, $"The firing limit of {_options.MaxFirings} was reached while rule '{rule.Info.Id}' ({rule.Info.Name}) was about to fire again; the rules may be chaining without end.");
            }

            var list = _activations[next]!;
            var activation = list[0];
            list.RemoveAt(0);
            _fired.Add(activation.Key);
            _fireCounts[next]++;
            fired++;
            Execute(rule, activation);
        }

        if (_options.Explain)
        {
            _nearMisses = [];
            for (var r = 0; r < rules.Length; r++)
            {
                if (_fireCounts[r] == 0)
                {
                    _nearMisses.Add(NearMissFinder.Find(rules[r], _slots));
                }
            }

            _nearMisses.Sort((a, b) => a.Rule.DeclarationIndex.CompareTo(b.Rule.DeclarationIndex));
        }

        return fired;
    }

    private void Execute(RuleModel rule, Activation activation)
    {
        var collections = rule.Collections.Length == 0 ? [] : new IReadOnlyList<object>[rule.Collections.Length];
        for (var c = 0; c < rule.Collections.Length; c++)
        {
            collections[c] = Gather(rule, rule.Collections[c], activation.Tuple);
        }

        Firing? firing = null;
        if (_options.Trace)
        {
            firing = new Firing(_firings.Count + 1, rule.Info, activation.Records);
            _firings.Add(firing);
        }

        var match = new Match(rule.Info, activation.Tuple, collections);
        List<FactRecord>? inserted = firing is null ? null : [];
        foreach (var action in rule.Actions)
        {
            IEnumerable<object> produced;
            try
            {
                produced = action(match).ToArray();
            }
            catch (Exception e)
            {
                throw new RuleExecutionException(rule.Info.Id, $"Rule '{rule.Info.Id}' ({rule.Info.Name}) threw {e.GetType().Name} in its action: {e.Message}", e);
            }

            foreach (var fact in produced)
            {
                var record = Add(fact, firing);
                inserted?.Add(record);
            }
        }

        if (firing is not null && inserted is not null)
        {
            firing.Inserted = inserted;
        }
    }

    private FactRecord Add(object fact, Firing? insertedBy)
    {
        var record = new FactRecord(_facts.Count + 1, fact, insertedBy);
        _facts.Add(record);
        if (_options.Trace)
        {
            _byReference.TryAdd(fact, record);
        }

        foreach (var slot in _set.SlotsFor(fact.GetType()))
        {
            _slots[slot].Add(record);
            foreach (var r in _set.RulesBySlot[slot])
            {
                _dirty[r] = true;
                _anyDirty = true;
            }
        }

        return record;
    }

    private List<Activation> Rematch(int ruleIndex)
    {
        var rule = _set.OrderedRules[ruleIndex];
        var result = new List<Activation>();
        var tuple = new object[rule.Positive.Length];
        var records = new FactRecord[rule.Positive.Length];
        Join(rule, 0, tuple, records, result);
        return result;
    }

    private void Join(RuleModel rule, int level, object[] tuple, FactRecord[] records, List<Activation> result)
    {
        if (level == rule.Positive.Length)
        {
            var key = TupleKey.From(rule.Info.DeclarationIndex, records);
            if (!_fired.Contains(key) && GuardsHold(rule, tuple))
            {
                result.Add(new Activation(key, (object[])tuple.Clone(), (FactRecord[])records.Clone()));
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

    private bool GuardsHold(RuleModel rule, object[] tuple)
    {
        foreach (var guard in rule.Guards)
        {
            var any = false;
            foreach (var candidate in _slots[guard.Slot])
            {
                if (Test(rule, guard, candidate.Fact, tuple))
                {
                    any = true;
                    break;
                }
            }

            if (any != (guard.Kind == PatternKind.Exists))
            {
                return false;
            }
        }

        return true;
    }

    private IReadOnlyList<object> Gather(RuleModel rule, PatternModel pattern, object[] tuple)
    {
        List<object>? items = null;
        foreach (var candidate in _slots[pattern.Slot])
        {
            if (Test(rule, pattern, candidate.Fact, tuple))
            {
                (items ??= []).Add(candidate.Fact);
            }
        }

        return items ?? NoFacts;
    }

    internal static bool Test(RuleModel rule, PatternModel pattern, object fact, object[] tuple)
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

    private sealed record Activation(TupleKey Key, object[] Tuple, FactRecord[] Records);
}
