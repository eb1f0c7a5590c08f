using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;

namespace Eligibility.Benchmarks;

/// <summary>A short job: the machine has two cores shared with other builds, so runs are kept brief.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ShortJobAttribute : JobConfigBaseAttribute
{
    public ShortJobAttribute()
        : base(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithId("Short"))
    {
    }
}

/// <summary>Adds operations per second.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig() => AddColumn(StatisticColumn.OperationsPerSecond);
}

/// <summary>A GitHub-markdown table with the Ratio and Alloc Ratio columns first (after the method and parameters).</summary>
public sealed class RatioFirstMarkdownExporter : ExporterBase
{
    private static readonly string[] First = ["Ratio", "Alloc Ratio"];

    protected override string FileExtension => "md";

    protected override string FileNameSuffix => "-ratio-first";

    public override void ExportToLog(Summary summary, ILogger logger)
    {
        var table = summary.Table;
        var shown = table.Columns.Where(c => c.NeedToShow).ToList();
        bool IsKey(SummaryTable.SummaryTableColumn c) => c.OriginalColumn.Category is ColumnCategory.Job or ColumnCategory.Params || c.Header == "Method";
        var ordered = shown.Where(IsKey)
            .Concat(First.SelectMany(h => shown.Where(c => c.Header == h)))
            .Concat(shown.Where(c => !IsKey(c) && !First.Contains(c.Header)))
            .ToList();

        logger.WriteLine("```");
        foreach (var line in summary.HostEnvironmentInfo.ToFormattedString())
        {
            logger.WriteLine(line);
        }

        logger.WriteLine("```");
        logger.WriteLine();
        logger.WriteLine("| " + string.Join(" | ", ordered.Select(c => c.Header)) + " |");
        logger.WriteLine("|" + string.Concat(ordered.Select(c => c.Justify == SummaryTable.SummaryTableColumn.TextJustification.Right ? "-----:|" : ":-----|")));
        for (var row = 0; row < table.FullContent.Length; row++)
        {
            logger.WriteLine("| " + string.Join(" | ", ordered.Select(c => table.FullContent[row][c.Index])) + " |");
        }
    }
}

/// <summary>Concurrent evaluations must give the same answers as sequential ones.</summary>
public static class Concurrency
{
    public static void CheckSameAnswers(IEligibilityEngine engine, EligibilityQuery[] queries, int threads)
    {
        var expected = queries.Select(q => Json(engine.Evaluate(q))).ToArray();
        var mismatches = 0;
        Parallel.For(0, queries.Length * 20, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            if (Json(engine.Evaluate(queries[i % queries.Length])) != expected[i % queries.Length])
            {
                Interlocked.Increment(ref mismatches);
            }
        });

        if (mismatches > 0)
        {
            throw new InvalidOperationException($"{mismatches} concurrent decisions differ from the sequential ones.");
        }
    }

    public static string Json(EligibilityDecision decision) => JsonSerializer.Serialize(decision, EligibilityJsonContext.Default.EligibilityDecision);
}

/// <summary>
/// Writes every decision the standard data can produce (all jurisdictions × all conditions × dates, patient variants,
/// multi-condition queries, synthetic rules) as JSON lines, so an optimisation can be checked to change no answer.
/// </summary>
public static class Dump
{
    private static readonly DateOnly[] Dates = [new(2012, 1, 1), new(2018, 5, 17), new(2019, 7, 1), new(2022, 1, 24), new(2025, 8, 31), BenchData.AsOf, new(2030, 1, 1)];

    public static void Write(string path)
    {
        var engine = BenchData.Engine();
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        var conditions = ConditionCatalog.Default.All.Select(c => c.Id).Append("dope sick").Append("Chronic Pain").ToArray();
        var count = 0;
        foreach (var law in engine.Jurisdictions)
        {
            foreach (var date in Dates)
            {
                foreach (var condition in conditions)
                {
                    writer.WriteLine(Concurrency.Json(engine.Evaluate(new EligibilityQuery { Jurisdiction = law.Code, Conditions = [condition], AsOf = date, Explain = true })));
                    count++;
                }

                foreach (var query in Variants(law.Code, date))
                {
                    writer.WriteLine(Concurrency.Json(engine.Evaluate(query)));
                    writer.WriteLine(Concurrency.Json(engine.Evaluate(query with { Explain = !query.Explain })));
                    count += 2;
                }
            }
        }

        foreach (var decision in engine.Scan("chronic pain", BenchData.AsOf))
        {
            writer.WriteLine(Concurrency.Json(decision));
        }

        foreach (var (rules, match) in new[] { (100, false), (100, true) })
        {
            var synthetic = BenchData.Engine(additionalRules: BenchData.SyntheticRules(rules, match));
            foreach (var code in BenchData.Foundation)
            {
                writer.WriteLine(Concurrency.Json(synthetic.Evaluate(BenchData.Query(5, explain: true, jurisdiction: code))));
                count++;
            }
        }

        Console.WriteLine($"{count} decisions written to {path}");
    }

    private static IEnumerable<EligibilityQuery> Variants(string code, DateOnly date)
    {
        yield return new EligibilityQuery { Jurisdiction = code, Conditions = BenchData.FiveConditions, AsOf = date, Age = 16, Visitor = true, Medications = ["Suboxone"] };
        yield return new EligibilityQuery { Jurisdiction = code, Conditions = ["chronic-pain", "intractable-pain", "opioid-withdrawal"], AsOf = date, Age = 70, Attested = [QualifierKind.Intractable], DurationMonths = 12 };
        yield return new EligibilityQuery { Jurisdiction = code, Conditions = ["opioid-withdrawal", "fibromyalgia", "nonsense"], AsOf = date, Age = 19, Visitor = true, Medications = ["methadone"], Explain = true };
        yield return new EligibilityQuery { Jurisdiction = code, Conditions = BenchData.Conditions(20), AsOf = date, Age = 10, Explain = true };
    }
}
