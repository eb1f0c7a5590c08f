using Eligibility.Rules.Tests.TestAssets;

namespace Eligibility.Rules.Tests.Rules;

public class MinorPatientRuleTests
{
    [Fact]
    public void Evaluate_MinorWhereCaregiverAndSecondPractitionerRequired_QualifiesWithThoseRequirements()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Lists("epilepsy").Minors(true, caregiver: true, secondPractitioner: true).Build();

        var session = RuleRunner.Run(law, "2026-01-01", new PatientFact(12, false, []), [], null, "epilepsy");

        session.Overall().Should().Be(Outcome.QualifiesWithRequirements);
        session.Query<PatientRequirement>().Select(r => r.Text).Should().Contain(t => t.Contains("caregiver")).And.Contain(t => t.Contains("second practitioner"));
        session.ResultFor("epilepsy").Outcome.Should().Be(Outcome.Qualifies, "the condition itself still qualifies");
    }

    [Fact]
    public void Evaluate_MinorWhereMinorsCannotRegister_NotQualifyingOverall()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Lists("epilepsy").Minors(false, adultAge: 21).Build();

        var session = RuleRunner.Run(law, "2026-01-01", new PatientFact(20, false, []), [], null, "epilepsy");

        session.Overall().Should().Be(Outcome.NotQualifying);
        session.Query<PatientRequirement>().Single().Kind.Should().Be(RequirementKind.Blocking);
    }

    [Fact]
    public void Evaluate_PatientAtAdultAge_NoMinorRequirements()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Lists("epilepsy").Minors(true, caregiver: true).Build();

        var session = RuleRunner.Run(law, "2026-01-01", new PatientFact(18, false, []), [], null, "epilepsy");

        session.Query<PatientRequirement>().Should().BeEmpty();
        session.Overall().Should().Be(Outcome.Qualifies);
    }
}

public class VisitorResidencyRuleTests
{
    [Fact]
    public void Evaluate_VisitorWhereResidencyRequiredWithoutRoute_NotQualifying()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Lists("cancer").Residency(true, VisitorRoute.None).Build();

        var session = RuleRunner.Run(law, "2026-01-01", new PatientFact(40, true, []), [], null, "cancer");

        session.Overall().Should().Be(Outcome.NotQualifying);
        session.Query<OverallDecision>().Single().Summary.Should().Contain("residents");
    }

    [Theory]
    [InlineData(VisitorRoute.Reciprocity, "home state")]
    [InlineData(VisitorRoute.VisitorRegistration, "visitor card")]
    public void Evaluate_VisitorWithRoute_QualifiesWithTheRouteAsRequirement(VisitorRoute route, string expected)
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Lists("cancer").Residency(true, route).Build();

        var session = RuleRunner.Run(law, "2026-01-01", new PatientFact(40, true, []), [], null, "cancer");

        session.Overall().Should().Be(Outcome.QualifiesWithRequirements);
        session.Query<PatientRequirement>().Single().Text.Should().Contain(expected);
    }

    [Fact]
    public void Evaluate_ResidentOrNoResidencyRule_NoRequirement()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Lists("cancer").Residency(false, VisitorRoute.None).Build();

        RuleRunner.Run(law, "2026-01-01", new PatientFact(40, true, []), [], null, "cancer").Overall().Should().Be(Outcome.Qualifies);
    }
}

public class RegistrationStepsRuleTests
{
    [Fact]
    public void Evaluate_RegistrationStepsRecorded_ListedAsProcedureWithoutChangingTheOutcome()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Lists("cancer").Registration("certification by a registered practitioner", "registry enrolment").Build();

        var session = RuleRunner.Run(law, "2026-01-01", "cancer");

        session.Query<PatientRequirement>().Should().OnlyContain(r => r.Kind == RequirementKind.Procedure).And.HaveCount(2);
        session.Overall().Should().Be(Outcome.Qualifies);
    }
}

public class OpioidTreatmentMedicationAdvisoryRuleTests
{
    [Theory]
    [InlineData("methadone")]
    [InlineData("Suboxone 8mg")]
    [InlineData("BUPRENORPHINE")]
    [InlineData("sublocade")]
    public void Evaluate_PatientOnMethadoneOrBuprenorphine_AdvisesPrescriberGuidance(string medication)
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Lists("opioid-use-disorder").Build();

        var session = RuleRunner.Run(law, "2026-01-01", new PatientFact(40, false, [medication]), [], null, "opioid-use-disorder");

        session.Query<Advisory>().Single().Text.Should().Contain("guidance of the prescriber");
    }

    [Fact]
    public void Evaluate_OtherMedication_NoAdvisory()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Lists("opioid-use-disorder").Build();

        RuleRunner.Run(law, "2026-01-01", new PatientFact(40, false, ["ibuprofen", "naltrexone"]), [], null, "opioid-use-disorder")
            .Query<Advisory>().Should().BeEmpty();
    }
}

public class DataAgeAdvisoryRuleTests
{
    [Fact]
    public void Evaluate_AfterLastVerification_StillAnswersAndSaysHowOld()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Lists("cancer").LastVerified("2026-11-01").Build();

        var session = RuleRunner.Run(law, "2027-01-01", "cancer");

        session.ResultFor("cancer").Outcome.Should().Be(Outcome.Qualifies);
        session.Query<Advisory>().Single().Text.Should().Contain("2026-11-01").And.Contain("61 days");
        RuleRunner.Run(law, "2026-11-01", "cancer").Query<Advisory>().Should().BeEmpty();
    }
}

public class OverallOutcomeRuleTests
{
    [Fact]
    public void Evaluate_SeveralConditions_OverallIsTheBestForThePatient()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Lists("cancer", null, null, new Law.Qualifier(QualifierKind.Severe)).Build();

        var session = RuleRunner.Run(law, "2026-01-01", "migraine", "?gibberish", "cancer");

        session.ResultFor("migraine").Outcome.Should().Be(Outcome.NotQualifying);
        session.ResultFor("?gibberish").Outcome.Should().Be(Outcome.UnknownCondition);
        session.Overall().Should().Be(Outcome.QualifiesWithRequirements);
    }

    [Fact]
    public void Evaluate_EveryClaimHasExactlyOneResultAndOneFindingPerClaim()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Lists("chronic-pain").Discretion(true).Build();

        var session = RuleRunner.Run(law, "2026-01-01", "intractable-pain", "opioid-withdrawal", "migraine", "?x");

        session.Query<ConditionResult>().Should().HaveCount(4);
        var claims = session.Query<IClaim>().ToList();
        session.Query<ConditionFinding>().GroupBy(f => f.Claim).Should().HaveCount(claims.Count).And.OnlyContain(g => g.Count() == 1);
    }
}
