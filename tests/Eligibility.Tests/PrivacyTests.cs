using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Eligibility.Tests.TestAssets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Eligibility.Tests;

/// <summary>Patient data is used for the answer only: never logged (at any level), never kept.</summary>
public sealed class PrivacyTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 11, 22);

    // Inputs chosen to be unmistakable in a log line.
    private static readonly string[] Conditions = ["zebrapain-condition-4471", "dope sick qx", "F11.23", "chronic pain", "Opioid Use Disorder", "ptsd"];
    private static readonly string[] Medications = ["Zyxomethadone-881", "suboxone-qq7", "quokkaprofen"];
    private static readonly int[] Ages = [73, 88, 97, 101];
    private static readonly int[] Durations = [93, 117];

    private readonly string _dir = DataFiles.TempDirectory(
        [.. new[] { "nj.json", "ny.json", "pa.json", "tx.json", "id.json" }.Select(f => (f, File.ReadAllBytes(Path.Combine(DataFiles.StatesDirectory, f))))]);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Logs_AtTraceLevel_NeverContainQueryInput()
    {
        var logs = new CapturingLoggerProvider();
        using (var provider = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs))
            .AddEligibility(o => { o.DataDirectory = _dir; o.WatchDataDirectory = true; })
            .BuildServiceProvider())
        {
            var engine = provider.GetRequiredService<IEligibilityEngine>();
            RunVariedQueries(engine);
            engine.Reload().Succeeded.Should().BeTrue();
            File.WriteAllText(Path.Combine(_dir, "pa.json"), "{ broken");
            engine.Reload().Succeeded.Should().BeFalse();
            RunVariedQueries(engine);
        }

        var lines = logs.Lines.Select(l => l.All).ToArray();
        lines.Should().Contain(l => l.Contains("ready", StringComparison.Ordinal), "the capture works");
        lines.Should().Contain(l => l.Contains("reload failed", StringComparison.Ordinal), "failed reloads are logged too");
        foreach (var text in Conditions.Concat(Medications))
        {
            lines.Should().NotContain(l => l.Contains(text, StringComparison.OrdinalIgnoreCase), $"'{text}' is query input");
        }

        foreach (var code in Codes)
        {
            // Jurisdiction codes as typed (odd case, so that data-file names such as pa.json do not count).
            lines.Should().NotContain(l => l.Contains(code.Trim(), StringComparison.Ordinal), $"'{code}' is query input");
        }

        foreach (var number in Ages.Concat(Durations))
        {
            lines.Should().NotContain(l => Regex.IsMatch(l, $@"\b{number}\b"), $"{number} is an age or a duration from a query");
        }
    }

    private static readonly string[] Codes = ["nJ", "nY", " pA ", "tX", "iD"];

    [Fact]
    public void Engine_AfterQueries_HoldsNoReferenceToQueriesOrDecisions()
    {
        using var engine = EligibilityEngine.Create(new EligibilityOptions { DataDirectory = _dir });

        var (query, decision, scan) = EvaluateAndForget(engine);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        query.IsAlive.Should().BeFalse("the engine keeps no query");
        decision.IsAlive.Should().BeFalse("the engine keeps no decision");
        scan.IsAlive.Should().BeFalse("the engine keeps no scan");

        RunVariedQueries(engine);
        var found = Reachable(engine).Concat(ReachableFromStatics()).Where(IsQueryData).Select(Describe).Distinct().Take(5).ToArray();
        found.Should().BeEmpty("nothing reachable from the engine or from any static field of the library holds query data");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference Query, WeakReference Decision, WeakReference Scan) EvaluateAndForget(IEligibilityEngine engine)
    {
        var query = new EligibilityQuery { Jurisdiction = "NJ", Conditions = ["zebrapain-condition-4471", "chronic pain"], AsOf = Day, Age = 73, Medications = ["Zyxomethadone-881"], Explain = true };
        var decision = engine.Evaluate(query);
        var scan = engine.Scan("zebrapain-condition-4471", Day);
        return (new WeakReference(query), new WeakReference(decision), new WeakReference(scan));
    }

    private static void RunVariedQueries(IEligibilityEngine engine)
    {
        var i = 0;
        foreach (var code in Codes)
        {
            foreach (var condition in Conditions)
            {
                i++;
                var query = new EligibilityQuery
                {
                    Jurisdiction = code,
                    Conditions = [condition, Conditions[i % Conditions.Length]],
                    AsOf = i % 3 == 0 ? null : Day.AddYears(-(i % 12)),
                    Age = Ages[i % Ages.Length],
                    Visitor = i % 2 == 0,
                    Medications = [Medications[i % Medications.Length]],
                    Attested = i % 4 == 0 ? [QualifierKind.Intractable] : [],
                    DurationMonths = Durations[i % Durations.Length],
                    Explain = i % 2 == 1,
                };
                engine.Evaluate(query);
                _ = Try(() => engine.Evaluate(query with { Age = 200 + i }));
                _ = Try(() => engine.Evaluate(query with { Jurisdiction = "Q" + condition }));
            }

            engine.Kratom(code, Day);
        }

        foreach (var condition in Conditions)
        {
            engine.Scan(condition, Day);
        }
    }

    private static object? Try(Func<object> act)
    {
        try
        {
            return act();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsQueryData(object o) => o switch
    {
        EligibilityQuery or EligibilityDecision or ConditionDecision or Rules.PatientFact or Rules.ConditionClaim => true,
        string s => Conditions.Take(2).Concat(Medications).Any(m => s.Contains(m, StringComparison.OrdinalIgnoreCase)),
        _ => false,
    };

    private static string Describe(object o) => o is string s ? $"string \"{s[..Math.Min(s.Length, 60)]}\"" : o.GetType().FullName!;

    private static IEnumerable<object> ReachableFromStatics()
    {
        var assemblies = new[] { typeof(IEligibilityEngine).Assembly, typeof(Rules.PatientFact).Assembly, typeof(NRules.ISession).Assembly };
        var roots = assemblies.SelectMany(a => a.GetTypes())
            .Where(t => !t.ContainsGenericParameters)
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(f => !f.IsLiteral)
            .Select(f => f.GetValue(null))
            .OfType<object>();
        return roots.SelectMany(Reachable);
    }

    /// <summary>Every object reachable through fields (and array items) from a root, skipping reflection metadata.</summary>
    private static IEnumerable<object> Reachable(object root)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<object>();
        stack.Push(root);
        while (stack.Count > 0 && seen.Count < 2_000_000)
        {
            var current = stack.Pop();
            if (!seen.Add(current))
            {
                continue;
            }

            yield return current;
            var type = current.GetType();
            if (current is string || current is MemberInfo || current is Assembly || current is Module || type.IsPrimitive || type.IsPointer || current is Pointer)
            {
                continue;
            }

            if (current is Delegate d)
            {
                if (d.Target is { } target)
                {
                    stack.Push(target);
                }

                continue;
            }

            if (current is Array array)
            {
                if (!type.GetElementType()!.IsPrimitive)
                {
                    foreach (var item in array)
                    {
                        if (item is not null)
                        {
                            stack.Push(item);
                        }
                    }
                }

                continue;
            }

            for (var t = type; t is not null; t = t.BaseType)
            {
                foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (field.FieldType.IsPointer || field.FieldType.IsByRefLike || field.FieldType.IsPrimitive)
                    {
                        continue;
                    }

                    if (field.GetValue(current) is { } value)
                    {
                        stack.Push(value);
                    }
                }
            }
        }
    }
}
