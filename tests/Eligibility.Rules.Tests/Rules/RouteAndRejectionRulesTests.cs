using Eligibility.Law;
using Eligibility.Rules.Tests.TestAssets;

namespace Eligibility.Rules.Tests.Rules;

public class ConditionRejectedRuleTests
{
    [Fact]
    public void Evaluate_RejectedAdditionOnIncompleteList_NotQualifyingCitingTheDecision()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).IncompleteList().Rejected("opioid-use-disorder", from: "2018-06-25").Build();

        var finding = RuleRunner.Run(law, "2026-01-01", "opioid-use-disorder").ResultFor("opioid-use-disorder");

        finding.Outcome.Should().Be(Outcome.NotQualifying, "a recorded rejection settles what an incomplete list leaves open");
        finding.Basis.Should().Be(Basis.Rejected);
        finding.Summary.Should().Contain("declined on 2018-06-25").And.Contain("Test Stat. § 1");
    }

    [Fact]
    public void Evaluate_BeforeTheRejection_TheIncompleteListIsStillUnknown()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).IncompleteList().Rejected("opioid-use-disorder", from: "2018-06-25").Build();

        RuleRunner.Run(law, "2018-06-24", "opioid-use-disorder").ResultFor("opioid-use-disorder").Outcome.Should().Be(Outcome.LawUnknown);
        RuleRunner.Run(law, "2018-06-25", "opioid-use-disorder").ResultFor("opioid-use-disorder").Outcome.Should().Be(Outcome.NotQualifying);
    }

    [Fact]
    public void Evaluate_RejectionThenLaterListing_ListingWinsFromItsDate()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive)
            .Rejected("ptsd", from: "2015-07-15", until: "2017-06-05")
            .Lists("ptsd", from: "2017-06-05").Build();

        RuleRunner.Run(law, "2017-06-04", "ptsd").ResultFor("ptsd").Outcome.Should().Be(Outcome.NotQualifying);
        RuleRunner.Run(law, "2017-06-05", "ptsd").ResultFor("ptsd").Outcome.Should().Be(Outcome.Qualifies);
    }

    [Fact]
    public void Evaluate_RejectedOudWithUnknownBroaderListing_StillNotQualifying()
    {
        // OUD is a kind of substance use disorder; an incomplete list cannot say whether SUD is listed, but the
        // rejection of OUD itself says it is not admitted.
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).IncompleteList().Rejected("opioid-use-disorder", from: "2018-06-25").Build();

        var result = RuleRunner.Run(law, "2026-01-01", "opioid-use-disorder").Result("opioid-use-disorder");

        result.Finding.Outcome.Should().Be(Outcome.NotQualifying);
        result.Routes.Should().BeEmpty();
    }

    [Fact]
    public void Evaluate_RejectedButDiscretionApplies_PractitionerDiscretion()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Rejected("opioid-use-disorder", from: "2018-06-25").Discretion(true).Build();

        var finding = RuleRunner.Run(law, "2026-01-01", "opioid-use-disorder").ResultFor("opioid-use-disorder");

        finding.Outcome.Should().Be(Outcome.PractitionerDiscretion);
        finding.Summary.Should().Contain("declined to add");
    }
}

public class ConditionRoutesTests
{
    [Fact]
    public void Evaluate_ListedWithQualifiersAndCatchAll_TwoRoutesListingFirst()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive)
            .Lists("chronic-pain", null, null, new Qualifier(QualifierKind.Severe)).Discretion(true).Build();

        var result = RuleRunner.Run(law, "2026-01-01", "chronic-pain").Result("chronic-pain");

        result.Finding.Outcome.Should().Be(Outcome.QualifiesWithRequirements, "the headline follows the documented order over the routes");
        result.Routes.Select(r => (r.Basis, r.Outcome)).Should().Equal(
            (Basis.Listed, Outcome.QualifiesWithRequirements),
            (Basis.PractitionerDiscretion, Outcome.PractitionerDiscretion));
        result.Routes[1].Requirements.Should().NotContain(r => r.Contains("severe"), "the catch-all does not need the listing's qualifiers");
    }

    [Fact]
    public void Evaluate_OneRouteOnly_ListingAlone()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Lists("cancer").Build();

        RuleRunner.Run(law, "2026-01-01", "cancer").Result("cancer").Routes.Should().ContainSingle().Which.Basis.Should().Be(Basis.Listed);
    }

    [Fact]
    public void Evaluate_NotQualifying_NoRoutes()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Lists("cancer").Build();

        RuleRunner.Run(law, "2026-01-01", "migraine").Result("migraine").Routes.Should().BeEmpty();
    }

    [Theory]
    [InlineData(20, 1)]
    [InlineData(21, 2)]
    public void Evaluate_CatchAllForAdultsOnly_RouteOnlyFromTheMinimumAge(int age, int routes)
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive)
            .Lists("chronic-pain", null, null, new Qualifier(QualifierKind.Severe)).Discretion(true, minimumAge: 21).Build();

        RuleRunner.Run(law, "2026-01-01", new PatientFact(age, false, []), [], null, "chronic-pain").Result("chronic-pain").Routes.Should().HaveCount(routes);
    }

    [Fact]
    public void Evaluate_CatchAllForAdultsAgeUnknown_RouteSaysItsLimit()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Discretion(true, minimumAge: 21).Build();

        var route = RuleRunner.Run(law, "2026-01-01", "migraine").Result("migraine").Routes.Single();

        route.Requirements.Should().Contain("the patient is 21 or older, as the catch-all applies only to them");
    }

    [Fact]
    public void Evaluate_WithdrawalThroughOudAndCatchAll_ImpliedListingBeforeCatchAll()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Lists("opioid-use-disorder").Discretion(true).Build();

        var result = RuleRunner.Run(law, "2026-01-01", "opioid-withdrawal").Result("opioid-withdrawal");

        result.Routes.Select(r => r.Basis).Should().Equal(Basis.ImpliedCondition, Basis.PractitionerDiscretion);
        result.Finding.Outcome.Should().Be(Outcome.Qualifies);
    }
}
