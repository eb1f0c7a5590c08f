using Eligibility.Tests.TestAssets;

namespace Eligibility.Tests;

public class EligibilityEngineTests
{
    private static readonly IEligibilityEngine Engine = EligibilityEngine.CreateDefault();
    private static readonly DateOnly Day = new(2026, 11, 22);

    private static EligibilityQuery Query(string state, params string[] conditions) => new() { Jurisdiction = state, Conditions = conditions, AsOf = Day };

    [Fact]
    public void CreateDefault_LoadsTheEmbeddedLawForEveryJurisdiction()
    {
        Engine.Jurisdictions.Select(j => j.Code).Should().Equal(DataFiles.AllCodes);
        Engine.DataVersion.Should().MatchRegex("^[0-9a-f]{16}$");
    }

    [Fact]
    public void Evaluate_Decision_CarriesDataVersionAndExplanationInOrder()
    {
        var decision = Engine.Evaluate(Query("NJ", "opioid-use-disorder"));

        decision.Data.Version.Should().Be(Engine.Jurisdictions.Single(j => j.Code == "NJ").DataVersion);
        decision.Explanation.Select(s => s.Step).Should().BeInAscendingOrder().And.StartWith(1);
        decision.Explanation.Should().Contain(s => s.RuleId == "condition-listed" && s.Citation!.Contains("24:6I-3"));
        decision.Explanation.Last().RuleId.Should().Be("overall-outcome");
        decision.Explanation.Last().Uses.Should().NotBeEmpty("the overall outcome is derived from the condition results");
    }

    [Theory]
    [InlineData(" ny ")]
    [InlineData("Ny")]
    public void Evaluate_JurisdictionInAnyCaseWithSpaces_Accepted(string code)
    {
        Engine.Evaluate(Query(code, "cancer")).Jurisdiction.Should().Be("NY");
    }

    [Theory]
    [InlineData("XX", "Unknown jurisdiction")]
    [InlineData("", "A jurisdiction is required")]
    [InlineData("New York", "Unknown jurisdiction")]
    public void Evaluate_BadJurisdiction_ArgumentExceptionSayingWhatToSend(string code, string expected)
    {
        var act = () => Engine.Evaluate(Query(code, "cancer"));

        act.Should().Throw<ArgumentException>().Where(e => e.Message.Contains(expected) && e.Message.Contains("USPS code"));
    }

    [Fact]
    public void Evaluate_NoConditions_ArgumentException()
    {
        Engine.Invoking(e => e.Evaluate(Query("NY"))).Should().Throw<ArgumentException>().WithMessage("*At least one condition*");
    }

    [Fact]
    public void Evaluate_TooManyConditions_ArgumentException()
    {
        var many = Enumerable.Repeat("cancer", EligibilityQuery.MaxConditions + 1).ToArray();

        Engine.Invoking(e => e.Evaluate(Query("NY", many))).Should().Throw<ArgumentException>().WithMessage($"*at most {EligibilityQuery.MaxConditions}*");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(200)]
    public void Evaluate_ImpossibleAge_ArgumentException(int age)
    {
        Engine.Invoking(e => e.Evaluate(Query("NY", "cancer") with { Age = age })).Should().Throw<ArgumentException>().WithMessage("*0 to 130*");
    }

    [Fact]
    public void Evaluate_UnrecognisedCondition_UnknownConditionNotAnError()
    {
        var decision = Engine.Evaluate(Query("NY", "broken arm"));

        decision.Conditions.Single().Outcome.Should().Be(Outcome.UnknownCondition);
        decision.Conditions.Single().Condition.Should().BeNull();
        decision.Outcome.Should().Be(Outcome.UnknownCondition);
    }

    [Fact]
    public void Evaluate_NoAsOf_UsesTodayFromTheTimeProvider()
    {
        var engine = EligibilityEngine.Create(new EligibilityOptions { TimeProvider = new FixedTime(new DateTimeOffset(2019, 1, 1, 12, 0, 0, TimeSpan.Zero)) });

        var decision = engine.Evaluate(new EligibilityQuery { Jurisdiction = "NJ", Conditions = ["opioid-use-disorder"] });

        decision.AsOf.Should().Be(new DateOnly(2019, 1, 1));
        decision.Conditions.Single().Outcome.Should().Be(Outcome.QualifiesWithRequirements, "on 2019-01-01 NJ admitted OUD only with a qualifier");
    }

    [Fact]
    public void Evaluate_AdditionalRule_FiresAlongsideTheStandardRules()
    {
        var engine = EligibilityEngine.Create(new EligibilityOptions { AdditionalRules = { new SecondOpinionForYoungAdultsRule() } });

        var decision = engine.Evaluate(Query("NY", "cancer") with { Age = 19 });

        decision.Requirements.Should().Contain(r => r.Text == "clinic policy: a second practitioner reviews patients under 21");
        decision.Outcome.Should().Be(Outcome.QualifiesWithRequirements);
        decision.Explanation.Should().Contain(s => s.RuleId == "clinic-second-opinion");
    }

    [Fact]
    public void Evaluate_ExplainMode_ListsNearMisses()
    {
        var decision = Engine.Evaluate(Query("NJ", "opioid-use-disorder") with { Explain = true });

        decision.NearMisses.Should().Contain(n => n.RuleId == "practitioner-discretion" && n.Failed.Contains("a practitioner may certify unlisted conditions for this patient"));
        Engine.Evaluate(Query("NJ", "opioid-use-disorder")).NearMisses.Should().BeNull();
    }

    [Fact]
    public void Scan_OneConditionEverywhere_OneDecisionPerJurisdictionEachWithCitationOrLawUnknown()
    {
        foreach (var condition in new[] { "chronic-pain", "opioid-use-disorder", "opioid-withdrawal" })
        {
            var decisions = Engine.Scan(condition, Day);

            decisions.Select(d => d.Jurisdiction).Should().Equal(DataFiles.AllCodes);
            foreach (var decision in decisions)
            {
                var result = decision.Conditions.Single();
                (result.Citation is not null || result.Outcome == Outcome.LawUnknown).Should().BeTrue($"{decision.Jurisdiction} {condition} needs a citation or an explicit law-unknown");
            }
        }
    }

    [Fact]
    public void Kratom_AnswersWithCitation()
    {
        var answer = Engine.Kratom("tx", Day);

        answer.Jurisdiction.Should().Be("TX");
        answer.Status.Should().Be(KratomStatus.Regulated);
        answer.Citation.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void Evaluate_SameQuery_SameDecision()
    {
        var query = Query("PA", "opioid-withdrawal", "chronic-pain") with { Age = 16, Medications = ["suboxone"] };

        var a = System.Text.Json.JsonSerializer.Serialize(Engine.Evaluate(query), EligibilityJsonContext.Default.EligibilityDecision);
        var b = System.Text.Json.JsonSerializer.Serialize(Engine.Evaluate(query), EligibilityJsonContext.Default.EligibilityDecision);

        a.Should().Be(b);
    }

    [Fact]
    public void Evaluate_OneTextNamingSeveralConditions_OneResultForEach()
    {
        var decision = Engine.Evaluate(Query("NJ", "OUD and chronic back pain"));

        decision.Conditions.Select(c => c.Condition).Should().Equal("opioid-use-disorder", "chronic-pain");
        decision.Conditions.Should().OnlyContain(c => c.Input == "OUD and chronic back pain");
    }

    [Theory]
    [InlineData("heroin addiction", "opioid-use-disorder")]
    [InlineData("dope sick", "opioid-withdrawal")]
    [InlineData("F11.23", "opioid-withdrawal")]
    [InlineData("opiod withdrawl", "opioid-withdrawal")]
    [InlineData("G89.29", "chronic-pain")]
    public void Evaluate_PatientAndClinicalPhrasing_ResolvedBeforeTheRules(string input, string expected)
    {
        Engine.Evaluate(Query("PA", input)).Conditions.Single().Condition.Should().Be(expected);
    }

    [Theory]
    [InlineData("no history of cancer", "negated")]
    [InlineData("mother had MS", "family history")]
    public void Evaluate_NegatedOrFamilyHistory_NeverMappedAndSaysWhy(string input, string reason)
    {
        var result = Engine.Evaluate(Query("NY", input)).Conditions.Single();

        result.Outcome.Should().Be(Eligibility.Outcome.UnknownCondition);
        result.Condition.Should().BeNull();
        result.Summary.Should().Contain(reason).And.Contain("never mapped");
    }
}
