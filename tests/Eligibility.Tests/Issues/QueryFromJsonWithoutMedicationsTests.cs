using System.Text.Json;

namespace Eligibility.Tests.Issues;

/// <summary>
/// A query read with <see cref="EligibilityJsonContext"/> from JSON without "medications" or "attested" held null
/// for them (the source-generated deserializer sets every init-only property, dropping the [] defaults), and the
/// engine rejected it: "Medications and Attested may be empty but not null". The properties now turn null into empty.
/// </summary>
public class QueryFromJsonWithoutMedicationsTests
{
    [Fact]
    public void Deserialize_WithoutMedicationsOrAttested_BothEmptyAndTheQueryIsDecided()
    {
        var query = JsonSerializer.Deserialize("""{"jurisdiction":"NJ","conditions":["opioid-use-disorder"],"asOf":"2026-11-22"}""", EligibilityJsonContext.Default.EligibilityQuery)!;

        query.Medications.Should().BeEmpty();
        query.Attested.Should().BeEmpty();
        EligibilityEngine.CreateDefault().Evaluate(query).Outcome.Should().Be(Outcome.Qualifies);
    }

    [Fact]
    public void Init_Null_BecomesEmpty()
    {
        var query = new EligibilityQuery { Jurisdiction = "NJ", Conditions = ["cancer"], Medications = null!, Attested = null! };

        query.Medications.Should().BeEmpty();
        query.Attested.Should().BeEmpty();
    }
}
