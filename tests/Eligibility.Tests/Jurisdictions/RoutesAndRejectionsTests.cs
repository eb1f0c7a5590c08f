namespace Eligibility.Tests.Jurisdictions;

/// <summary>Every route to a card, and recorded rejections, on the real law data (issue 12).</summary>
public class RoutesAndRejectionsTests
{
    private static readonly IEligibilityEngine Engine = EligibilityEngine.CreateDefault();
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static ConditionDecision Check(string code, string condition, DateOnly? asOf = null, int? age = null) =>
        Engine.Evaluate(new EligibilityQuery { Jurisdiction = code, Conditions = [condition], AsOf = asOf ?? Today, Age = age }).Conditions.Single();

    [Fact]
    public void NewYork_ChronicPain_ListingAndCatchAll()
    {
        var result = Check("NY", "chronic pain");

        result.Outcome.Should().Be(Outcome.QualifiesWithRequirements);
        result.Routes.Select(r => r.Basis).Should().Equal(Basis.Listed, Basis.PractitionerDiscretion);
        result.Routes[1].Requirements.Should().NotContain(result.Requirements, "the catch-all does not need the listing's qualifiers");
    }

    [Theory]
    [InlineData("MO")]
    [InlineData("LA")]
    public void ListingWithQualifiersAndCatchAll_BothRoutesShown(string code)
    {
        var result = Check(code, "chronic pain", age: 40);

        result.Routes.Should().Contain(r => r.Basis == Basis.Listed);
        result.Routes.Should().Contain(r => r.Basis == Basis.PractitionerDiscretion);
    }

    [Fact]
    public void NewHampshire_CatchAllOnlyFrom21()
    {
        Check("NH", "chronic pain", age: 20).Routes.Should().NotContain(r => r.Basis == Basis.PractitionerDiscretion);
        Check("NH", "chronic pain", age: 21).Routes.Should().Contain(r => r.Basis == Basis.PractitionerDiscretion);
    }

    [Fact]
    public void Delaware_ChronicPain_CatchAllUnderHb285_OldListBefore()
    {
        // HB 285 (2024) kept the named list (renamed "medical condition") and added the practitioner catch-all.
        var today = Check("DE", "chronic pain");
        today.Outcome.Should().Be(Outcome.QualifiesWithRequirements);
        today.Routes.Select(r => r.Basis).Should().Equal(Basis.Listed, Basis.PractitionerDiscretion);
        today.Routes[1].Citation.Should().Contain("HB 285");

        var before = Check("DE", "chronic pain", new DateOnly(2024, 5, 27));
        before.Basis.Should().Be(Basis.Listed);
        before.Outcome.Should().Be(Outcome.QualifiesWithRequirements);
    }

    [Fact]
    public void OneRouteOnly_NewJerseyOud()
    {
        Check("NJ", "opioid use disorder").Routes.Should().ContainSingle().Which.Basis.Should().Be(Basis.Listed);
    }

    [Theory]
    [InlineData("opioid use disorder")]
    [InlineData("opioid withdrawal")]
    public void Connecticut_Oud_RejectedIn2018(string condition)
    {
        var result = Check("CT", condition);

        result.Outcome.Should().Be(Outcome.NotQualifying);
        result.Basis.Should().Be(Basis.Rejected);
        result.Summary.Should().Contain("2018-06-25");
        result.Routes.Should().BeEmpty();
    }

    [Fact]
    public void EveryRoute_HasACitationAndAQualifyingOutcome()
    {
        foreach (var condition in new[] { "chronic-pain", "opioid-use-disorder", "opioid-withdrawal" })
        {
            foreach (var decision in Engine.Scan(condition, Today))
            {
                foreach (var route in decision.Conditions.Single().Routes)
                {
                    route.Citation.Should().NotBeNullOrWhiteSpace($"{decision.Jurisdiction} {condition}");
                    route.Outcome.Should().BeOneOf(Outcome.Qualifies, Outcome.QualifiesWithRequirements, Outcome.PractitionerDiscretion);
                }

                var c = decision.Conditions.Single();
                if (c.Routes.Count > 0)
                {
                    c.Outcome.Should().Be(c.Routes[0].Outcome, "the headline is the first route's");
                }
            }
        }
    }
}
