using System.Text;
using System.Text.Json;

namespace Eligibility.Cli.Tests;

public class BatchCheckTests
{
    private const string Nj = """{"jurisdiction":"NJ","conditions":["opioid-use-disorder"],"asOf":"2026-11-22"}""";
    private const string Tx = """{"jurisdiction":"TX","conditions":["chronic pain"],"asOf":"2026-11-22","age":34,"attested":["intractable"],"medications":["methadone"],"durationMonths":6,"visitor":false,"explain":true}""";
    private const string Id = """{"jurisdiction":"ID","conditions":["opioid use disorder"]}""";

    [Fact]
    public void Run_BadLineInTheMiddle_WritesAnErrorObjectInItsPlaceAndGoesOn()
    {
        var input = string.Join('\n', Nj, """{"jurisdiction":"NJ","conditions":["cancer"],"asOf":"2026-13-01"}""", Tx, "not json", Id) + "\n";
        var output = new StringWriter();

        var result = BatchCheck.Run(EligibilityEngine.CreateDefault(), new StringReader(input), output);

        result.Should().Be(new BatchResult(5, 2));
        var lines = Lines(output);
        lines.Should().HaveCount(5);
        lines[0].GetProperty("jurisdiction").GetString().Should().Be("NJ");
        lines[0].GetProperty("outcome").GetString().Should().Be("qualifies");
        lines[1].GetProperty("line").GetInt32().Should().Be(2);
        lines[1].GetProperty("error").GetString().Should().Contain("asOf must be a date string YYYY-MM-DD");
        lines[2].GetProperty("jurisdiction").GetString().Should().Be("TX");
        lines[2].GetProperty("nearMisses").ValueKind.Should().Be(JsonValueKind.Array, "explain came from the line");
        lines[3].GetProperty("line").GetInt32().Should().Be(4);
        lines[3].GetProperty("error").GetString().Should().Contain("malformed JSON");
        lines[4].GetProperty("outcome").GetString().Should().Be("no-program");
        output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().OnlyContain(l => !l.Contains('\r') && l.StartsWith('{'), "one compact JSON object a line");
    }

    [Theory]
    [InlineData("""{"jurisdiction":"XX","conditions":["cancer"]}""", "Unknown jurisdiction")]
    [InlineData("""{"jurisdicton":"NJ","conditions":["cancer"]}""", "unknown property (did you mean 'jurisdiction'?)")]
    [InlineData("""{"conditions":["cancer"]}""", "jurisdiction is missing; jurisdiction and conditions are required")]
    [InlineData("""{"jurisdiction":"NJ","conditions":[]}""", "At least one condition is required")]
    [InlineData("""{"jurisdiction":null,"conditions":["cancer"]}""", "jurisdiction must be a USPS code")]
    [InlineData("""{"jurisdiction":"NJ","conditions":["cancer"],"age":"old"}""", "age must be a whole number")]
    [InlineData("""{"jurisdiction":"NJ","conditions":["cancer"],"attested":["sortof"]}""", "each item of attested must be a qualifier name")]
    [InlineData("""{"jurisdiction":"NJ","conditions":["cancer"],"age":200}""", "0 to 130")]
    [InlineData("null", "expected a JSON object")]
    [InlineData("[1,2]", "expected a JSON object, found an array")]
    public void Run_BadLine_ErrorSaysWhatToSend(string line, string expected)
    {
        var output = new StringWriter();

        var result = BatchCheck.Run(EligibilityEngine.CreateDefault(), new StringReader(line), output);

        result.Should().Be(new BatchResult(1, 1));
        var error = Lines(output).Single();
        error.GetProperty("line").GetInt32().Should().Be(1);
        error.GetProperty("error").GetString().Should().Contain(expected);
    }

    [Fact]
    public void Run_BlankLines_AreSkippedButStillNumbered()
    {
        var output = new StringWriter();

        var result = BatchCheck.Run(EligibilityEngine.CreateDefault(), new StringReader(Nj + "\n\n   \r\nnot json\r\n"), output);

        result.Should().Be(new BatchResult(2, 1));
        Lines(output)[1].GetProperty("line").GetInt32().Should().Be(4);
    }

    [Fact]
    public void Run_DefaultAsOf_AppliesOnlyToLinesWithoutOne()
    {
        var output = new StringWriter();

        BatchCheck.Run(EligibilityEngine.CreateDefault(), new StringReader(Nj + "\n" + Id), output, new DateOnly(2019, 1, 1));

        var lines = Lines(output);
        lines[0].GetProperty("asOf").GetString().Should().Be("2026-11-22");
        lines[1].GetProperty("asOf").GetString().Should().Be("2019-01-01");
    }

    [Fact]
    public void Check_Input_ExitCode1WhenAnyLineFailedWithOneOutputLinePerQuery()
    {
        var file = TempFile(Nj, "{", Id);

        var result = CliRunner.Run("check", "--input", file);

        result.ExitCode.Should().Be(1);
        result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(3);
        result.Stderr.Should().StartWith("error: 1 of 3 lines failed");
    }

    [Fact]
    public void Check_Input_ExitCode0WhenEveryLineWasDecided()
    {
        var file = TempFile(Nj, Tx, Id);

        var result = CliRunner.Run("check", "--input", file, "--as-of", "2026-11-22");

        result.ExitCode.Should().Be(0);
        result.Stderr.Should().BeEmpty();
        result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("jurisdiction").GetString())
            .Should().Equal("NJ", "TX", "ID");
    }

    [Theory]
    [InlineData(new[] { "check", "--input", "QUERIES", "--state", "NJ" }, "--state cannot be combined with --input")]
    [InlineData(new[] { "check", "--input", "QUERIES", "--visitor" }, "--visitor cannot be combined with --input")]
    [InlineData(new[] { "check", "--input", "QUERIES", "--as-of", "2019-02-30" }, "--as-of YYYY-MM-DD")]
    [InlineData(new[] { "check", "--condition", "cancer" }, "check needs --state and --condition")]
    [InlineData(new[] { "check" }, "or --input FILE")]
    public void Check_InputUsageErrors_ExitCode2WithOneLine(string[] args, string expected)
    {
        var file = TempFile(Nj);
        var result = CliRunner.Run([.. args.Select(a => a == "QUERIES" ? file : a)]);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().StartWith("error: ").And.Contain(expected);
        result.Stderr.TrimEnd().Should().NotContain("\n");
    }

    private static List<JsonElement> Lines(StringWriter output) =>
        [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];

    private static string TempFile(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), "eligibility-batch-" + Guid.NewGuid().ToString("N") + ".jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }
}

/// <summary>Runs alone: it reads the process's managed heap, which parallel tests would disturb.</summary>
[CollectionDefinition(nameof(MemoryCollection), DisableParallelization = true)]
public sealed class MemoryCollection;

[Collection(nameof(MemoryCollection))]
public class BatchCheckMemoryTests
{
    private const int LineCount = 100_000;

    [Fact]
    [Trait("Category", "Stress")]
    public void Run_100000Lines_OneEngineAndManagedMemoryStaysFlat()
    {
        var engine = EligibilityEngine.CreateDefault();
        var output = new HeapProbeWriter(sampleAtLines: [1_000, LineCount]);

        var result = BatchCheck.Run(engine, new GeneratedQueries(LineCount), output);

        result.Should().Be(new BatchResult(LineCount, LineCount / 10));
        output.Lines.Should().Be(LineCount);
        output.Samples.Should().HaveCount(2);
        var growth = output.Samples[1] - output.Samples[0];
        // Keeping anything per line (a decision is a few KB) would add hundreds of MB over 99,000 lines; streaming adds ~nothing.
        growth.Should().BeLessThan(16L * 1024 * 1024, $"the heap held {output.Samples[0]:N0} bytes at line 1,000 and {output.Samples[1]:N0} at line {LineCount:N0}");
    }

    /// <summary>Yields the input lazily (so the test itself holds no 100,000-line string): every tenth line is bad.</summary>
    private sealed class GeneratedQueries(int count) : TextReader
    {
        private static readonly string[] Queries =
        [
            """{"jurisdiction":"NJ","conditions":["opioid-use-disorder"],"asOf":"2026-11-22"}""",
            """{"jurisdiction":"TX","conditions":["chronic pain"],"asOf":"2026-11-22","age":34}""",
            """{"jurisdiction":"ID","conditions":["opioid use disorder"],"asOf":"2026-11-22"}""",
            """{"jurisdiction":"PA","conditions":["opioid withdrawal","chronic-pain"],"asOf":"2026-11-22","medications":["buprenorphine"],"age":17}""",
            """{"jurisdiction":"NY","conditions":["F11.20"],"asOf":"2019-01-01","visitor":true}""",
        ];

        private int _line;
        private string _pending = "";
        private int _offset;

        // The batch reads characters in blocks (to bound a line's length), so serve the lines that way too.
        public override int Read(char[] buffer, int index, int length)
        {
            if (_offset == _pending.Length)
            {
                if (ReadLine() is not { } next)
                {
                    return 0;
                }

                _pending = next + "\n";
                _offset = 0;
            }

            var n = Math.Min(length, _pending.Length - _offset);
            _pending.CopyTo(_offset, buffer, index, n);
            _offset += n;
            return n;
        }

        public override string? ReadLine()
        {
            if (_line == count)
            {
                return null;
            }

            _line++;
            return _line % 10 == 0 ? """{"jurisdiction":"XX","conditions":["cancer"]}""" : Queries[_line % Queries.Length];
        }
    }

    /// <summary>Counts lines and discards them; at chosen line numbers records the live managed heap after a full collection.</summary>
    private sealed class HeapProbeWriter(int[] sampleAtLines) : TextWriter
    {
        public int Lines { get; private set; }

        public List<long> Samples { get; } = [];

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
        }

        public override void WriteLine(string? value)
        {
            Lines++;
            if (sampleAtLines.Contains(Lines))
            {
                Samples.Add(GC.GetTotalMemory(forceFullCollection: true));
            }
        }
    }
}
