using Eligibility.Law;
using Eligibility.Rules.Tests.TestAssets;

namespace Eligibility.Rules.Tests.Rules;

public class BroaderConditionClaimRuleTests
{
    [Fact]
    public void Evaluate_IntractablePainWhereChronicPainListed_QualifiesThroughTheBroaderListing()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Lists("chronic-pain").Build();

        var finding = RuleRunner.Run(law, "2026-01-01", "intractable-pain").ResultFor("intractable-pain");

        finding.Outcome.Should().Be(Outcome.Qualifies);
        finding.Basis.Should().Be(Basis.BroaderCondition);
        finding.Entry!.ConditionId.Should().Be("chronic-pain");
    }


    [Fact]
    public void Evaluate_IntractablePainUnderIntractableQualifier_TheConditionItselfShowsIt()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Lists("chronic-pain", null, null, new Qualifier(QualifierKind.Intractable)).Build();

        RuleRunner.Run(law, "2026-01-01", "intractable-pain").ResultFor("intractable-pain").Outcome.Should().Be(Outcome.Qualifies);
        RuleRunner.Run(law, "2026-01-01", "chronic-pain").ResultFor("chronic-pain").Outcome.Should().Be(Outcome.QualifiesWithRequirements);
    }

    [Fact]
    public void Evaluate_OwnListingQualifiesOutright_DerivesNoBroaderClaim()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Lists("intractable-pain").Lists("chronic-pain").Build();

        var session = RuleRunner.Run(law, "2026-01-01", "intractable-pain");

        session.Query<DerivedClaim>().Should().BeEmpty();
        session.ResultFor("intractable-pain").Basis.Should().Be(Basis.Listed);
    }
}

public class OpioidWithdrawalThroughOudRuleTests
{
    [Fact]
    public void Evaluate_WithdrawalWhereOudListed_ChainedDerivedClaimQualifiesWithImpliedBasis()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Lists("opioid-use-disorder", null, null, new Qualifier(QualifierKind.WithOudTreatment)).Build();

        var session = RuleRunner.Run(law, "2026-01-01", "opioid-withdrawal");

        var finding = session.ResultFor("opioid-withdrawal");
        finding.Outcome.Should().Be(Outcome.QualifiesWithRequirements);
        finding.Basis.Should().Be(Basis.ImpliedCondition);
        finding.Entry!.ConditionId.Should().Be("opioid-use-disorder");
        finding.Requirements.Should().ContainSingle().Which.Should().Contain("treatment for opioid use disorder");
        var derived = session.Query<DerivedClaim>().Single();
        session.Find(finding)!.InsertedBy!.Matched.Select(m => m.Fact).Should().Contain(derived, "the finding is chained from the derived claim");
    }

    [Fact]
    public void Evaluate_WithdrawalWhereOnlySubstanceUseDisorderListed_ReachesThatListing()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Lists("substance-use-disorder").Build();

        var finding = RuleRunner.Run(law, "2026-01-01", "opioid-withdrawal").ResultFor("opioid-withdrawal");

        finding.Outcome.Should().Be(Outcome.Qualifies);
        finding.Entry!.ConditionId.Should().Be("substance-use-disorder");
    }

    [Fact]
    public void Evaluate_WithdrawalListedItself_UsesItsOwnListing()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Lists("opioid-use-disorder").Lists("opioid-withdrawal").Build();

        var session = RuleRunner.Run(law, "2026-01-01", "opioid-withdrawal");

        session.ResultFor("opioid-withdrawal").Basis.Should().Be(Basis.Listed);
        session.Query<DerivedClaim>().Should().BeEmpty();
    }

    [Fact]
    public void Evaluate_WithdrawalWhereOudNotListed_NotQualifying()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Lists("cancer").Build();

        RuleRunner.Run(law, "2026-01-01", "opioid-withdrawal").ResultFor("opioid-withdrawal").Outcome.Should().Be(Outcome.NotQualifying);
    }

    [Fact]
    public void Evaluate_OudListedLater_WithdrawalFollowsTheDate()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Lists("opioid-use-disorder", from: "2019-01-23").Build();

        RuleRunner.Run(law, "2019-01-22", "opioid-withdrawal").ResultFor("opioid-withdrawal").Outcome.Should().Be(Outcome.NotQualifying);
        RuleRunner.Run(law, "2019-01-23", "opioid-withdrawal").ResultFor("opioid-withdrawal").Outcome.Should().Be(Outcome.Qualifies);
    }
}

public class NarrowerConditionClaimRuleTests
{
    [Fact]
    public void Evaluate_ChronicPainWhereOnlyIntractablePainListed_QualifiesOnlyOnceShownIntractable()
    {
        // A listing of the child does not satisfy the parent outright: the parent must be shown to be the child.
        var law = new LawBuilder().Program(ProgramKind.Comprehensive)
            .Lists("intractable-pain", null, null, new Qualifier(QualifierKind.ConventionalTreatmentFailed)).Build();

        var finding = RuleRunner.Run(law, "2026-01-01", "chronic-pain").ResultFor("chronic-pain");

        finding.Outcome.Should().Be(Outcome.QualifiesWithRequirements);
        finding.Basis.Should().Be(Basis.NarrowerCondition);
        finding.Requirements.Should().Equal("the chronic pain is intractable", "conventional treatment has failed, is contraindicated or is not tolerated");
    }

    [Fact]
    public void Evaluate_ChronicPainAttestedIntractable_QualifiesUnderTheNarrowerListing()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Lists("intractable-pain").Build();

        RuleRunner.Run(law, "2026-01-01", new PatientFact(40, false, []), [QualifierKind.Intractable], null, "chronic-pain")
            .ResultFor("chronic-pain").Outcome.Should().Be(Outcome.Qualifies);
    }

    [Fact]
    public void Evaluate_ChronicPainListedItself_NoNarrowerClaim()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Lists("chronic-pain", null, null, new Qualifier(QualifierKind.Severe)).Lists("intractable-pain").Build();

        var session = RuleRunner.Run(law, "2026-01-01", "chronic-pain");

        session.Query<DerivedClaim>().Should().BeEmpty();
        session.ResultFor("chronic-pain").Basis.Should().Be(Basis.Listed);
    }
}
