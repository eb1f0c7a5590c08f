using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Eligibility.Data;
using Eligibility.Rules;

namespace Eligibility.Benchmarks;

/// <summary>
/// A quick check (well under a minute) with Stopwatch loops instead of BenchmarkDotNet: the in-process cold start
/// first (JIT included, as a real process sees it), then the lookup, a decision with explanation and a scan, each as
/// the median of several timed batches after a warm-up.
/// </summary>
public static class Quick
{
    /// <summary>With <c>--cpu</c> (Linux): time batches by this thread's CPU time, which other processes on a busy machine do not inflate.</summary>
    private static bool _cpuClock;

    public static int Run(bool cpuClock = false)
    {
        _cpuClock = cpuClock && OperatingSystem.IsLinux();
        // 1. Cold start: the very first load + validate + compile + query in this process.
        var query = BenchData.Query(1, explain: true);
        var clock = Stopwatch.StartNew();
        var library = LawLibrary.LoadEmbedded();
        var engine = BenchData.Engine(library);
        var first = engine.Evaluate(query);
        var coldMs = clock.Elapsed.TotalMilliseconds;
        GC.KeepAlive(first);

        // Warm cost of the same work, and the memory the loaded law holds on to.
        var warmMs = Median(() => { BenchData.Engine(LawLibrary.LoadEmbedded()).Evaluate(query); }, 200) / 1e6;
        var before = GC.GetTotalMemory(true);
        var held = LawLibrary.LoadEmbedded();
        var lawBytes = GC.GetTotalMemory(true) - before;
        GC.KeepAlive(held);

        // 2. Lookup, decision with explanation, scan: same engine, same run.
        var lookup = Lookup.Build(engine);
        var (j, c, d) = (BenchData.Jurisdiction, BenchData.Condition, BenchData.AsOf);
        var sink = 0;
        var lookupNs = Median(() => { sink += (int)lookup[(j, c, d)]; }, 150);
        var decisionNs = Median(() => { engine.Evaluate(query); }, 300);
        var plainNs = Median(() => { engine.Evaluate(BenchData.Query(1)); }, 150);
        var fiveNs = Median(() => { engine.Evaluate(BenchData.Query(5, explain: true)); }, 150);
        var scanNs = Median(() => { engine.Scan(c, d); }, 300);
        var allocated = AllocatedPerCall(() => engine.Evaluate(query));

        // Naive NRules on the same rules and data, in the same run: a new session per query, the law inserted each time.
        var naive = BenchData.NaiveEngine(library);
        var naivePlainNs = Median(() => { naive.Evaluate(BenchData.Query(1)); }, 150);
        var naiveScanNs = Median(() => { naive.Scan(c, d); }, 150);

        // The opt-in decision cache, reported apart: it answers a repeated query without running the rules.
        var cached = BenchData.CachedEngine(library);
        var cachedQuery = BenchData.Query(1);
        var cachedNs = Median(() => { cached.Evaluate(cachedQuery); }, 300);

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"lookup ns: {lookupNs:F1}"));
        Console.WriteLine(string.Create(inv, $"decision (1 condition, explain) ns: {decisionNs:F0}, allocated bytes: {allocated}"));
        Console.WriteLine(string.Create(inv, $"decision (1 condition) ns: {plainNs:F0}"));
        Console.WriteLine(string.Create(inv, $"decision (5 conditions, explain) ns: {fiveNs:F0}"));
        Console.WriteLine(string.Create(inv, $"scan ({engine.Jurisdictions.Count} jurisdictions) ns: {scanNs:F0}"));
        Console.WriteLine(string.Create(inv, $"warm load + compile + query ms: {warmMs:F2}"));
        Console.WriteLine(string.Create(inv, $"law memory (all jurisdictions) bytes: {lawBytes}"));
        Console.WriteLine(string.Create(inv, $"naive NRules decision (1 condition) ns: {naivePlainNs:F0}"));
        Console.WriteLine(string.Create(inv, $"naive NRules scan ns: {naiveScanNs:F0}"));
        Console.WriteLine(string.Create(inv, $"decision (1 condition, explain)/lookup ratio: {decisionNs / lookupNs:F1}"));
        Console.WriteLine(string.Create(inv, $"decision/lookup ratio: {plainNs / lookupNs:F1}"));
        Console.WriteLine(string.Create(inv, $"scan/lookup ratio: {scanNs / lookupNs:F1}"));
        Console.WriteLine(string.Create(inv, $"naive NRules/decision ratio: {naivePlainNs / plainNs:F1}"));
        Console.WriteLine(string.Create(inv, $"naive NRules/scan ratio: {naiveScanNs / scanNs:F1}"));
        Console.WriteLine(string.Create(inv, $"decision (1 condition, opt-in cache hit) ns: {cachedNs:F1}"));
        Console.WriteLine(string.Create(inv, $"cached decision/lookup ratio: {cachedNs / lookupNs:F1}"));
        Console.WriteLine(string.Create(inv, $"naive NRules/cached decision ratio: {naivePlainNs / cachedNs:F1}"));
        Console.WriteLine(string.Create(inv, $"cold start ms: {coldMs:F1}"));
        return sink == int.MinValue ? 1 : 0;
    }

    /// <summary>Runs decisions (<c>decision</c>, <c>explain</c>, <c>five</c>), scans (<c>scan</c>) or cold starts (<c>load</c>) for a while.</summary>
    public static void Loop(string what, double seconds)
    {
        var engine = what switch
        {
            "match1000" => BenchData.Engine(additionalRules: BenchData.SyntheticRules(1000, true)),
            "miss1000" => BenchData.Engine(additionalRules: BenchData.SyntheticRules(1000, false)),
            _ => BenchData.Engine(),
        };
        Action work = what switch
        {
            "match1000" or "miss1000" => () => engine.Evaluate(BenchData.Query(1, explain: true)),
            "twenty" => () => engine.Evaluate(BenchData.Query(20, explain: true)),
            "compile1000" => () => Eligibility.Internal.DefaultEligibilityEngine.CompileRules(BenchData.SyntheticRules(1000, true)),
            "decision" => () => engine.Evaluate(BenchData.Query(1)),
            "explain" => () => engine.Evaluate(BenchData.Query(1, explain: true)),
            "five" => () => engine.Evaluate(BenchData.Query(5, explain: true)),
            "scan" => () => engine.Scan(BenchData.Condition, BenchData.AsOf),
            "load" => () => BenchData.Engine(LawLibrary.LoadEmbedded()).Evaluate(BenchData.Query(1)),
            _ => throw new ArgumentException($"unknown loop '{what}'"),
        };
        var clock = Stopwatch.StartNew();
        var count = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            work();
            count++;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} x {what} in {clock.Elapsed.TotalSeconds:F1} s: {clock.Elapsed.TotalNanoseconds / count:F0} ns each"));
    }

    /// <summary>
    /// The first load, compile and query of this process, timed phase by phase, with the working set and the number of
    /// methods JIT-compiled in each (<c>--phases</c>; pass <c>--jit</c> to count them, which itself slows the phases).
    /// </summary>
    public static void Phases(bool countJit)
    {
        using var jit = countJit ? new JitCounter() : null;
        var start = WorkingSetMb();
        var clock = Stopwatch.StartNew();
        var library = LawLibrary.LoadEmbedded();
        var load = clock.Elapsed.TotalMilliseconds;
        var loadJit = Jit(jit);
        var afterLoad = WorkingSetMb();

        clock.Restart();
        var defining = Eligibility.Internal.DefiningQualifiers.ById.Count;
        var definingMs = clock.Elapsed.TotalMilliseconds;
        var definingJit = Jit(jit);
        clock.Restart();
        var vocabulary = new Eligibility.Internal.CatalogVocabulary(ConditionCatalog.Default);
        var vocabularyMs = clock.Elapsed.TotalMilliseconds;
        var vocabularyJit = Jit(jit);
        clock.Restart();
        var rules = Eligibility.Internal.DefaultEligibilityEngine.CompileRules([]);
        var compileMs = clock.Elapsed.TotalMilliseconds;
        var compileJit = Jit(jit);
        clock.Restart();
        var engine = BenchData.Engine(library);
        var engineMs = clock.Elapsed.TotalMilliseconds;
        var engineJit = Jit(jit);
        var afterCompile = WorkingSetMb();

        clock.Restart();
        engine.Evaluate(BenchData.Query(1));
        var query = clock.Elapsed.TotalMilliseconds;
        var queryJit = Jit(jit);
        GC.KeepAlive(vocabulary);
        GC.KeepAlive(rules);

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"first load + validate ms: {load:F1}{loadJit}"));
        Console.WriteLine(string.Create(inv, $"first DefiningQualifiers (a one-entry FrozenDictionary, {defining}) ms: {definingMs:F1}{definingJit}"));
        Console.WriteLine(string.Create(inv, $"first CatalogVocabulary ms: {vocabularyMs:F1}{vocabularyJit}"));
        Console.WriteLine(string.Create(inv, $"first standard rules Define + Compile ms: {compileMs:F1}{compileJit}"));
        Console.WriteLine(string.Create(inv, $"then the engine (vocabulary + compile again) ms: {engineMs:F1}{engineJit}"));
        Console.WriteLine(string.Create(inv, $"first query ms: {query:F1}{queryJit}"));
        Console.WriteLine(string.Create(inv, $"working set MB: at start {start:F1}, after load {afterLoad:F1}, after compile {afterCompile:F1}, after query {WorkingSetMb():F1}"));
        var gc = GC.GetGCMemoryInfo();
        Console.WriteLine(string.Create(inv, $"allocated so far MB: {GC.GetTotalAllocatedBytes() / 1048576.0:F1}, GC heap MB: {gc.HeapSizeBytes / 1048576.0:F1}, gen0 GCs: {GC.CollectionCount(0)}"));
    }

    private static string Jit(JitCounter? counter)
    {
        if (counter is null)
        {
            return "";
        }

        Thread.Sleep(50); // let the listener's events arrive
        var text = $" ({counter.Count} methods JIT-compiled; most: {counter.Top(4)})";
        counter.Reset();
        return text;
    }

    private static double WorkingSetMb()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64 / 1048576.0;
    }

    /// <summary>Nanoseconds per call: the median of 7 batches of about <paramref name="budgetMs"/>/8 ms each, after a warm-up.</summary>
    private static double Median(Action action, int budgetMs)
    {
        // Warm up long enough for tiered compilation to promote the hot code, then give its background thread a moment.
        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 400)
        {
            action();
        }

        Thread.Sleep(100);

        // Calibrate: how many calls fit in one batch.
        var calls = 1;
        while (true)
        {
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < calls; i++)
            {
                action();
            }

            if (sw.Elapsed.TotalMilliseconds >= budgetMs / 8.0 || calls >= 1 << 26)
            {
                break;
            }

            calls *= 2;
        }

        var samples = new double[7];
        for (var s = 0; s < samples.Length; s++)
        {
            var start = Now();
            for (var i = 0; i < calls; i++)
            {
                action();
            }

            samples[s] = (Now() - start) / calls;
        }

        Array.Sort(samples);
        return samples[samples.Length / 2];
    }

    /// <summary>Nanoseconds: wall clock, or this thread's CPU time with <c>--cpu</c>.</summary>
    private static double Now()
    {
        if (!_cpuClock)
        {
            return Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency);
        }

        ClockGetTime(3 /* CLOCK_THREAD_CPUTIME_ID */, out var time);
        return (time.Seconds * 1e9) + time.Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code; this runs only in the quick check.
    private static extern int ClockGetTime(int clock, out TimeSpec time);
#pragma warning restore SYSLIB1054

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static long AllocatedPerCall(Func<object> action)
    {
        action();
        const int calls = 1000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < calls; i++)
        {
            action();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / calls;
    }
}
