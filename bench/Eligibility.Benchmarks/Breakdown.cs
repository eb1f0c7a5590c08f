using System.Globalization;
using Eligibility.Internal;
using Eligibility.Rules;
using Eligibility.Rules.Execution;

namespace Eligibility.Benchmarks;

/// <summary>Where a decision's allocations go, phase by phase (<c>--alloc</c>): for profiling, not a benchmark.</summary>
public static class Breakdown
{
    public static void Run(int conditions, bool explain, string jurisdiction)
    {
        var engine = (DefaultEligibilityEngine)BenchData.Engine();
        var query = BenchData.Query(conditions, explain, jurisdiction);
        var law = engine.Jurisdictions.First(j => j.Code == jurisdiction);
        var vocabulary = new CatalogVocabulary(ConditionCatalog.Default);
        var claims = query.Conditions.Select((c, i) => new ConditionClaim(i, c, c, ConditionCatalog.Default.Find(c)!.Name, new HashSet<QualifierKind>(), null, [])).ToArray();
        var warm = new RuleRunner(engine.Rules, vocabulary);
        var naive = new RuleRunner(engine.Rules, vocabulary, new RunnerOptions { WarmSessions = false });
        var patient = new PatientFact(null, false, []);
        var fired = warm.Run(law, BenchData.AsOf, patient, claims, explain, CancellationToken.None);
        Report("Evaluate (whole decision)", () => engine.Evaluate(query));
        Report("Rules on a warm session", () => warm.Run(law, BenchData.AsOf, patient, claims, explain, CancellationToken.None));
        Report("Rules on a new session (naive)", () => naive.Run(law, BenchData.AsOf, patient, claims, explain, CancellationToken.None));
        Report("DecisionBuilder.Build", () => DecisionBuilder.Build(law, BenchData.AsOf, claims, fired, query));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"retained by the returned decision",-35} {Retained(() => engine.Evaluate(query)),8} B"));
        Console.WriteLine($"facts {fired.Facts.Count}, firings {fired.Firings.Count}, near-misses {fired.NearMisses.Count}");
        foreach (var f in fired.Firings)
        {
            Console.WriteLine($"  {f.Sequence} {f.Rule.Id}: matched {f.Matched.Count}, inserted {f.Inserted.Count}");
        }
    }

    /// <summary>Bytes a result keeps alive (its own objects; the law's strings it points to are shared), from holding 10,000 of them.</summary>
    private static long Retained(Func<object> action)
    {
        const int count = 10_000;
        var kept = new object[count];
        action();
        var before = GC.GetTotalMemory(true);
        for (var i = 0; i < count; i++)
        {
            kept[i] = action();
        }

        var after = GC.GetTotalMemory(true);
        GC.KeepAlive(kept);
        return (after - before) / count;
    }

    private static void Report(string what, Func<object> action)
    {
        for (var i = 0; i < 100; i++)
        {
            action();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            action();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-35} {(GC.GetAllocatedBytesForCurrentThread() - before) / 1000,8} B"));
    }
}

/// <summary>Allocated bytes by type while deciding (<c>--alloc-types</c>), sampled from the runtime's allocation ticks (one per ~100 KB).</summary>
public sealed class AllocationSampler : System.Diagnostics.Tracing.EventListener
{
    private readonly Dictionary<string, long> _bytes = [];
    private bool _on;

    public static void Run(string what, int conditions, bool explain)
    {
        var engine = BenchData.Engine();
        var query = BenchData.Query(conditions, explain);
        for (var i = 0; i < 2000; i++)
        {
            engine.Evaluate(query);
        }

        using var sampler = new AllocationSampler();
        Thread.Sleep(200);
        sampler._on = true;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var count = 0;
        while (clock.Elapsed.TotalSeconds < 2)
        {
            engine.Evaluate(query);
            count++;
        }

        sampler._on = false;
        Thread.Sleep(200);
        lock (sampler._bytes)
        {
            var total = sampler._bytes.Values.Sum();
            Console.WriteLine($"{what}: {count} decisions; sampled share of allocated bytes by type:");
            foreach (var (type, bytes) in sampler._bytes.OrderByDescending(p => p.Value).Take(30))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {100.0 * bytes / total,5:F1}%  {type}"));
            }
        }
    }

    protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs eventData)
    {
        if (!_on || eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null)
        {
            return;
        }

        var index = eventData.PayloadNames!.IndexOf("TypeName");
        var type = index >= 0 ? eventData.Payload[index] as string ?? "?" : "?";
        lock (_bytes)
        {
            _bytes[type] = _bytes.GetValueOrDefault(type) + 100_000;
        }
    }
}

/// <summary>Counts methods JIT-compiled (<c>--phases</c>), by the assembly-qualified namespace of their type.</summary>
public sealed class JitCounter : System.Diagnostics.Tracing.EventListener
{
    private readonly Dictionary<string, int> _byNamespace = [];

    public int Count { get; private set; }

    public void Reset()
    {
        lock (_byNamespace)
        {
            _byNamespace.Clear();
            Count = 0;
        }
    }

    public string Top(int n)
    {
        lock (_byNamespace)
        {
            return string.Join(", ", _byNamespace.OrderByDescending(p => p.Value).Take(n).Select(p => $"{p.Key} {p.Value}"));
        }
    }

    protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x10);
        }
    }

    protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs eventData)
    {
        if (eventData.EventName != "MethodJittingStarted_V1" || eventData.Payload is null)
        {
            return;
        }

        var index = eventData.PayloadNames!.IndexOf("MethodNamespace");
        var ns = index >= 0 ? eventData.Payload[index] as string ?? "?" : "?";
        var cut = ns.IndexOf('+', StringComparison.Ordinal);
        ns = cut > 0 ? ns[..cut] : ns;
        cut = ns.IndexOf('`', StringComparison.Ordinal);
        ns = cut > 0 ? ns[..cut] : ns;
        lock (_byNamespace)
        {
            _byNamespace[ns] = _byNamespace.GetValueOrDefault(ns) + 1;
            Count++;
        }
    }
}
