namespace Eligibility.Engine.Internal;

/// <summary>
/// Working memory, agenda and trace for one evaluation. Matching is by nested loops over facts of each pattern's type
/// (no Rete): a query holds tens of facts. Matching is incremental: facts are never retracted and conditions are pure,
/// so when facts arrive a rule joins only the tuples that bind at least one of them, keeps the activations it already
/// has, and drops those a new fact now blocks through a <c>Not</c> pattern. A rule with an <c>Exists</c> pattern is
/// re-matched from scratch (a new fact can unblock old tuples), with refraction by a set of fired tuples.
/// </summary>
internal sealed class Session : ISession
{
    private static readonly FactRecord[] NoRecords = [];

    private readonly RuleSet _set;
    private readonly RuleModel[] _rules;
    private readonly SessionOptions _options;
    private readonly List<FactRecord>[] _slots;
    private readonly List<FactRecord> _facts = [];

    /// <summary>Per rule: its activations, ordered by fact order (lexicographic by fact ids).</summary>
    private readonly Activations[] _pending;

    /// <summary>Per rule: every fact with an id up to this has been joined.</summary>
    private readonly int[] _joinedUpTo;

    private readonly int[] _fireCounts;
    private readonly bool[] _dirty;
    private readonly int[] _dirtyRules;

    /// <summary>Per rule with an <c>Exists</c> pattern: the tuples it fired for.</summary>
    private HashSet<TupleKey>?[]? _fired;

    /// <summary>Join buffers by arity: the facts and records bound so far.</summary>
    private readonly object[][] _tuples;
    private readonly FactRecord[][] _records;

    private readonly List<Firing> _firings = new(8);
    private Dictionary<object, FactRecord>? _byReference;
    private List<NearMiss>? _nearMisses;
    private List<object>? _produced;
    private List<object>?[]? _gathered;
    private IReadOnlyList<object>[]?[]? _collections;
    private List<FactRecord>? _inserted;
    private Match? _match;
    private int _dirtyCount;

    /// <summary>Every rule before this index has no activation.</summary>
    private int _lowest;

    public Session(RuleSet set, SessionOptions options)
    {
        _set = set;
        _rules = set.OrderedRules;
        _options = options;
        _slots = new List<FactRecord>[set.SlotTypes.Length];
        for (var i = 0; i < _slots.Length; i++)
        {
            _slots[i] = [];
        }

        var rules = _rules.Length;
        _pending = new Activations[rules];
        _joinedUpTo = new int[rules];
        _fireCounts = new int[rules];
        _dirty = new bool[rules];
        _dirtyRules = new int[rules];
        _tuples = new object[set.MaxPositive + 1][];
        _records = new FactRecord[set.MaxPositive + 1][];
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

    public FactRecord? Find(object fact)
    {
        if (!_options.Trace)
        {
            return null;
        }

        if (_byReference is null)
        {
            // Built on first use: most sessions never ask.
            _byReference = new Dictionary<object, FactRecord>(_facts.Count, ReferenceEqualityComparer.Instance);
            foreach (var record in _facts)
            {
                _byReference.TryAdd(record.Fact, record);
            }
        }

        return _byReference.GetValueOrDefault(fact);
    }

    public int Fire(CancellationToken cancellationToken = default)
    {
        var fired = 0;
        var rules = _rules;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_dirtyCount > 0)
            {
                MatchDirtyRules();
            }

            var next = -1;
            for (var r = _lowest; r < rules.Length; r++)
            {
                if (_pending[r].Count > 0)
                {
                    next = r;
                    break;
                }
            }

            if (next < 0)
            {
                _lowest = rules.Length;
                break;
            }

            _lowest = next;
            var rule = rules[next];
            if (fired >= _options.MaxFirings)
            {
                throw new RuleExecutionException(rule.Info.Id, $"The firing limit of {_options.MaxFirings} was reached while rule '{rule.Info.Id}' ({rule.Info.Name}) was about to fire again; the rules may be chaining without end.");
            }

            var records = _pending[next].RemoveFirst();
            if (rule.HasExists)
            {
                ((_fired ??= new HashSet<TupleKey>?[rules.Length])[next] ??= []).Add(TupleKey.From(rule.Info.DeclarationIndex, records));
            }

            _fireCounts[next]++;
            fired++;
            Execute(rule, records);
        }

        if (_options.Explain)
        {
            var misses = 0;
            for (var r = 0; r < rules.Length; r++)
            {
                misses += _fireCounts[r] == 0 ? 1 : 0;
            }

            _nearMisses = new List<NearMiss>(misses);
            NearMissFinder.Walker? walker = null;
            for (var r = 0; r < rules.Length; r++)
            {
                if (_fireCounts[r] == 0)
                {
                    _nearMisses.Add((walker ??= new NearMissFinder.Walker(_slots, _set.MaxPositive)).Find(rules[r]));
                }
            }

            _nearMisses.Sort(static (a, b) => a.Rule.DeclarationIndex.CompareTo(b.Rule.DeclarationIndex));
        }

        return fired;
    }

    private void Execute(RuleModel rule, FactRecord[] records)
    {
        var tuple = Buffer(records.Length);
        for (var i = 0; i < records.Length; i++)
        {
            tuple[i] = records[i].Fact;
        }

        // Collections are gathered into lists the session reuses: the action sees only the copies Match.Get makes.
        var collections = rule.Collections.Length == 0 ? [] : CollectionBuffer(rule.Collections.Length);
        for (var c = 0; c < rule.Collections.Length; c++)
        {
            collections[c] = Gather(rule, rule.Collections[c], tuple, c);
        }

        Firing? firing = null;
        if (_options.Trace)
        {
            firing = new Firing(_firings.Count + 1, rule.Info, records);
            _firings.Add(firing);
        }

        // One Match per session: it is valid only while an action runs, and actions run one at a time.
        var match = _match ??= new Match();
        match.Reset(rule.Info, tuple, collections);
        var produced = _produced ??= [];
        var inserted = _inserted ??= [];
        inserted.Clear();
        foreach (var action in rule.Actions)
        {
            // Every fact an action produces is built before any is inserted, as with ToArray.
            produced.Clear();
            try
            {
                var facts = action(match);
                if (facts is IList<object> list)
                {
                    // Most actions return one fact or an array: index it rather than allocate an enumerator.
                    for (var i = 0; i < list.Count; i++)
                    {
                        produced.Add(list[i]);
                    }
                }
                else
                {
                    foreach (var fact in facts)
                    {
                        produced.Add(fact);
                    }
                }
            }
            catch (Exception e)
            {
                throw new RuleExecutionException(rule.Info.Id, $"Rule '{rule.Info.Id}' ({rule.Info.Name}) threw {e.GetType().Name} in its action: {e.Message}", e);
            }

            foreach (var fact in produced)
            {
                var record = Add(fact, firing);
                if (firing is not null)
                {
                    inserted.Add(record);
                }
            }
        }

        produced.Clear();
        if (firing is not null)
        {
            firing.Inserted = inserted.Count == 0 ? NoRecords : inserted.ToArray();
        }
    }

    private FactRecord Add(object fact, Firing? insertedBy)
    {
        var record = new FactRecord(_facts.Count + 1, fact, insertedBy);
        _facts.Add(record);
        if (_byReference is not null)
        {
            _byReference.TryAdd(fact, record);
        }
        else if (fact is null && _options.Trace)
        {
            // As when every fact was indexed on insert: a null fact from an action fails as a null key.
            throw new ArgumentNullException("key");
        }

        foreach (var slot in _set.SlotsFor(fact!.GetType()))
        {
            _slots[slot].Add(record);
            foreach (var r in _set.RulesBySlot[slot])
            {
                if (!_dirty[r])
                {
                    _dirty[r] = true;
                    _dirtyRules[_dirtyCount++] = r;
                }
            }
        }

        return record;
    }

    /// <summary>Brings the activations of every rule whose facts changed up to date, in agenda order (so the first error is the same as a full re-match would meet).</summary>
    private void MatchDirtyRules()
    {
        Array.Sort(_dirtyRules, 0, _dirtyCount);
        var count = _dirtyCount;
        _dirtyCount = 0;
        for (var i = 0; i < count; i++)
        {
            var r = _dirtyRules[i];
            _dirty[r] = false;
            var rule = _rules[r];
            var joined = _joinedUpTo[r];
            _joinedUpTo[r] = _facts.Count;
            if (rule.HasExists)
            {
                Rematch(r, rule);
            }
            else
            {
                if (rule.Guards.Length > 0 && _pending[r].Count > 0)
                {
                    DropBlocked(rule, ref _pending[r], joined);
                }

                JoinNew(r, rule, joined);
            }

            if (r < _lowest && _pending[r].Count > 0)
            {
                _lowest = r;
            }
        }
    }

    /// <summary>
    /// Drops the activations that a fact inserted since the last join now blocks. Only <c>Not</c> patterns (a rule with
    /// <c>Exists</c> is re-matched whole): the older facts of the pattern's type were all tested and none matched.
    /// </summary>
    private void DropBlocked(RuleModel rule, ref Activations pending, int joined)
    {
        var kept = 0;
        for (var a = 0; a < pending.Count; a++)
        {
            var records = pending[a];
            var tuple = Buffer(records.Length);
            for (var i = 0; i < records.Length; i++)
            {
                tuple[i] = records[i].Fact;
            }

            var blocked = false;
            foreach (var guard in rule.Guards)
            {
                var facts = _slots[guard.Slot];
                for (var f = FirstAfter(facts, joined); f < facts.Count; f++)
                {
                    if (Test(rule, guard, facts[f].Fact, tuple))
                    {
                        blocked = true;
                        break;
                    }
                }

                if (blocked)
                {
                    break;
                }
            }

            if (!blocked)
            {
                pending[kept++] = records;
            }
        }

        pending.Truncate(kept);
    }

    /// <summary>Joins the tuples that bind at least one fact inserted since the last join, in fact order, and merges them into the rule's activations.</summary>
    private void JoinNew(int r, RuleModel rule, int joined)
    {
        var positive = rule.Positive;

        // The last pattern whose type has a new fact: a tuple with no new fact before it must take one there.
        var lastNew = -1;
        for (var level = positive.Length - 1; level >= 0; level--)
        {
            var facts = _slots[positive[level].Slot];
            if (facts.Count > 0 && facts[^1].Id > joined)
            {
                lastNew = level;
                break;
            }
        }

        if (lastNew < 0)
        {
            return;
        }

        var old = _pending[r].Count;
        Join(r, rule, 0, false, joined, lastNew, Buffer(positive.Length), RecordBuffer(positive.Length));
        if (old > 0 && _pending[r].Count > old)
        {
            // The old and the new activations are each in fact order: merge them.
            _pending[r].MergeFrom(old);
        }
    }

    private void Join(int r, RuleModel rule, int level, bool hasNew, int joined, int lastNew, object[] tuple, FactRecord[] records)
    {
        var positive = rule.Positive;
        if (level == positive.Length)
        {
            if (GuardsHold(rule, tuple))
            {
                _pending[r].Add((FactRecord[])records.Clone());
            }

            return;
        }

        if (!hasNew && level > lastNew)
        {
            return;
        }

        var pattern = positive[level];
        var facts = _slots[pattern.Slot];
        var start = !hasNew && level == lastNew ? FirstAfter(facts, joined) : 0;
        for (var f = start; f < facts.Count; f++)
        {
            var candidate = facts[f];
            if (Test(rule, pattern, candidate.Fact, tuple))
            {
                tuple[level] = candidate.Fact;
                records[level] = candidate;
                Join(r, rule, level + 1, hasNew || candidate.Id > joined, joined, lastNew, tuple, records);
            }
        }
    }

    /// <summary>A full re-match (rules with an <c>Exists</c> pattern): every tuple that holds now and has not fired.</summary>
    private void Rematch(int r, RuleModel rule)
    {
        _pending[r].Truncate(0);
        var positive = rule.Positive;
        Join(r, rule, 0, true, 0, positive.Length - 1, Buffer(positive.Length), RecordBuffer(positive.Length));
        if (_fired?[r] is { } fired && _pending[r].Count > 0)
        {
            ref var pending = ref _pending[r];
            var kept = 0;
            for (var a = 0; a < pending.Count; a++)
            {
                if (!fired.Contains(TupleKey.From(rule.Info.DeclarationIndex, pending[a])))
                {
                    pending[kept++] = pending[a];
                }
            }

            pending.Truncate(kept);
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

    private List<object> Gather(RuleModel rule, PatternModel pattern, object[] tuple, int index)
    {
        if (_gathered is null || _gathered.Length <= index)
        {
            Array.Resize(ref _gathered, index + 1);
        }

        var items = _gathered[index] ??= [];
        items.Clear();
        foreach (var candidate in _slots[pattern.Slot])
        {
            if (Test(rule, pattern, candidate.Fact, tuple))
            {
                items.Add(candidate.Fact);
            }
        }

        return items;
    }

    private IReadOnlyList<object>[] CollectionBuffer(int count)
    {
        if (_collections is null || _collections.Length <= count)
        {
            Array.Resize(ref _collections, count + 1);
        }

        return _collections[count] ??= new IReadOnlyList<object>[count];
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

    private object[] Buffer(int arity) => _tuples[arity] ??= new object[arity];

    private FactRecord[] RecordBuffer(int arity) => _records[arity] ??= new FactRecord[arity];

    /// <summary>The index of the first fact with an id greater than <paramref name="id"/> (facts are in id order).</summary>
    private static int FirstAfter(List<FactRecord> facts, int id)
    {
        int lo = 0, hi = facts.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (facts[mid].Id <= id)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    internal static int Compare(FactRecord[] a, FactRecord[] b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            var c = a[i].Id.CompareTo(b[i].Id);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }
}

/// <summary>
/// A rule's activations (the records each binds), in fact order. Most rules have at most one at a time, so one is
/// kept inline and a list is made only for a second.
/// </summary>
internal struct Activations
{
    private FactRecord[]? _one;
    private List<FactRecord[]>? _many;

    public readonly int Count => _many?.Count ?? (_one is null ? 0 : 1);

    public FactRecord[] this[int index]
    {
        readonly get => _many is not null ? _many[index] : index == 0 && _one is not null ? _one : throw new ArgumentOutOfRangeException(nameof(index));
        set
        {
            if (_many is not null)
            {
                _many[index] = value;
            }
            else if (index == 0 && _one is not null)
            {
                _one = value;
            }
            else
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }
        }
    }

    public void Add(FactRecord[] records)
    {
        if (_many is not null)
        {
            _many.Add(records);
        }
        else if (_one is null)
        {
            _one = records;
        }
        else
        {
            _many = [_one, records];
            _one = null;
        }
    }

    public FactRecord[] RemoveFirst()
    {
        if (_many is null)
        {
            var one = _one!;
            _one = null;
            return one;
        }

        var first = _many[0];
        _many.RemoveAt(0);
        return first;
    }

    /// <summary>Keeps the first <paramref name="count"/> activations.</summary>
    public void Truncate(int count)
    {
        if (_many is not null)
        {
            _many.RemoveRange(count, _many.Count - count);
        }
        else if (count == 0)
        {
            _one = null;
        }
    }

    /// <summary>Merges the sorted run from <paramref name="from"/> into the sorted run before it (an insertion sort: runs are short).</summary>
    public readonly void MergeFrom(int from)
    {
        var list = _many!;
        for (var i = from; i < list.Count; i++)
        {
            var item = list[i];
            var j = i - 1;
            while (j >= 0 && Session.Compare(list[j], item) > 0)
            {
                list[j + 1] = list[j];
                j--;
            }

            list[j + 1] = item;
        }
    }
}
