using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Xunit.Abstractions;

namespace Eligibility.Tests;

/// <summary>
/// One engine shared by 2 × cores threads gives exactly the answers of a sequential run: mixed queries (many
/// jurisdictions, conditions, dates, ages, explain on and off, scans and malformed queries), each answer compared as
/// its whole JSON (SHA-256 of the UTF-8 bytes from <see cref="EligibilityJsonContext.Default"/>).
/// 200,000 queries under the Stress category (<c>dotnet test --filter Category=Stress</c>), 2,000 in the default run.
/// </summary>
public class ConcurrencyTests(ITestOutputHelper output)
{
    /// <summary>The full stress size; CI runs it with <c>dotnet test --filter Category=Stress</c>.</summary>
    private const int StressQueries = 200_000;

    /// <summary>A quick run of the same check in the default <c>dotnet test</c>.</summary>
    private const int QuickQueries = 2_000;

    private static readonly string[] Codes = [.. EligibilityEngine.CreateDefault().Jurisdictions.Select(j => j.Code)];

    private static readonly string[] Conditions =
    [
        "chronic-pain", "chronic pain", "Chronic Pain", "intractable-pain", "opioid-use-disorder", "opioid use disorder", "opioid-withdrawal",
        "cancer", "ptsd", "epilepsy", "multiple-sclerosis", "glaucoma", "hiv-aids", "crohns-disease", "cachexia", "severe-nausea",
        "anxiety", "insomnia", "migraine", "arthritis", "autism", "fibromyalgia", "crps", "neuropathy", "terminal-illness",
        "broken arm", "dope sick", "F11.23", "G89.29", "xyzzy",
    ];

    private static readonly string[] Medications = ["methadone", "Suboxone", "ibuprofen", "buprenorphine 8 mg", "gabapentin"];

    [Fact]
    [Trait("Category", "Stress")]
    public void Evaluate_SharedByTwoThreadsPerCore_GivesExactlyTheSequentialAnswers() => SharedEngineGivesTheSequentialAnswers(StressQueries);

    [Fact]
    public void Evaluate_SharedByTwoThreadsPerCore_Quick_GivesExactlyTheSequentialAnswers() => SharedEngineGivesTheSequentialAnswers(QuickQueries);

    private void SharedEngineGivesTheSequentialAnswers(int queries)
    {
        using var engine = EligibilityEngine.CreateDefault();
        var work = Enumerable.Range(0, queries).Select(Make).ToArray();

        var clock = Stopwatch.StartNew();
        var expected = new byte[queries][];
        for (var i = 0; i < queries; i++)
        {
            expected[i] = Answer(engine, work[i]);
        }

        var sequential = clock.Elapsed;
        var threads = 2 * Environment.ProcessorCount;
        var actual = new byte[queries][];
        var next = -1;
        clock.Restart();
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            for (var i = Interlocked.Increment(ref next); i < queries; i = Interlocked.Increment(ref next))
            {
                actual[i] = Answer(engine, work[i]);
            }
        })).ToArray();
        foreach (var worker in workers)
        {
            worker.Start();
        }

        foreach (var worker in workers)
        {
            worker.Join();
        }

        var concurrent = clock.Elapsed;
        var scans = work.Count(w => w.Scan is not null);
        var errors = work.Count(w => w.Query?.Jurisdiction == "XX");
        output.WriteLine($"{queries:N0} queries ({scans:N0} scans, {errors:N0} malformed); sequential {sequential.TotalSeconds:F1} s; {threads} threads {concurrent.TotalSeconds:F1} s");

        var mismatches = Enumerable.Range(0, queries).Where(i => !expected[i].AsSpan().SequenceEqual(actual[i])).Take(5).ToArray();
        mismatches.Should().BeEmpty("query {0} answered differently under concurrency", mismatches.Length == 0 ? null : Describe(work[mismatches[0]]));
        expected.Distinct(HashComparer.Instance).Count().Should().BeGreaterThan(queries / 10, "the queries are varied");
    }

    private sealed record Work(EligibilityQuery? Query, string? Scan, DateOnly? AsOf);

    private static Work Make(int i)
    {
        var random = new Random(1_000_003 * i + 17);
        var day = random.Next(50) switch
        {
            0 => DateOnly.MinValue,
            1 => DateOnly.MaxValue,
            _ => new DateOnly(2000, 1, 1).AddDays(random.Next(0, 31 * 365)),
        };
        if (random.Next(400) == 0)
        {
            return new Work(null, Conditions[random.Next(Conditions.Length)], random.Next(3) == 0 ? null : day);
        }

        var code = random.Next(100) == 0 ? "XX" : Codes[random.Next(Codes.Length)];
        code = random.Next(4) switch
        {
            0 => code.ToLowerInvariant(),
            1 => $" {code} ",
            _ => code,
        };
        var query = new EligibilityQuery
        {
            Jurisdiction = code,
            Conditions = [.. Enumerable.Range(0, random.Next(1, 5)).Select(_ => Conditions[random.Next(Conditions.Length)])],
            AsOf = day,
            Age = random.Next(3) == 0 ? null : random.Next(0, 100),
            Visitor = random.Next(5) == 0,
            Medications = [.. Medications.Where(_ => random.Next(6) == 0)],
            Attested = [.. Enum.GetValues<QualifierKind>().Where(_ => random.Next(12) == 0)],
            DurationMonths = random.Next(3) == 0 ? random.Next(0, 60) : null,
            Explain = random.Next(2) == 0,
        };
        return new Work(query, null, null);
    }

    private static byte[] Answer(IEligibilityEngine engine, Work work)
    {
        byte[] json;
        try
        {
            json = work.Scan is { } condition
                ? JsonSerializer.SerializeToUtf8Bytes(engine.Scan(condition, work.AsOf ?? new DateOnly(2026, 11, 22)), EligibilityJsonContext.Default.IReadOnlyListEligibilityDecision)
                : JsonSerializer.SerializeToUtf8Bytes(engine.Evaluate(work.Query!), EligibilityJsonContext.Default.EligibilityDecision);
        }
        catch (ArgumentException e)
        {
            json = System.Text.Encoding.UTF8.GetBytes($"error: {e.Message}");
        }

        return SHA256.HashData(json);
    }

    private static string Describe(Work work) => work.Scan is not null
        ? $"scan '{work.Scan}' on {work.AsOf}"
        : JsonSerializer.Serialize(work.Query!, EligibilityJsonContext.Default.EligibilityQuery);

    private sealed class HashComparer : IEqualityComparer<byte[]>
    {
        public static readonly HashComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => BitConverter.ToInt32(obj, 0);
    }
}
