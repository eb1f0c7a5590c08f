using System.Collections.Concurrent;
using Eligibility.Internal;
using Eligibility.Tests.TestAssets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Eligibility.Tests.Reload;

public sealed class ReloadTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 11, 22);
    private readonly string _dir = DataFiles.TempDirectory();
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggerFactory;

    public ReloadTests()
    {
        _loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
        Write("zy", "Yland");
        Write("zz", "Zland");
    }

    public void Dispose()
    {
        _loggerFactory.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Reload_ChangedFile_NewLawAnswers()
    {
        using var engine = Create();
        var before = engine.Evaluate(Query("ZZ"));
        var oldVersion = engine.DataVersion;

        Write("zz", "Zland Two");
        var result = engine.Reload();

        result.Succeeded.Should().BeTrue();
        result.Changed.Should().BeTrue();
        result.Problems.Should().BeEmpty();
        result.OldDataVersion.Should().Be(oldVersion);
        result.NewDataVersion.Should().Be(engine.DataVersion).And.NotBe(result.OldDataVersion);
        var after = engine.Evaluate(Query("ZZ"));
        after.JurisdictionName.Should().Be("Zland Two");
        after.Data.Version.Should().NotBe(before.Data.Version);
        engine.Evaluate(Query("ZY")).JurisdictionName.Should().Be("Yland", "the unchanged file answers as before");
        _logs.Lines.Should().Contain(l => l.Level == LogLevel.Information && l.Message.Contains("reloaded") && l.Message.Contains(result.NewDataVersion));
    }

    [Fact]
    public void Reload_NothingChanged_SucceedsWithTheSameVersion()
    {
        using var engine = Create();

        var result = engine.Reload();

        result.Succeeded.Should().BeTrue();
        result.Changed.Should().BeFalse();
        result.NewDataVersion.Should().Be(result.OldDataVersion);
    }

    [Fact]
    public void Reload_FailsHalfwayThroughTheDirectory_KeepsTheOldLawForBothFiles()
    {
        using var engine = Create();
        var oldVersion = engine.DataVersion;
        var oldY = engine.Evaluate(Query("ZY")).Data.Version;
        var oldZ = engine.Evaluate(Query("ZZ")).Data.Version;

        Write("zy", "Yland Two");                 // a good change ...
        Write("zz", "Zland Two", brokenDate: true); // ... and a broken one, later in the directory

        var result = engine.Reload();

        result.Succeeded.Should().BeFalse();
        result.Changed.Should().BeFalse();
        result.OldDataVersion.Should().Be(oldVersion);
        result.NewDataVersion.Should().Be(oldVersion);
        var problem = result.Problems.Should().ContainSingle().Which;
        problem.File.Should().Be("zz.json");
        problem.Path.Should().Be("$.lastVerified");
        problem.Line.Should().BeGreaterThan(0);
        engine.DataVersion.Should().Be(oldVersion);
        engine.Evaluate(Query("ZY")).Should().Match<EligibilityDecision>(d => d.JurisdictionName == "Yland" && d.Data.Version == oldY, "the good changed file is not used either");
        engine.Evaluate(Query("ZZ")).Should().Match<EligibilityDecision>(d => d.JurisdictionName == "Zland" && d.Data.Version == oldZ);
        engine.Jurisdictions.Select(j => j.Name).Should().Equal("Yland", "Zland");
        var warning = _logs.Lines.Should().ContainSingle(l => l.Level == LogLevel.Warning).Which;
        warning.Message.Should().Contain("reload failed").And.Contain(oldVersion).And.Contain("zz.json").And.Contain("$.lastVerified");

        Write("zz", "Zland Two");
        var fixedResult = engine.Reload();

        fixedResult.Succeeded.Should().BeTrue();
        engine.Jurisdictions.Select(j => j.Name).Should().Equal("Yland Two", "Zland Two");
    }

    [Fact]
    public void Reload_DirectoryGone_KeepsTheOldLaw()
    {
        using var engine = Create();
        var version = engine.DataVersion;
        foreach (var file in Directory.GetFiles(_dir))
        {
            File.Delete(file);
        }

        var result = engine.Reload();

        result.Succeeded.Should().BeFalse();
        result.Problems.Single().Message.Should().Contain("no jurisdiction files");
        engine.DataVersion.Should().Be(version);
        engine.Evaluate(Query("ZZ")).JurisdictionName.Should().Be("Zland");
    }

    [Fact]
    public void Reload_EmbeddedData_ReloadsTheEmbeddedData()
    {
        using var engine = EligibilityEngine.CreateDefault();

        var result = engine.Reload();

        result.Succeeded.Should().BeTrue();
        result.Changed.Should().BeFalse();
        engine.Jurisdictions.Should().HaveCount(56);
    }

    [Fact]
    public async Task Reload_DuringConcurrentQueries_EveryAnswerIsWhollyOldOrWhollyNew()
    {
        void Stage(int generation)
        {
            Write("zy", $"Yland {generation}");
            Write("zz", $"Zland {generation}");
        }

        Stage(0);
        using var engine = Create();

        // Each generation gives both files a new name; a scan must show one generation, and a name one file version.
        var seen = new ConcurrentDictionary<string, string>(); // name -> file version
        var mixes = new ConcurrentQueue<string>();
        var answers = 0;
        const int Reloads = 60;
        using var done = new CancellationTokenSource();
        // Dedicated threads, so that the thread pool being busy cannot leave the reloads without readers.
        var readers = Enumerable.Range(0, 2 * Environment.ProcessorCount).Select(t => Task.Factory.StartNew(() =>
        {
            var i = 0;
            while (!done.IsCancellationRequested)
            {
                if (i++ % 3 == 0)
                {
                    var scan = engine.Scan("chronic pain", Day);
                    var generations = scan.Select(d => d.JurisdictionName.Split(' ')[1]).Distinct().ToArray();
                    if (generations.Length != 1)
                    {
                        mixes.Enqueue($"scan saw generations {string.Join(", ", generations)}");
                    }

                    foreach (var d in scan)
                    {
                        Check(d);
                    }
                }
                else
                {
                    Check(engine.Evaluate(Query(t % 2 == 0 ? "ZY" : "ZZ") with { Explain = i % 2 == 0 }));
                }

                Interlocked.Increment(ref answers);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        SpinWait.SpinUntil(() => Volatile.Read(ref answers) >= readers.Length, TimeSpan.FromSeconds(60)).Should().BeTrue("the readers start");

        void Check(EligibilityDecision d)
        {
            // One name, one file version: a decision whose name and version came from different loads is a mix.
            var version = seen.GetOrAdd(d.JurisdictionName, d.Data.Version);
            if (version != d.Data.Version)
            {
                mixes.Enqueue($"{d.JurisdictionName} answered with versions {version} and {d.Data.Version}");
            }
        }

        var results = new List<ReloadResult>();
        for (var generation = 1; generation <= Reloads; generation++)
        {
            Stage(generation);
            results.Add(engine.Reload());
            var now = Volatile.Read(ref answers);
            SpinWait.SpinUntil(() => Volatile.Read(ref answers) >= now + 4, TimeSpan.FromSeconds(10)); // let queries run on this generation
            if (generation % 10 == 0)
            {
                Write("zz", "broken", brokenDate: true);
                results.Add(engine.Reload()); // fails: the last good generation keeps answering
                Stage(generation);
            }
        }

        await Task.Delay(100);
        done.Cancel();
        await Task.WhenAll(readers).WaitAsync(TimeSpan.FromMinutes(2));

        mixes.Should().BeEmpty();
        results.Count(r => r.Succeeded).Should().Be(Reloads);
        results.Count(r => !r.Succeeded).Should().Be(Reloads / 10);
        answers.Should().BeGreaterThan(4 * Reloads);
        seen.Keys.Should().NotContain(k => k.StartsWith("broken", StringComparison.Ordinal), "a failed reload is never seen");
    }

    [Fact]
    public async Task WatchDataDirectory_ChangedFile_IsPickedUpAndABrokenOneIsNot()
    {
        var engine = Create(watch: true);
        ((DefaultEligibilityEngine)engine).IsWatching.Should().BeTrue();
        var first = engine.DataVersion;

        Write("zz", "Zland Watched");

        (await Eventually(() => engine.Evaluate(Query("ZZ")).JurisdictionName == "Zland Watched")).Should().BeTrue("the watcher reloads after a change");
        engine.DataVersion.Should().NotBe(first);
        var second = engine.DataVersion;

        Write("zz", "Zland Broken", brokenDate: true);

        (await Eventually(() => _logs.Lines.Any(l => l.Level == LogLevel.Warning && l.Message.Contains("reload failed")))).Should().BeTrue("the watcher reports a failed reload");
        engine.DataVersion.Should().Be(second);
        engine.Evaluate(Query("ZZ")).JurisdictionName.Should().Be("Zland Watched");

        engine.Dispose();
        ((DefaultEligibilityEngine)engine).IsWatching.Should().BeFalse();
        engine.Evaluate(Query("ZZ")).JurisdictionName.Should().Be("Zland Watched", "a disposed engine still answers");
    }

    [Fact]
    public void WatchDataDirectory_Off_NoWatcher()
    {
        using var engine = Create();

        ((DefaultEligibilityEngine)engine).IsWatching.Should().BeFalse();
    }

    [Fact]
    public void WatchDataDirectory_DisposedWithTheContainer()
    {
        IEligibilityEngine engine;
        using (var provider = new ServiceCollection().AddEligibility(o => { o.DataDirectory = _dir; o.WatchDataDirectory = true; }).BuildServiceProvider())
        {
            engine = provider.GetRequiredService<IEligibilityEngine>();
            ((DefaultEligibilityEngine)engine).IsWatching.Should().BeTrue();
        }

        ((DefaultEligibilityEngine)engine).IsWatching.Should().BeFalse();
    }

    private static async Task<bool> Eventually(Func<bool> condition)
    {
        // Generous: the watcher debounces for half a second, and the machine may be busy. No speed is asserted.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return condition();
    }

    private static EligibilityQuery Query(string code) => new() { Jurisdiction = code, Conditions = ["chronic pain"], AsOf = Day, Age = 40 };

    private IEligibilityEngine Create(bool watch = false) =>
        EligibilityEngine.Create(new EligibilityOptions { DataDirectory = _dir, WatchDataDirectory = watch }, _loggerFactory);

    private void Write(string code, string name, bool brokenDate = false)
    {
        var file = DataFiles.Minimal(code.ToUpperInvariant());
        file["name"] = name;
        if (brokenDate)
        {
            file["lastVerified"] = "2026-02-30";
        }

        // Write to a temporary name and move into place, as editors and deploy tools do, so a reload never reads half a file.
        var path = Path.Combine(_dir, $"{code}.json");
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, DataFiles.Bytes(file));
        File.Move(temp, path, overwrite: true);
    }
}
