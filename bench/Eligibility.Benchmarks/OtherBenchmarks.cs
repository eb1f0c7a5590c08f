using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Eligibility.Data;
using Eligibility.Internal;
using NRules.Fluent.Dsl;
using Eligibility.Rules;

namespace Eligibility.Benchmarks;

/// <summary>Condition resolution through <see cref="IConditionResolver"/>: whatever <see cref="ConditionResolver"/> the library has.</summary>
[MemoryDiagnoser]
[ShortJob]
public class ResolverBenchmarks
{
    private IConditionResolver _resolver = null!;

    [GlobalSetup]
    public void Setup() => _resolver = new ConditionResolver(ConditionCatalog.Default);

    [Benchmark(Baseline = true, Description = "Resolve an id (opioid-use-disorder)")]
    public ConditionResolution Id() => _resolver.Resolve("opioid-use-disorder");

    [Benchmark(Description = "Resolve a lay phrase (dope sick)")]
    public ConditionResolution LayPhrase() => _resolver.Resolve("dope sick");

    [Benchmark(Description = "Resolve a misspelling (fibromyalgya)")]
    public ConditionResolution Misspelling() => _resolver.Resolve("fibromyalgya");

    [Benchmark(Description = "Resolve an ICD-10 code (F11.23)")]
    public ConditionResolution Icd10() => _resolver.Resolve("F11.23");
}

/// <summary>
/// Cold start in process: load and validate every jurisdiction, compile the rules, answer one query. The FirstCall
/// job runs each case once in fresh processes (JIT included); the Short job measures the same work warm.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1, id: "FirstCall")]
[ShortJob]
public class ColdStartBenchmarks
{
    private readonly EligibilityQuery _query = BenchData.Query(1);

    [Benchmark(Baseline = true, Description = "Load + validate + compile + 1 query")]
    public EligibilityDecision LoadCompileAnswer() => BenchData.Engine(LawLibrary.LoadEmbedded()).Evaluate(_query);

    [Benchmark(Description = "Load + validate every jurisdiction")]
    public LawLibrary LoadAndValidate() => LawLibrary.LoadEmbedded();

    [Benchmark(Description = "Compile the standard rules")]
    public object CompileRules() => DefaultEligibilityEngine.CompileRules([]);
}

/// <summary>Cost against conditions per query.</summary>
[MemoryDiagnoser]
[ShortJob]
public class ConditionScalingBenchmarks
{
    private IEligibilityEngine _engine = null!;
    private EligibilityQuery _query = null!, _explain = null!;

    [Params(1, 5, 20)]
    public int Conditions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _engine = BenchData.Engine();
        _query = BenchData.Query(Conditions);
        _explain = BenchData.Query(Conditions, explain: true);
    }

    [Benchmark(Description = "Decision")]
    public EligibilityDecision Decision() => _engine.Evaluate(_query);

    [Benchmark(Description = "Decision, explain")]
    public EligibilityDecision DecisionExplain() => _engine.Evaluate(_explain);
}

/// <summary>Cost against the rules in the set: the standard 19, plus 100 or 1000 synthetic rules that never match or that match.</summary>
[MemoryDiagnoser]
[ShortJob]
public class RuleScalingBenchmarks
{
    private IEligibilityEngine _engine = null!;
    private EligibilityQuery _query = null!, _explain = null!;
    private Rule[] _extra = [];

    [Params("standard", "+100 never", "+1000 never", "+100 match", "+1000 match")]
    public string Rules { get; set; } = "standard";

    [GlobalSetup]
    public void Setup()
    {
        _extra = Rules == "standard" ? [] : BenchData.SyntheticRules(int.Parse(Rules[1..Rules.IndexOf(' ')], System.Globalization.CultureInfo.InvariantCulture), Rules.EndsWith("match", StringComparison.Ordinal));
        _engine = BenchData.Engine(additionalRules: _extra);
        _query = BenchData.Query(1);
        _explain = BenchData.Query(1, explain: true);
    }

    [Benchmark(Description = "Decision")]
    public EligibilityDecision Decision() => _engine.Evaluate(_query);

    [Benchmark(Description = "Decision, explain")]
    public EligibilityDecision DecisionExplain() => _engine.Evaluate(_explain);

    [Benchmark(Description = "Compile the rule set")]
    public object Compile() => DefaultEligibilityEngine.CompileRules(_extra);
}

/// <summary>Cost against jurisdictions loaded: one (NJ), the eight foundation ones, or all.</summary>
[MemoryDiagnoser]
[ShortJob]
public class JurisdictionScalingBenchmarks
{
    private IEligibilityEngine _engine = null!;
    private EligibilityQuery _query = null!;
    private string[]? _codes;

    [Params("1", "8", "all")]
    public string Jurisdictions { get; set; } = "all";

    [GlobalSetup]
    public void Setup()
    {
        _codes = Jurisdictions switch { "1" => [BenchData.Jurisdiction], "8" => BenchData.Foundation, _ => null };
        _engine = BenchData.Engine(BenchData.Library(_codes));
        _query = BenchData.Query(1, explain: true);
    }

    [Benchmark(Description = "Decision, explain")]
    public EligibilityDecision Decision() => _engine.Evaluate(_query);

    [Benchmark(Description = "Scan")]
    public IReadOnlyList<EligibilityDecision> Scan() => _engine.Scan(BenchData.Condition, BenchData.AsOf);

    [Benchmark(Description = "Load + validate")]
    public LawLibrary Load() => BenchData.Library(_codes);
}

/// <summary>
/// Throughput of one shared engine with 1 and 2 threads (decisions with explanation across the eight foundation
/// jurisdictions); the answers of concurrent evaluations are first checked against sequential ones. The second thread
/// is a worker started once and released by a barrier, so no thread is created inside the measurement.
/// </summary>
[MemoryDiagnoser]
[ShortJob]
[Config(typeof(ThroughputConfig))]
public class ConcurrencyBenchmarks
{
    private const int Operations = 512;
    private IEligibilityEngine _engine = null!;
    private EligibilityQuery[] _queries = null!;
    private Barrier? _start, _done;
    private Thread[] _workers = [];
    private volatile bool _stop;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _engine = BenchData.Engine();
        _queries = [.. BenchData.Foundation.Select(code => BenchData.Query(1, explain: true, jurisdiction: code))];
        Concurrency.CheckSameAnswers(_engine, _queries, Threads);
        if (Threads > 1)
        {
            _start = new Barrier(Threads);
            _done = new Barrier(Threads);
            _workers = [.. Enumerable.Range(1, Threads - 1).Select(t => new Thread(() => Work(t)) { IsBackground = true })];
            foreach (var worker in _workers)
            {
                worker.Start();
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_start is not null)
        {
            _stop = true;
            _start.SignalAndWait();
            foreach (var worker in _workers)
            {
                worker.Join();
            }
        }
    }

    [Benchmark(OperationsPerInvoke = Operations, Description = "Decisions on a shared engine")]
    public void Decisions()
    {
        if (_start is null)
        {
            Run(0, Operations);
            return;
        }

        _start.SignalAndWait();
        Run(0, Operations / Threads);
        _done!.SignalAndWait();
    }

    private void Work(int index)
    {
        while (true)
        {
            _start!.SignalAndWait();
            if (_stop)
            {
                return;
            }

            Run(index * (Operations / Threads), Operations / Threads);
            _done!.SignalAndWait();
        }
    }

    private void Run(int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            _engine.Evaluate(_queries[i % _queries.Length]);
        }
    }
}
