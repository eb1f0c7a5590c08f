using System.Text;

namespace Eligibility.Tests.Issues;

/// <summary>
/// Issue 14 (hostile clients), the library's side: EligibilityQueryJson read a whole 28 MB array of 7 million
/// conditions (400 MB) before the 50-item limit was checked, echoed the client's text in its messages ("'tPatient HIV+
/// on methadone' is an invalid JSON literal", a 100 KB unknown property name, "'ZQX&lt;script&gt;' is not a date"),
/// answered the last of two "jurisdiction" properties, and took <c>"attested":[0]</c> as a qualifier. The engine
/// echoed an unknown jurisdiction.
/// </summary>
public class Issue14HostileQueryJsonTests
{
    [Fact]
    public void Parse_51Conditions_StopsAtItem51WithPathAndLimit()
    {
        var json = $$"""{"jurisdiction":"NJ","conditions":[{{string.Join(',', Enumerable.Repeat("\"pain\"", 51))}}]}""";

        var act = () => EligibilityQueryJson.Parse(json);

        act.Should().Throw<FormatException>().Which.Message.Should().Contain("$.conditions[50]").And.Contain("at most 50");
    }

    [Fact]
    public async Task ParseAsync_SevenMillionConditions_StopsReadingAtTheSizeLimit()
    {
        using var body = new CountingStream(Encoding.UTF8.GetBytes("""{"jurisdiction":"NJ","conditions":["""), Encoding.UTF8.GetBytes("\"a\","), 7_000_000);

        var act = async () => await EligibilityQueryJson.ParseAsync(body);

        (await act.Should().ThrowAsync<FormatException>()).Which.Message.Should().Contain($"longer than {EligibilityQueryJson.MaxBytes:N0} bytes");
        body.BytesRead.Should().BeLessThanOrEqualTo(EligibilityQueryJson.MaxBytes + 1);
    }

    [Fact]
    public void Parse_LongerThanTheLimit_FormatExceptionWithoutReadingIt()
    {
        var act = () => EligibilityQueryJson.Parse(new string(' ', EligibilityQueryJson.MaxBytes + 1) + EligibilityQueryJson.Example);

        act.Should().Throw<FormatException>().WithMessage("*longer than*");
    }

    [Theory]
    [InlineData("tPatient HIV+ on methadone", "HIV")]
    [InlineData("""{"jurisdiction":"NJ","conditions":["HIV"],"asOf":"ZQX<script>"}""", "ZQX")]
    [InlineData("""{"jurisdiction":"NJ","conditions":["HIV"],"age":"forty two"}""", "forty")]
    [InlineData("""{"jurisdiction":"NJ","conditions":[HIV]}""", "HIV")]
    [InlineData("""{"jurisdiction":"NJ","conditions":["HIV"],"attested":["methadone"]}""", "methadone")]
    [InlineData("""{"jurisdiction":"NJ","conditions":["HIV"],"hivPositive":true}""", "hiv")]
    [InlineData("""{"jurisdiction":"NJ","conditions":["HIV"]} methadone""", "methadone")]
    public void Parse_BadInput_MessageNeverRepeatsTheText(string json, string sent)
    {
        var act = () => EligibilityQueryJson.Parse(json);

        var message = act.Should().Throw<FormatException>().Which.Message;
        message.Should().NotContainEquivalentOf(sent);
        message.Should().MatchRegex(@"line \d+");
    }

    [Fact]
    public void Parse_100KilobyteUnknownPropertyName_NotEchoed()
    {
        var name = new string('q', 100_000);

        var message = FluentActions.Invoking(() => EligibilityQueryJson.Parse($$"""{"{{name}}":1,"jurisdiction":"NJ","conditions":["cancer"]}"""))
            .Should().Throw<FormatException>().Which.Message;

        message.Should().NotContain("qqqq").And.Contain("unknown property");
        message.Length.Should().BeLessThan(400);
    }

    [Fact]
    public void Parse_DuplicateJurisdiction_Rejected()
    {
        var act = () => EligibilityQueryJson.Parse("""{"jurisdiction":"NJ","jurisdiction":"TX","conditions":["chronic pain"]}""");

        act.Should().Throw<FormatException>().WithMessage("jurisdiction appears more than once (send each property once) at $.jurisdiction (line 1).");
    }

    [Theory]
    [InlineData("""[0]""")]
    [InlineData("""[null]""")]
    [InlineData("""["Intractable"]""")]
    public void Parse_AttestedNotAQualifierName_Rejected(string attested)
    {
        var act = () => EligibilityQueryJson.Parse($$"""{"jurisdiction":"NJ","conditions":["chronic pain"],"attested":{{attested}}}""");

        act.Should().Throw<FormatException>().WithMessage("each item of attested must be a qualifier name*$.attested[0]*");
    }

    [Fact]
    public void Parse_ErrorOnALaterLine_NamesThatLine()
    {
        var act = () => EligibilityQueryJson.Parse("{\n\"jurisdiction\": \"NJ\",\n\"conditions\": [\"cancer\"],\n\"age\": 1.5\n}");

        act.Should().Throw<FormatException>().WithMessage("age must be a whole number*$.age (line 4)*");
    }

    [Fact]
    public void Parse_NullMedicationsAndAsOf_MeanNone()
    {
        var query = EligibilityQueryJson.Parse("""{"jurisdiction":"NJ","conditions":["cancer"],"medications":null,"attested":null,"asOf":null,"age":null}""");

        query.Medications.Should().BeEmpty();
        query.Attested.Should().BeEmpty();
        query.AsOf.Should().BeNull();
    }

    [Fact]
    public async Task ParseAsync_ByteOrderMark_Accepted()
    {
        using var body = new MemoryStream([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(EligibilityQueryJson.Example)]);

        (await EligibilityQueryJson.ParseAsync(body)).Jurisdiction.Should().Be("NJ");
    }

    [Theory]
    [InlineData("ZQX<script>")]
    [InlineData("New Jersey please")]
    public void Evaluate_UnknownJurisdiction_MessageDoesNotEchoIt(string code)
    {
        var act = () => EligibilityEngine.CreateDefault().Evaluate(new EligibilityQuery { Jurisdiction = code, Conditions = ["cancer"] });

        act.Should().Throw<ArgumentException>().Which.Message.Should().StartWith("Unknown jurisdiction").And.NotContain(code).And.Contain("NJ");
    }

    /// <summary>A body of a head, one item repeated, never closed: counts what the reader takes.</summary>
    private sealed class CountingStream(byte[] head, byte[] item, int repeats) : Stream
    {
        private long _position;

        public long BytesRead => _position;

        private long Length_ => head.Length + (long)item.Length * repeats;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = 0;
            while (n < count && _position < Length_)
            {
                buffer[offset + n++] = _position < head.Length ? head[_position] : item[(_position - head.Length) % item.Length];
                _position++;
            }

            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
