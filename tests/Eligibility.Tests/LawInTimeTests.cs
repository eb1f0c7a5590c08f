using System.Text.Json;
using System.Text.Json.Nodes;
using Eligibility.Tests.TestAssets;

namespace Eligibility.Tests;

public class LawInTimeTests
{
    private static readonly IEligibilityEngine Engine = EligibilityEngine.CreateDefault();

    public static TheoryData<string> Codes() => [.. DataFiles.AllCodes];

    [Theory]
    [MemberData(nameof(Codes))]
    public void History_EveryBoundaryOfEveryFocusCondition_AgreesWithEvaluateOnTheDayBeforeAndTheDayOf(string code)
    {
        foreach (var condition in new[] { "chronic-pain", "opioid-use-disorder", "opioid-withdrawal" })
        {
            var history = Engine.History(code, condition);
            history.Periods.Should().NotBeEmpty();
            for (var i = 0; i < history.Periods.Count; i++)
            {
                var period = history.Periods[i];
                if (i > 0)
                {
                    period.From.Should().Be(history.Periods[i - 1].Until, "periods are adjacent");
                }

                if (period.From is { } from)
                {
                    Outcome(code, condition, from).Should().Be(period.Outcome, $"{code} {condition} on the first day {from}");
                    if (i > 0)
                    {
                        Outcome(code, condition, from.AddDays(-1)).Should().Be(history.Periods[i - 1].Outcome, $"{code} {condition} on the day before {from}");
                    }
                }

                if (period.Until is { } until)
                {
                    Outcome(code, condition, until.AddDays(-1)).Should().Be(period.Outcome, $"{code} {condition} on the last day before {until}");
                }
            }

            history.Periods[^1].Until.Should().BeNull("the last period holds until further notice");
        }
    }

    [Fact]
    public void History_NewJersey_Oud_ShowsEachPeriodWithItsCitation()
    {
        var periods = Engine.History("NJ", "opioid use disorder").Periods;

        periods.Select(p => p.Outcome).Should().ContainInOrder(Eligibility.Outcome.NoProgram, Eligibility.Outcome.NotQualifying, Eligibility.Outcome.QualifiesWithRequirements, Eligibility.Outcome.Qualifies);
        periods[^1].From.Should().Be(new DateOnly(2019, 7, 2));
        periods[^1].Citation.Should().Contain("24:6I-3");
    }

    [Fact]
    public void History_UnrecognisedCondition_ArgumentException()
    {
        Engine.Invoking(e => e.History("NJ", "xyzzy")).Should().Throw<ArgumentException>().WithMessage("*not a condition*");
    }

    [Fact]
    public void Diff_SyntheticChanges_EachReportedOnItsDayWithCitation()
    {
        var file = DataFiles.Minimal();
        file["programs"]![0]!["from"] = "2015-01-01";
        file["conditions"]![0]!["from"] = "2019-01-01";
        file["conditions"]![0]!["until"] = "2021-01-01";
        var changed = file["conditions"]![0]!.DeepClone();
        changed["from"] = "2021-01-01";
        changed["until"] = null;
        changed["qualifiers"] = new JsonArray(new JsonObject { ["kind"] = "severe" });
        file["conditions"]!.AsArray().Add(changed);
        file["practitionerDiscretion"] = new JsonArray(
            Dated(file["practitionerDiscretion"]![0]!, null, "2023-06-01", false),
            Dated(file["practitionerDiscretion"]![0]!, "2023-06-01", null, true));
        var engine = EligibilityEngine.Create(new EligibilityOptions { DataDirectory = DataFiles.TempDirectory(("zz.json", DataFiles.Bytes(file))) });

        var changes = engine.Diff(new DateOnly(2014, 1, 1), new DateOnly(2026, 1, 1));

        changes.Select(c => (c.Kind, c.Date)).Should().Equal(
            (LawChangeKind.ProgramStarted, new DateOnly(2015, 1, 1)),
            (LawChangeKind.ConditionAdded, new DateOnly(2019, 1, 1)),
            (LawChangeKind.ConditionChanged, new DateOnly(2021, 1, 1)),
            (LawChangeKind.DiscretionGranted, new DateOnly(2023, 6, 1)));
        changes.Should().OnlyContain(c => c.Citation.Length > 0 && c.SourceUrl.StartsWith("http"));
        engine.Diff(new DateOnly(2018, 12, 31), new DateOnly(2019, 1, 1)).Should().ContainSingle(c => c.Kind == LawChangeKind.ConditionAdded, "the day of the change is included");
        engine.Diff(new DateOnly(2019, 1, 1), new DateOnly(2019, 1, 2)).Should().BeEmpty("the day after the change sees no change");
    }

    [Fact]
    public void Diff_ToBeforeFrom_ArgumentException()
    {
        Engine.Invoking(e => e.Diff(new DateOnly(2026, 1, 1), new DateOnly(2019, 1, 1))).Should().Throw<ArgumentException>().WithMessage("*before the start date*");
    }

    [Fact]
    public void Diff_AllJurisdictions_IncludesTexasChronicPainOnItsEffectiveDate()
    {
        Engine.Diff(new DateOnly(2019, 1, 1), new DateOnly(2026, 11, 22))
            .Should().Contain(c => c.Jurisdiction == "TX" && c.Condition == "chronic-pain" && c.Kind == LawChangeKind.ConditionAdded && c.Date == new DateOnly(2025, 9, 1));
    }

    [Fact]
    public void Recheck_DecisionFrom2019_ReportsTheChangeAfterAJsonRoundTrip()
    {
        var before = Engine.Evaluate(new EligibilityQuery { Jurisdiction = "NJ", Conditions = ["opioid-use-disorder"], AsOf = new DateOnly(2019, 1, 1) });
        var json = JsonSerializer.Serialize(before, EligibilityJsonContext.Default.EligibilityDecision);
        var parsed = JsonSerializer.Deserialize(json, EligibilityJsonContext.Default.EligibilityDecision)!;

        var recheck = Engine.Recheck(parsed, new DateOnly(2026, 11, 22));

        recheck.Changed.Should().BeTrue();
        recheck.PreviousOutcome.Should().Be(Eligibility.Outcome.QualifiesWithRequirements);
        recheck.Outcome.Should().Be(Eligibility.Outcome.Qualifies);
        recheck.Reasons.Should().Contain(r => r.Contains("24:6I-3"));
        Engine.Recheck(parsed, new DateOnly(2019, 1, 1)).Changed.Should().BeFalse("the same date gives the same decision");
    }

    private static Outcome Outcome(string code, string condition, DateOnly day) =>
        Engine.Evaluate(new EligibilityQuery { Jurisdiction = code, Conditions = [condition], AsOf = day }).Conditions[0].Outcome;

    private static JsonNode Dated(JsonNode template, string? from, string? until, bool allowed)
    {
        var node = template.DeepClone();
        node["from"] = from;
        node["until"] = until;
        node["allowed"] = allowed;
        return node;
    }
}
