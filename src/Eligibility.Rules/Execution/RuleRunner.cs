using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Eligibility.Law;
using NRules;
using NRules.RuleModel;

namespace Eligibility.Rules.Execution;

/// <summary>How a <see cref="RuleRunner"/> runs sessions.</summary>
internal sealed record RunnerOptions
{
    /// <summary>Keep each law period's facts propagated in pooled warm sessions (the default); off: a new session per query, the law inserted each time.</summary>
    public bool WarmSessions { get; init; } = true;

    /// <summary>Idle warm sessions kept per jurisdiction and law period.</summary>
    public int IdleSessionsPerPeriod { get; init; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Maximum firings of one evaluation before it fails with an error naming the rule.</summary>
    public int MaxFirings { get; init; } = 10_000;
}

/// <summary>
/// Runs the compiled rules for one query. The law of a jurisdiction in one law period never changes between queries,
/// so a pool of warm sessions per (jurisdiction, period) keeps it propagated (its context, the program in force and
/// what follows from the law alone); a query inserts only its own facts (the day, the patient, the claims), fires,
/// reads the run, and retracts them, which retracts every conclusion drawn from them (linked facts). Explain mode adds,
/// after the run, the near-misses of the rules that did not fire (<see cref="NearMissWalker"/>).
/// </summary>
internal sealed class RuleRunner
{
    private readonly CompiledRules _rules;
    private readonly ConditionVocabulary _vocabulary;
    private readonly RunnerOptions _options;
    private readonly ConditionalWeakTable<JurisdictionLaw, ConcurrentDictionary<DateOnly, PeriodState>> _periods = new();

    public RuleRunner(CompiledRules rules, ConditionVocabulary vocabulary, RunnerOptions? options = null)
    {
        _rules = rules;
        _vocabulary = vocabulary;
        _options = options ?? new RunnerOptions();
    }

    public CompiledRules Rules => _rules;

    public RuleRun Run(JurisdictionLaw law, DateOnly day, PatientFact patient, IReadOnlyList<ConditionClaim> claims, bool explain, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var state = StateFor(law, day);
        var run = _options.WarmSessions
            ? RunWarm(state, day, patient, claims, cancellationToken)
            : RunFresh(state.Context, day, patient, claims, cancellationToken);
        return explain ? run with { NearMisses = NearMissWalker.Find(_rules, run) } : run;
    }

    private PeriodState StateFor(JurisdictionLaw law, DateOnly day)
    {
        var periods = _periods.GetValue(law, _ => new ConcurrentDictionary<DateOnly, PeriodState>());
        var key = law.PeriodOf(day).From ?? DateOnly.MinValue;
        return periods.TryGetValue(key, out var state) ? state : periods.GetOrAdd(key, _ => new PeriodState(new EvaluationContext(law, day)));
    }

    private RuleRun RunFresh(EvaluationContext context, DateOnly day, PatientFact patient, IReadOnlyList<ConditionClaim> claims, CancellationToken cancellationToken)
    {
        var session = _rules.Factory.CreateSession();
        var recorder = new TraceRecorder(session, _rules);
        Insert(session, _vocabulary);
        Insert(session, context);
        Insert(session, new AsOfDay(day));
        Insert(session, patient);
        foreach (var claim in claims)
        {
            Insert(session, claim);
        }

        Fire(session, recorder, cancellationToken);
        return Build(recorder, 0, 0);
    }

    private RuleRun RunWarm(PeriodState state, DateOnly day, PatientFact patient, IReadOnlyList<ConditionClaim> claims, CancellationToken cancellationToken)
    {
        var warm = state.Rent() ?? Warm(state.Context, cancellationToken);
        var queryFacts = new object[claims.Count + 2];
        queryFacts[0] = new AsOfDay(day);
        queryFacts[1] = patient;
        for (var i = 0; i < claims.Count; i++)
        {
            queryFacts[i + 2] = claims[i];
        }

        var clean = false;
        try
        {
            foreach (var fact in queryFacts)
            {
                Insert(warm.Session, fact);
            }

            Fire(warm.Session, warm.Recorder, cancellationToken);
            var run = Build(warm.Recorder, warm.BaselineInputs, warm.BaselineFirings);

            // Back to the baseline: retracting the query's facts retracts what was concluded from them (linked facts).
            // A rule that inserted with a plain Insert left facts NRules will not retract by itself: retract those first.
            warm.Recorder.Recording = false;
            var raw = warm.Recorder.Firings;
            for (var f = raw.Count - 1; f >= warm.BaselineFirings; f--)
            {
                var inserted = raw[f].Inserted;
                for (var i = inserted.Count - 1; i >= 0; i--)
                {
                    if (inserted[i].Source is null)
                    {
                        warm.Session.TryRetract(inserted[i].Value!);
                    }
                }
            }

            // The day and the patient first: that removes the query-wide matches (the overall decision's collections)
            // before the claims go, so their conclusions retract without re-aggregating anything.
            for (var i = 0; i < queryFacts.Length; i++)
            {
                warm.Session.Retract(queryFacts[i]);
            }

            warm.Recorder.Recording = true;
            warm.Recorder.Truncate(warm.BaselineInputs, warm.BaselineFirings);
            clean = warm.Session.Agenda.IsEmpty;
            return run;
        }
        finally
        {
            if (clean)
            {
                state.Return(warm, _options.IdleSessionsPerPeriod);
            }
        }
    }

    private WarmSession Warm(EvaluationContext context, CancellationToken cancellationToken)
    {
        var session = _rules.Factory.CreateSession();
        var recorder = new TraceRecorder(session, _rules);
        Insert(session, _vocabulary);
        Insert(session, context);
        Fire(session, recorder, cancellationToken);
        return new WarmSession(session, recorder, recorder.Inputs.Count, recorder.Firings.Count);
    }

    private void Insert(ISession session, object fact)
    {
        try
        {
            session.Insert(fact);
        }
        catch (Exception e) when (e is NRules.RuleExecutionException or NRules.RuleExpressionEvaluationException or InvalidOperationException)
        {
            throw Wrap(e, "inserting a fact");
        }
    }

    private void Fire(ISession session, TraceRecorder recorder, CancellationToken cancellationToken)
    {
        int fired;
        try
        {
            fired = session.Fire(_options.MaxFirings, cancellationToken);
        }
        catch (Exception e) when (e is NRules.RuleExecutionException or NRules.RuleExpressionEvaluationException or InvalidOperationException)
        {
            throw Wrap(e, "firing");
        }
        finally
        {
            recorder.EndFire();
        }

        if (cancellationToken.IsCancellationRequested)
        {
            var last = recorder.Firings.Count > 0 ? recorder.Firings[^1].Rule.Id : "none";
            throw new OperationCanceledException($"The evaluation was cancelled after rule '{last}' fired.", cancellationToken);
        }

        if (fired >= _options.MaxFirings && !session.Agenda.IsEmpty)
        {
            var next = _rules.InfoOf(session.Agenda.Peek().Rule);
            throw new RuleEvaluationException(next.Id, $"the firing limit of {_options.MaxFirings} was reached with this rule still to fire; the rules may loop.");
        }
    }

    private RuleEvaluationException Wrap(Exception e, string doing)
    {
        // An action failure names its rule; a condition may be shared by several rules, so it is found by its label.
        var rule = e switch
        {
            NRules.RuleRhsExpressionEvaluationException r => _rules.InfoOf(r.RuleName),
            NRules.RuleExpressionEvaluationException x when x.Expression is { } text =>
                _rules.Rules.FirstOrDefault(info => _rules.Shapes[info].LabelOrder.Keys.Any(label => text.Contains(label, StringComparison.Ordinal))),
            _ => null,
        };
        var cause = e.InnerException ?? e;
        return new RuleEvaluationException(rule?.Id ?? "?", $"failed while {doing}: {cause.GetType().Name}: {cause.Message}", e);
    }

    /// <summary>
    /// The run in the order a single new session would give: caller inputs first, then the firings by priority (the
    /// warm baseline's firings merged in where their priority puts them), each fact after the firing that inserted it.
    /// </summary>
    private static RuleRun Build(TraceRecorder recorder, int baselineInputs, int baselineFirings)
    {
        var raw = recorder.Firings;
        var order = new List<RawFiring>(raw.Count);
        int b = 0, q = baselineFirings;
        while (b < baselineFirings || q < raw.Count)
        {
            var takeBaseline = q >= raw.Count || (b < baselineFirings && raw[b].Rule.EnginePriority >= raw[q].Rule.EnginePriority);
            order.Add(takeBaseline ? raw[b++] : raw[q++]);
        }

        var facts = new List<FactRecord>(recorder.Inputs.Count + (order.Count * 2));
        var byFact = new Dictionary<object, FactRecord>(ReferenceEqualityComparer.Instance);
        foreach (var input in recorder.Inputs)
        {
            var record = new FactRecord(input, null);
            facts.Add(record);
            byFact.TryAdd(input, record);
        }

        var firings = new Firing[order.Count];
        for (var i = 0; i < order.Count; i++)
        {
            var r = order[i];
            var firing = new Firing(i + 1, r.Rule);
            var matched = new List<FactRecord>(r.Matched.Count);
            foreach (var m in r.Matched)
            {
                if (byFact.TryGetValue(m, out var record))
                {
                    matched.Add(record);
                }
            }

            var inserted = new FactRecord[r.Inserted.Count];
            for (var f = 0; f < inserted.Length; f++)
            {
                var record = new FactRecord(r.Inserted[f].Value!, firing);
                inserted[f] = record;
                facts.Add(record);
                byFact.TryAdd(record.Fact, record);
            }

            firing.Matched = matched;
            firing.Inserted = inserted;
            firings[i] = firing;
        }

        return new RuleRun(facts, firings, byFact);
    }

    private sealed record WarmSession(ISession Session, TraceRecorder Recorder, int BaselineInputs, int BaselineFirings);

    /// <summary>One law period: its context and its idle warm sessions.</summary>
    private sealed class PeriodState(EvaluationContext context)
    {
        private readonly ConcurrentBag<WarmSession> _idle = [];

        public EvaluationContext Context { get; } = context;

        public WarmSession? Rent() => _idle.TryTake(out var warm) ? warm : null;

        public void Return(WarmSession warm, int limit)
        {
            if (_idle.Count < limit)
            {
                _idle.Add(warm);
            }
        }
    }
}
