using System.Text.Json;

namespace Eligibility.Tests;

/// <summary>
/// Every hostile or broken query has defined behaviour: either a decision, or an <see cref="ArgumentException"/>
/// whose message says what to send instead. Never another exception type.
/// </summary>
public class HostileQueryTests
{
    private static readonly IEligibilityEngine Engine = EligibilityEngine.CreateDefault();
    private static readonly DateOnly Day = new(2026, 11, 22);
    private static readonly string Megabyte = new('x', 1 << 20);

    private static EligibilityQuery Query(string state = "NY", params string[] conditions) =>
        new() { Jurisdiction = state, Conditions = conditions.Length == 0 ? ["cancer"] : conditions, AsOf = Day };

    private static ArgumentException Rejects(EligibilityQuery query, string expected)
    {
        var act = () => Engine.Evaluate(query);
        var e = act.Should().Throw<ArgumentException>().Which;
        e.Message.Should().Contain(expected);
        e.Message.Should().MatchRegex("(send|Send)", "the message says what to send instead");
        e.Message.Should().NotContainAny(["\n", "\r", "\u0007", "\u001b"], "the message is one clean line");
        e.Message.Length.Should().BeLessThan(1000, "a hostile input is never echoed in full");
        return e;
    }

    // --- null and empty fields -----------------------------------------------------------------------------------

    [Fact]
    public void Evaluate_NullQuery_ArgumentNullException()
    {
        Engine.Invoking(e => e.Evaluate(null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Evaluate_NullJurisdiction_ArgumentException() => Rejects(Query() with { Jurisdiction = null! }, "A jurisdiction is required");

    [Fact]
    public void Evaluate_NullConditionsList_ArgumentException() => Rejects(Query() with { Conditions = null! }, "Conditions is null");

    [Fact]
    public void Evaluate_EmptyConditionsList_ArgumentException() => Rejects(Query() with { Conditions = [] }, "At least one condition is required");

    [Fact]
    public void Evaluate_NullConditionString_ArgumentException() => Rejects(Query("NY", "cancer", null!), "Condition 2 is empty");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Evaluate_BlankConditionString_ArgumentException(string condition) => Rejects(Query("NY", condition), "Condition 1 is empty");

    [Fact]
    public void Evaluate_NullMedications_TreatedAsNone()
    {
        // Null means none: a query read from JSON without "medications" must be decided (see Issues/).
        Engine.Evaluate(Query() with { Medications = null! }).Outcome.Should().Be(Outcome.Qualifies);
    }

    [Fact]
    public void Evaluate_NullMedicationName_ArgumentException()
    {
        // Regression: a lone null name reached the methadone advisory rule and failed as a RuleExecutionException.
        Rejects(Query() with { Medications = [null!] }, "Medication 1 is empty");
        Rejects(Query() with { Medications = ["methadone", null!] }, "Medication 2 is empty");
    }

    [Fact]
    public void Evaluate_NullAttested_TreatedAsNone()
    {
        Engine.Evaluate(Query() with { Attested = null! }).Outcome.Should().Be(Outcome.Qualifies);
    }

    [Fact]
    public void Evaluate_UndefinedQualifier_ArgumentException() => Rejects(Query() with { Attested = [(QualifierKind)999] }, "not a qualifier");

    [Fact]
    public void Evaluate_EmptyMedications_Decides()
    {
        Engine.Evaluate(Query() with { Medications = [], Attested = [] }).Outcome.Should().Be(Outcome.Qualifies);
    }

    // --- sizes ---------------------------------------------------------------------------------------------------

    [Fact]
    public void Evaluate_TenThousandConditions_ArgumentException()
    {
        var many = Enumerable.Range(0, 10_000).Select(i => $"condition {i}").ToArray();

        Rejects(Query("NY", many), $"send at most {EligibilityQuery.MaxConditions}");
    }

    [Fact]
    public void Evaluate_MaxConditions_Decides()
    {
        var many = Enumerable.Repeat("chronic pain", EligibilityQuery.MaxConditions).ToArray();

        Engine.Evaluate(Query("NY", many)).Conditions.Should().HaveCount(EligibilityQuery.MaxConditions);
    }

    [Fact]
    public void Evaluate_OneMegabyteCondition_ArgumentException()
    {
        Rejects(Query("NY", Megabyte), $"send at most {EligibilityQuery.MaxConditionLength}").Message.Should().NotContain("xxxxxxxxxx");
    }

    [Fact]
    public void Evaluate_OneMegabyteMedication_ArgumentException() => Rejects(Query() with { Medications = [Megabyte] }, "characters long");

    [Fact]
    public void Evaluate_TenThousandMedications_ArgumentException() => Rejects(Query() with { Medications = [.. Enumerable.Repeat("aspirin", 10_000)] }, $"send at most {EligibilityQuery.MaxMedications}");

    [Fact]
    public void Evaluate_OneMegabyteJurisdiction_ArgumentExceptionWithoutEchoingIt()
    {
        Rejects(Query(Megabyte), "Unknown jurisdiction").Message.Should().NotContain(new string('x', 30));
    }

    [Fact]
    public void Evaluate_ConditionAtTheLengthLimit_Decides()
    {
        var decision = Engine.Evaluate(Query("NY", new string('y', EligibilityQuery.MaxConditionLength)));

        decision.Conditions.Single().Outcome.Should().Be(Outcome.UnknownCondition);
    }

    // --- control characters --------------------------------------------------------------------------------------

    [Theory]
    [InlineData("cancer\u0000")]
    [InlineData("can\u0007cer")]
    [InlineData("\u001b[31mcancer")]
    [InlineData("chronic\npain")]
    [InlineData("can\u0085cer")]
    public void Evaluate_ControlCharacterInCondition_ArgumentException(string condition)
    {
        Rejects(Query("NY", condition), "control character");
    }

    [Fact]
    public void Evaluate_SurroundingWhitespaceInCondition_IsTrimmed()
    {
        Engine.Evaluate(Query("NY", "  cancer\t\n")).Conditions.Single().Condition.Should().Be("cancer");
    }

    [Fact]
    public void Evaluate_ControlCharacterInMedication_ArgumentException() => Rejects(Query() with { Medications = ["metha\u0000done"] }, "control character");

    [Theory]
    [InlineData("N\u0000Y")]
    [InlineData("\u001b[2J")]
    [InlineData("NY\nNJ")]
    public void Evaluate_ControlCharacterInJurisdiction_ArgumentExceptionWithoutTheCharacter(string code)
    {
        Rejects(Query(code), "Unknown jurisdiction");
    }

    [Theory]
    [InlineData("💊 chronic pain 🌿")]
    [InlineData("\ud800")]
    [InlineData("ﬁbromyalgia")]
    [InlineData("CHRONIC PAIN")]
    [InlineData("' OR 1=1 --")]
    [InlineData("<script>alert(1)</script>")]
    public void Evaluate_OddButPrintableCondition_Decides(string condition)
    {
        var decision = Engine.Evaluate(Query("NY", condition));

        decision.Conditions.Single().Input.Should().Be(condition);
        JsonSerializer.Serialize(decision, EligibilityJsonContext.Default.EligibilityDecision).Should().NotBeEmpty();
    }

    // --- ages ----------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(-1)]
    [InlineData(131)]
    [InlineData(200)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void Evaluate_ImpossibleAge_ArgumentException(int age) => Rejects(Query() with { Age = age }, "send an age from 0 to 130");

    [Theory]
    [InlineData(0)]
    [InlineData(130)]
    public void Evaluate_AgeAtTheLimits_Decides(int age)
    {
        Engine.Evaluate(Query() with { Age = age }).Jurisdiction.Should().Be("NY");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void Evaluate_ImpossibleDuration_ArgumentException(int months) => Rejects(Query() with { DurationMonths = months }, "send 0 to 1200");

    // --- dates ---------------------------------------------------------------------------------------------------

    [Fact]
    public void Evaluate_YearOne_NoProgramBeforeAnyProgram()
    {
        var decision = Engine.Evaluate(Query("NY", "cancer", "chronic pain") with { AsOf = DateOnly.MinValue, Age = 40, Medications = ["methadone"], Explain = true });

        decision.AsOf.Should().Be(DateOnly.MinValue);
        decision.Outcome.Should().Be(Outcome.NoProgram);
        JsonSerializer.Serialize(decision, EligibilityJsonContext.Default.EligibilityDecision).Should().Contain("\"asOf\":\"0001-01-01\"");
    }

    [Fact]
    public void Evaluate_Year9999_DecidesWithADataAgeAdvisory()
    {
        var decision = Engine.Evaluate(Query("NJ", "opioid use disorder", "opioid-withdrawal") with { AsOf = DateOnly.MaxValue, Age = 17, Visitor = true, Explain = true });

        decision.AsOf.Should().Be(DateOnly.MaxValue);
        decision.Outcome.Should().NotBe(Outcome.NoProgram);
        decision.Advisories.Should().Contain(a => a.Code == "data-age");
    }

    [Fact]
    public void Scan_AtBothEndsOfTime_OneDecisionPerJurisdiction()
    {
        // A program period whose start the data does not record ("from": null, "since the program began") holds on
        // every earlier day, so only jurisdictions whose every program period has a start date are sure to say no-program.
        var dated = Engine.Jurisdictions.Where(j => j.Programs.All(p => p.Range.From is not null)).Select(j => j.Code).ToHashSet();

        var first = Engine.Scan("chronic pain", DateOnly.MinValue);

        first.Should().HaveCount(Engine.Jurisdictions.Count);
        first.Where(d => dated.Contains(d.Jurisdiction)).Should().OnlyContain(d => d.Outcome == Outcome.NoProgram);
        dated.Should().HaveCountGreaterThan(40);
        Engine.Scan("chronic pain", DateOnly.MaxValue).Should().HaveCount(Engine.Jurisdictions.Count);
    }

    [Fact]
    public void Kratom_AtBothEndsOfTime_Answers()
    {
        Engine.Kratom("TX", DateOnly.MinValue).AsOf.Should().Be(DateOnly.MinValue);
        Engine.Kratom("TX", DateOnly.MaxValue).AsOf.Should().Be(DateOnly.MaxValue);
    }

    // --- jurisdictions -------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("ny")]
    [InlineData("nY")]
    [InlineData("  NY  ")]
    [InlineData("\tny\n")]
    public void Evaluate_JurisdictionInAnyCaseWithWhitespace_Decides(string code)
    {
        Engine.Evaluate(Query(code)).Jurisdiction.Should().Be("NY");
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("NYC")]
    [InlineData("New Yrok")]
    [InlineData("ＮＹ")]
    public void Evaluate_UnknownJurisdiction_ArgumentExceptionListingTheCodes(string code)
    {
        Rejects(Query(code), "Send a USPS code such as NY").Message.Should().Contain("WY");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Evaluate_BlankJurisdiction_ArgumentException(string code) => Rejects(Query(code), "A jurisdiction is required");

    // --- Scan and Kratom -----------------------------------------------------------------------------------------

    [Fact]
    public void Scan_NullCondition_ArgumentException()
    {
        Engine.Invoking(e => e.Scan(null!)).Should().Throw<ArgumentException>().WithMessage("*empty*send*");
    }

    [Fact]
    public void Scan_OneMegabyteCondition_ArgumentException()
    {
        Engine.Invoking(e => e.Scan(Megabyte)).Should().Throw<ArgumentException>().WithMessage($"*send at most {EligibilityQuery.MaxConditionLength}*");
    }

    [Fact]
    public void Scan_ControlCharacter_ArgumentException()
    {
        Engine.Invoking(e => e.Scan("pain\u0000")).Should().Throw<ArgumentException>().WithMessage("*control character*");
    }

    [Fact]
    public void Kratom_NullOrUnknownJurisdiction_ArgumentException()
    {
        Engine.Invoking(e => e.Kratom(null!)).Should().Throw<ArgumentException>().WithMessage("*A jurisdiction is required*");
        Engine.Invoking(e => e.Kratom("\u001b[2J")).Should().Throw<ArgumentException>().Which.Message.Should().NotContain("\u001b");
    }

    [Fact]
    public void Evaluate_CancelledToken_OperationCanceledException()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Engine.Invoking(e => e.Evaluate(Query(), cts.Token)).Should().Throw<OperationCanceledException>();
    }
}
