using BenchmarkDotNet.Attributes;

namespace Eligibility.Benchmarks;

/// <summary>
/// The headline numbers: a decision (one and five conditions, with and without explain) and a scan of every
/// jurisdiction, each against the baseline: a hand-written dictionary of precomputed outcomes from the same data; and
/// naive NRules on the same rules (a new session per query, the law inserted every time) in the same run.
/// </summary>
[MemoryDiagnoser]
[ShortJob]
public class DecisionBenchmarks
{
    private IEligibilityEngine _engine = null!, _naive = null!, _cached = null!;
    private Dictionary<(string Jurisdiction, string Condition, DateOnly AsOf), Outcome> _lookup = null!;
    private EligibilityQuery _one = null!, _oneExplain = null!, _five = null!, _fiveExplain = null!;
    private string _jurisdiction = BenchData.Jurisdiction, _condition = BenchData.Condition;
    private DateOnly _asOf = BenchData.AsOf;

    [GlobalSetup]
    public void Setup()
    {
        _engine = BenchData.Engine();
        _naive = BenchData.NaiveEngine();
        _cached = BenchData.CachedEngine();
        _lookup = Lookup.Build(_engine);
        _one = BenchData.Query(1);
        _oneExplain = BenchData.Query(1, explain: true);
        _five = BenchData.Query(5);
        _fiveExplain = BenchData.Query(5, explain: true);
    }

    [Benchmark(Baseline = true, Description = "Lookup (precomputed dictionary)")]
    public Outcome LookupBaseline() => _lookup[(_jurisdiction, _condition, _asOf)];

    [Benchmark(Description = "Decision, 1 condition")]
    public EligibilityDecision DecisionOne() => _engine.Evaluate(_one);

    [Benchmark(Description = "Decision, 1 condition, explain")]
    public EligibilityDecision DecisionOneExplain() => _engine.Evaluate(_oneExplain);

    [Benchmark(Description = "Decision, 5 conditions")]
    public EligibilityDecision DecisionFive() => _engine.Evaluate(_five);

    [Benchmark(Description = "Decision, 5 conditions, explain")]
    public EligibilityDecision DecisionFiveExplain() => _engine.Evaluate(_fiveExplain);

    [Benchmark(Description = "Scan, every jurisdiction")]
    public IReadOnlyList<EligibilityDecision> Scan() => _engine.Scan(_condition, _asOf);

    [Benchmark(Description = "Decision, 1 condition, opt-in cache hit")]
    public EligibilityDecision CachedDecisionOne() => _cached.Evaluate(_one);

    [Benchmark(Description = "Naive NRules: decision, 1 condition")]
    public EligibilityDecision NaiveDecisionOne() => _naive.Evaluate(_one);

    [Benchmark(Description = "Naive NRules: decision, 5 conditions, explain")]
    public EligibilityDecision NaiveDecisionFiveExplain() => _naive.Evaluate(_fiveExplain);

    [Benchmark(Description = "Naive NRules: scan, every jurisdiction")]
    public IReadOnlyList<EligibilityDecision> NaiveScan() => _naive.Scan(_condition, _asOf);
}

/// <summary>The baseline: (jurisdiction, condition, as-of) → outcome, precomputed by the engine itself.</summary>
public static class Lookup
{
    public static Dictionary<(string Jurisdiction, string Condition, DateOnly AsOf), Outcome> Build(IEligibilityEngine engine)
    {
        var lookup = new Dictionary<(string, string, DateOnly), Outcome>();
        foreach (var asOf in BenchData.LookupDates)
        {
            foreach (var condition in ConditionCatalog.Default.All)
            {
                foreach (var decision in engine.Scan(condition.Id, asOf))
                {
                    lookup[(decision.Jurisdiction, condition.Id, asOf)] = decision.Conditions[0].Outcome;
                }
            }
        }

        return lookup;
    }
}
