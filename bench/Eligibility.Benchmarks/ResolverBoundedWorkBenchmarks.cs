using BenchmarkDotNet.Attributes;

namespace Eligibility.Benchmarks;

/// <summary>
/// Issue 13, bounded work: 50 ordinary inputs against 50 hostile ones (pathological repeats, 500-character texts, many
/// conditions in one text). The ratio column is the point: no input may cost more than a few times an ordinary one.
/// </summary>
[MemoryDiagnoser]
[ShortJob]
public class ResolverBoundedWorkBenchmarks
{
    private static readonly string[] OrdinaryTexts =
    [
        "opioid-use-disorder", "heroin addiction", "dope sick", "chronic back pain", "F11.23", "PTSD", "hip pain for 3 years",
        "strung out on percs", "fibromyalgia", "I have ms", "suboxone", "dolor crónico", "c/o chronic LBP", "no history of cancer",
        "kicking dope", "migraines", "opiod withdrawl", "crohns", "methadone", "my neck has hurt since 2019", "epilepsy", "glaucoma",
        "lou gehrig's disease", "trastorno de estrés postraumático", "hooked on oxys", "cancer pain", "hep C", "seizure disorder",
        "anxiety attacks", "insomnio", "nerve damage in my feet", "G89.29", "terminal cancer", "sickle cell anemia", "autistic",
        "HIV positive", "spinal cord injury", "tbi", "lupus", "arthritis in my knees", "muscle spasms", "nausea from chemo",
        "parkinsons", "alzheimers", "tourettes", "ulcerative colitis", "wasting syndrome", "intractable pain", "OUD and chronic pain",
        "dx: OUD, on bup",
    ];

    private IConditionResolver _resolver = null!;
    private string[] _ordinary = null!;
    private string[] _pathological = null!;

    [GlobalSetup]
    public void Setup()
    {
        _resolver = new ConditionResolver(ConditionCatalog.Default);
        _ordinary = OrdinaryTexts;
        var hostile = new[]
        {
            string.Concat(Enumerable.Repeat("pain and ", 60)),
            string.Concat(Enumerable.Repeat("no ", 200)),
            string.Concat(Enumerable.Repeat("heroin ", 80)),
            string.Concat(Enumerable.Repeat("a", 500)),
            string.Join(", ", Enumerable.Repeat("PTSD, chronic pain, opioid use disorder, cancer, epilepsy", 10)),
            string.Concat(Enumerable.Repeat("withdrawal from ", 40)),
            string.Concat(Enumerable.Repeat("for 3 years ", 50)),
            string.Concat(Enumerable.Repeat("xqzv ", 100)),
            string.Concat(Enumerable.Repeat("opiod withdrawl ", 40)),
            string.Concat(Enumerable.Repeat("F11.23 ", 80)),
        };
        _pathological = [.. Enumerable.Range(0, 50).Select(i => hostile[i % hostile.Length][..Math.Min(500, hostile[i % hostile.Length].Length)])];
    }

    [Benchmark(Baseline = true, Description = "Resolve 50 ordinary inputs")]
    public int Ordinary() => Run(_ordinary);

    [Benchmark(Description = "Resolve 50 pathological inputs (500 chars)")]
    public int Pathological() => Run(_pathological);

    private int Run(string[] inputs)
    {
        var matched = 0;
        foreach (var input in inputs)
        {
            if (_resolver.Resolve(input).IsMatch)
            {
                matched++;
            }
        }

        return matched;
    }
}
