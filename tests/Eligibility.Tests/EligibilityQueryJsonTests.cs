namespace Eligibility.Tests;

public class EligibilityQueryJsonTests
{
    [Fact]
    public void Parse_FullQuery_ReadsEveryProperty()
    {
        var query = EligibilityQueryJson.Parse("""{"jurisdiction":"PA","conditions":["dope sick"],"asOf":"2019-01-01","age":17,"visitor":true,"medications":["methadone"],"attested":["intractable"],"durationMonths":7,"explain":true}""");

        query.Should().BeEquivalentTo(new EligibilityQuery
        {
            Jurisdiction = "PA", Conditions = ["dope sick"], AsOf = new DateOnly(2019, 1, 1), Age = 17, Visitor = true,
            Medications = ["methadone"], Attested = [QualifierKind.Intractable], DurationMonths = 7, Explain = true,
        });
    }

    [Fact]
    public void Parse_WithoutOptionalLists_TheyAreEmpty()
    {
        var query = EligibilityQueryJson.Parse(EligibilityQueryJson.Example);

        query.Medications.Should().BeEmpty();
        query.Attested.Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"jurisdicton":"NJ","conditions":["cancer"]}""", "unknown property (did you mean 'jurisdiction'?) at $ (line 1); use jurisdiction, conditions,")]
    [InlineData("""{"conditions":["cancer"]}""", "jurisdiction is missing; jurisdiction and conditions are required")]
    [InlineData("""{"jurisdiction":"NJ","conditions":["cancer"],"asOf":"2019-13-01"}""", "asOf must be a date string YYYY-MM-DD")]
    [InlineData("""{"jurisdiction":"NJ","conditions":["cancer"],"attested":["sortof"]}""", "each item of attested must be a qualifier name: intractable,")]
    [InlineData("""{"jurisdiction":null,"conditions":["cancer"]}""", "jurisdiction must be a USPS code")]
    [InlineData("null", "expected a JSON object, found null.")]
    [InlineData("[1,2]", "expected a JSON object, found an array at $ (line 1)")]
    [InlineData("{", "malformed JSON")]
    public void Parse_BadJson_FormatExceptionSayingWhatToSend(string json, string expected)
    {
        var act = () => EligibilityQueryJson.Parse(json);

        act.Should().Throw<FormatException>().Which.Message.Should().Contain(expected);
    }

    [Fact]
    public async Task ParseAsync_Stream_SameRulesAsParse()
    {
        using var good = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(EligibilityQueryJson.Example));
        using var bad = new MemoryStream("""{"jurisdicton":"NJ"}"""u8.ToArray());

        (await EligibilityQueryJson.ParseAsync(good)).Jurisdiction.Should().Be("NJ");
        await FluentActions.Awaiting(async () => await EligibilityQueryJson.ParseAsync(bad)).Should().ThrowAsync<FormatException>().WithMessage("*unknown property (did you mean 'jurisdiction'?)*");
    }
}
