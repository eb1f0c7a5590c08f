using BenchmarkDotNet.Attributes;

namespace Eligibility.Benchmarks;

/// <summary>
/// Issue 13, bounded work: 50 ordinary inputs against 50 hostile ones (pathological repeats, 500-character texts, many
/// conditions in one text). The ratio column is the point: no input may cost more than a few times an ordinary one.
/// A third row measures long messages of distinct words, which the resolver's word budget bounds.
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

    // Long texts of distinct words (no repeats to collapse), cut to 500 characters: what the word budget bounds.
    private static readonly string[] LongTexts =
    [
        "45 yo male with hx of chronic low back pain since 2015 after a lifting injury at work, failed physical therapy and two epidural injections, s/p L4-L5 fusion in 2019 with persistent radicular pain down the left leg, also reports anxiety and poor sleep, was on oxycodone for several years and is now in recovery on buprenorphine-naloxone for 18 months, denies alcohol use, no history of cancer, mother had breast cancer, requesting evaluation for medical cannabis for pain and sleep, thank you for your time",
        "PTSD, cancer, epilepsy, glaucoma, crohns disease, multiple sclerosis, ALS, parkinsons, HIV, hepatitis C, fibromyalgia, migraine, lupus, sickle cell anemia, autism, tourettes, alzheimers, huntingtons disease, spinal cord injury, traumatic brain injury, cachexia, severe nausea, seizures, muscle spasms, chronic pain, opioid use disorder, insomnia, anxiety, depression, arthritis, neuropathy, ulcerative colitis, IBS, endometriosis, interstitial cystitis, cerebral palsy, dystonia, hydrocephalus",
        "plorbin snarfle quexotic brimbly vorpalish gambrel dithery fumblous scrathing whimbrel tarnishly cobbleworth glimmerous fandangle snickerty bloviating crumpetish wobblestone quizzical marmalade frobnicate zizzering blatherskite mumbletoad spindlewick grottable thrumbling",
        "I have been dealing with really bad migranes and neck pain since my car accident three years ago, my doctor tried several medications including topiramate and sumatriptan but nothing has worked well, I also have trouble sleeping most nights and feel anxious about work, my sister has epilepsy and my father had glaucoma, I am not sure which of these counts for a medical card in my state so I wanted to ask before I pay for an appointment, also is PTSD from the accident something that qualifies",
        "paciente con dolor crónico de espalda desde hace cinco años, antecedentes de dependencia de opiáceos en tratamiento con metadona, ansiedad, insomnio y migrañas frecuentes, niega cáncer, madre con diabetes, solicita evaluación para el uso de cannabis medicinal, trabaja de noche y tiene problemas para dormir, refiere náuseas después de las comidas y pérdida de peso en los últimos meses sin causa conocida según su médico de cabecera",
    ];

    private IConditionResolver _resolver = null!;
    private string[] _ordinary = null!;
    private string[] _pathological = null!;
    private string[] _long = null!;

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
        _long = [.. Enumerable.Range(0, 50).Select(i => LongTexts[i % LongTexts.Length][..Math.Min(500, LongTexts[i % LongTexts.Length].Length)])];
    }

    [Benchmark(Baseline = true, Description = "Resolve 50 ordinary inputs")]
    public int Ordinary() => Run(_ordinary);

    [Benchmark(Description = "Resolve 50 pathological inputs (500 chars)")]
    public int Pathological() => Run(_pathological);

    /// <summary>
    /// Not part of the bounded-work claim, which is about pathological input: ordinary long messages, where the
    /// resolver does real work on every word up to its word budget (64 words, 6 spelling corrections).
    /// </summary>
    [Benchmark(Description = "Resolve 50 long texts of distinct words (500 chars)")]
    public int Long() => Run(_long);

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
