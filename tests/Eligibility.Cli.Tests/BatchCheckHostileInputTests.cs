using System.Text;
using System.Text.Json;

namespace Eligibility.Cli.Tests;

/// <summary>
/// Issue 14.5/14.7 and 15.6, batch mode: <c>check --input /dev/zero</c> grew to 8 GB and ended with "minimumLength
/// ('-2147483648') must be a non-negative value" and exit 2; a 600 MB line needed 5.1 GB and could abort the batch so
/// later lines were never answered; a bad line's text was echoed in its error. Now a line is at most 64 Ki
/// characters (longer ones get their error object and the run goes on), binary or endless input ends with exit 3,
/// nothing of a line is repeated, and progress goes to stderr only on a terminal.
/// </summary>
public class BatchCheckHostileInputTests
{
    private const string Nj = """{"jurisdiction":"NJ","conditions":["opioid-use-disorder"],"asOf":"2026-11-22"}""";

    private static readonly IEligibilityEngine Engine = EligibilityEngine.CreateDefault();

    [Fact]
    public void Run_LineOverTheLimit_GetsItsErrorObjectAndTheNextLineIsAnswered()
    {
        // 4 MB: sixty times the limit, read in pieces and never kept.
        var input = new ChainedReader(new StringReader(Nj + "\n{\"jurisdiction\":\"NJ\",\"conditions\":[\""), new RepeatingReader('x', 4_000_000), new StringReader("\"]}\n" + Nj + "\n"));
        var output = new StringWriter();

        var result = BatchCheck.Run(Engine, input, output);

        result.Should().Be(new BatchResult(3, 1));
        var lines = Lines(output);
        lines.Should().HaveCount(3);
        lines[1].GetProperty("line").GetInt32().Should().Be(2);
        lines[1].GetProperty("error").GetString().Should().Contain($"longer than {BatchCheck.MaxLineLength:N0} characters");
        lines[2].GetProperty("outcome").GetString().Should().Be("qualifies");
        output.ToString().Should().NotContain("xxxx");
    }

    [Fact]
    public void Run_LineExactlyAtTheLimit_IsRead()
    {
        var padded = Nj[..^1] + new string(' ', BatchCheck.MaxLineLength - Nj.Length) + "}";

        var result = BatchCheck.Run(Engine, new StringReader(padded + "\r\n"), new StringWriter());

        padded.Length.Should().Be(BatchCheck.MaxLineLength);
        result.Should().Be(new BatchResult(1, 0));
    }

    [Fact]
    public void Run_DevZero_EndsAsUnreadableInsteadOfGrowing()
    {
        var output = new StringWriter();

        var result = BatchCheck.Run(Engine, new ChainedReader(new StringReader(Nj + "\n"), new RepeatingReader('\0', int.MaxValue)), output);

        result.Lines.Should().Be(1);
        result.Unreadable.Should().Contain("line 2 holds a NUL character");
        Lines(output).Single().GetProperty("outcome").GetString().Should().Be("qualifies");
    }

    [Fact]
    public void Run_EndlessLineWithoutNul_EndsAsUnreadableWithinTheSkipLimit()
    {
        var endless = new RepeatingReader('a', int.MaxValue);
        var reader = new BoundedLineReader(endless, 64, maxSkipped: 1_000_000);

        var line = reader.Next();

        line!.Value.Kind.Should().Be(LineKind.Unreadable);
        line.Value.Problem.Should().Contain("no line break within 1,000,000 characters");
        endless.Served.Should().BeLessThan(1_100_000);
        reader.Next().Should().BeNull();
    }

    [Fact]
    public void Check_InputDevZero_ExitCode3WithOneClearLine()
    {
        if (!File.Exists("/dev/zero"))
        {
            return; // not on this platform; the reader test above covers the logic
        }

        var result = CliRunner.Run("check", "--input", "/dev/zero");

        result.ExitCode.Should().Be(BatchCheck.UnreadableInput);
        result.Stderr.Should().StartWith("error: line 1 holds a NUL character").And.Contain("UTF-8 text with one JSON query per line");
        result.Stderr.TrimEnd().Should().NotContain("\n");
    }

    [Fact]
    public void Check_InputMissingFile_ExitCode3()
    {
        var result = CliRunner.Run("check", "--input", "/nonexistent/queries.jsonl");

        result.ExitCode.Should().Be(BatchCheck.UnreadableInput);
        result.Stderr.Should().StartWith("error: cannot read --input");
    }

    [Theory]
    [InlineData("tPatient HIV+ on methadone")]
    [InlineData("""{"jurisdiction":"NJ","conditions":["HIV"],"asOf":"methadone"}""")]
    [InlineData("""{"jurisdiction":"HIV methadone","conditions":["HIV"]}""")]
    [InlineData("""{"HIV methadone":1,"jurisdiction":"NJ","conditions":["HIV"]}""")]
    public void Run_BadLine_ErrorNeverRepeatsTheLine(string line)
    {
        var output = new StringWriter();

        BatchCheck.Run(Engine, new StringReader(line), output);

        var error = Lines(output).Single().GetProperty("error").GetString();
        error.Should().NotContain("HIV").And.NotContain("methadone");
    }

    [Fact]
    public void Check_Input_NoProgressWhenStderrIsNotATerminal()
    {
        var path = Path.Combine(Path.GetTempPath(), "eligibility-progress-" + Guid.NewGuid().ToString("N") + ".jsonl");
        File.WriteAllLines(path, Enumerable.Repeat(Nj, 200));

        var result = CliRunner.Run("check", "--input", path);

        result.ExitCode.Should().Be(0);
        result.Stderr.Should().BeEmpty("stderr is redirected (a StringWriter), so no progress is shown");
    }

    [Fact]
    public void ProgressMeter_OnATerminal_RewritesOneLineAndEndsIt()
    {
        var terminal = new StringWriter();
        var meter = new ProgressMeter(terminal, TimeSpan.Zero);

        meter.Tick(1);
        meter.Tick(2);
        meter.Finish(2);

        var text = terminal.ToString();
        text.Should().StartWith("\r1 lines, ").And.Contain("\r2 lines, ").And.Contain(" lines/s").And.EndWith(Environment.NewLine);
        text.Count(c => c == '\n').Should().Be(1, "progress rewrites one line with \\r");
    }

    [Fact]
    public void ProgressMeter_NothingShown_WritesNothingAtTheEnd()
    {
        var terminal = new StringWriter();

        new ProgressMeter(terminal, TimeSpan.FromHours(1)).Finish(5);

        terminal.ToString().Should().BeEmpty();
    }

    private static List<JsonElement> Lines(StringWriter output) =>
        [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];

    /// <summary>One character, <c>count</c> times, without building the string.</summary>
    private sealed class RepeatingReader(char c, long count) : TextReader
    {
        public long Served { get; private set; }

        public override int Read(char[] buffer, int index, int length)
        {
            var n = (int)Math.Min(length, count - Served);
            buffer.AsSpan(index, n).Fill(c);
            Served += n;
            return n;
        }
    }

    private sealed class ChainedReader(params TextReader[] readers) : TextReader
    {
        private int _current;

        public override int Read(char[] buffer, int index, int count)
        {
            while (_current < readers.Length)
            {
                var n = readers[_current].Read(buffer, index, count);
                if (n > 0)
                {
                    return n;
                }

                _current++;
            }

            return 0;
        }
    }
}
