using System.Globalization;
using Eligibility.Tests.TestAssets;

namespace Eligibility.Tests.Jurisdictions;

/// <summary>
/// Every jurisdiction's focus conditions pinned from focus-pins.tsv: today's outcome and citation, 2019-01-01, and the
/// day before and the day of each change since 2018. A data change that moves any of them fails here first.
/// </summary>
public class FocusConditionPinTests
{
    private static readonly IEligibilityEngine Engine = EligibilityEngine.CreateDefault();

    public static TheoryData<string, string, string, string, string> Pins()
    {
        var data = new TheoryData<string, string, string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Jurisdictions", "focus-pins.tsv")))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            var f = line.Split('\t');
            data.Add(f[0], f[1], f[2], f[3], f[4]);
        }

        return data;
    }

    [Fact]
    public void Pins_CoverEveryJurisdictionAndFocusCondition()
    {
        var pins = Pins().Select(p => ((string)p[0], (string)p[1])).Distinct().ToList();

        pins.Should().HaveCount(DataFiles.AllCodes.Length * 3);
    }

    [Theory]
    [MemberData(nameof(Pins))]
    public void Evaluate_PinnedFocusCondition_SameOutcomeAndCitation(string code, string condition, string asOf, string outcome, string citation)
    {
        var decision = Engine.Evaluate(new EligibilityQuery { Jurisdiction = code, Conditions = [condition], AsOf = DateOnly.Parse(asOf, CultureInfo.InvariantCulture) });
        var result = decision.Conditions.Single();

        System.Text.Json.JsonSerializer.Serialize(result.Outcome, EligibilityJsonContext.Default.Outcome).Trim('"').Should().Be(outcome);
        (result.Citation ?? "").Should().StartWith(citation);
    }
}
