namespace Eligibility.Tests.Jurisdictions;

/// <summary>
/// The eight foundation jurisdictions, read from the real embedded data: outcome, basis and citation for the focus
/// conditions today and on the days the law changed (the day before and the day of).
/// </summary>
public class FoundationJurisdictionTests
{
    private static readonly IEligibilityEngine Engine = EligibilityEngine.CreateDefault();

    private static ConditionDecision Decide(string state, string condition, string asOf) =>
        Engine.Evaluate(new EligibilityQuery { Jurisdiction = state, Conditions = [condition], AsOf = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture) }).Conditions.Single();

    [Theory]
    [InlineData("NJ", "opioid-use-disorder", "2026-11-22", Outcome.Qualifies, Basis.Listed, "24:6I-3")]
    [InlineData("NJ", "opioid-use-disorder", "2019-07-01", Outcome.QualifiesWithRequirements, Basis.Listed, "January 23, 2019")]
    [InlineData("NJ", "opioid-use-disorder", "2018-03-21", Outcome.NotQualifying, Basis.None, "24:6I-3")]
    [InlineData("NJ", "chronic-pain", "2026-11-22", Outcome.Qualifies, Basis.Listed, "24:6I-3")]
    [InlineData("PA", "opioid-use-disorder", "2026-11-22", Outcome.QualifiesWithRequirements, Basis.Listed, "48 Pa.B. 2898")]
    [InlineData("PA", "opioid-use-disorder", "2018-05-16", Outcome.NotQualifying, Basis.None, "10231.103")]
    [InlineData("PA", "opioid-use-disorder", "2018-05-17", Outcome.QualifiesWithRequirements, Basis.Listed, "48 Pa.B. 2898")]
    [InlineData("PA", "opioid-withdrawal", "2026-11-22", Outcome.QualifiesWithRequirements, Basis.ImpliedCondition, "48 Pa.B. 2898")]
    [InlineData("NY", "opioid-use-disorder", "2018-07-11", Outcome.NotQualifying, Basis.None, "§")]
    [InlineData("NY", "opioid-use-disorder", "2018-07-12", Outcome.QualifiesWithRequirements, Basis.Listed, "1004.2")]
    [InlineData("NY", "opioid-use-disorder", "2026-11-22", Outcome.Qualifies, Basis.BroaderCondition, "Cannabis Law § 3")]
    [InlineData("NY", "opioid-withdrawal", "2026-11-22", Outcome.Qualifies, Basis.ImpliedCondition, "Cannabis Law § 3")]
    [InlineData("NY", "chronic-pain", "2022-01-24", Outcome.QualifiesWithRequirements, Basis.Listed, "Cannabis Law § 3")]
    [InlineData("CA", "chronic-pain", "2026-11-22", Outcome.Qualifies, Basis.Listed, "11362.7")]
    [InlineData("CA", "opioid-use-disorder", "2026-11-22", Outcome.PractitionerDiscretion, Basis.PractitionerDiscretion, "11362")]
    [InlineData("FL", "chronic-pain", "2026-11-22", Outcome.QualifiesWithRequirements, Basis.Listed, "381.986")]
    [InlineData("FL", "opioid-use-disorder", "2026-11-22", Outcome.PractitionerDiscretion, Basis.PractitionerDiscretion, "381.986")]
    [InlineData("TX", "chronic-pain", "2026-11-22", Outcome.QualifiesWithRequirements, Basis.Listed, "169.003")]
    [InlineData("TX", "chronic-pain", "2025-08-31", Outcome.NotQualifying, Basis.None, "169.003")]
    [InlineData("TX", "opioid-use-disorder", "2026-11-22", Outcome.NotQualifying, Basis.None, "169.003")]
    [InlineData("IL", "chronic-pain", "2019-08-09", Outcome.Qualifies, Basis.Listed, "P.A. 101-363")]
    [InlineData("ID", "chronic-pain", "2026-11-22", Outcome.NoProgram, Basis.None, "Idaho Code")]
    [InlineData("ID", "opioid-use-disorder", "2026-11-22", Outcome.NoProgram, Basis.None, "Idaho Code")]
    [InlineData("ID", "opioid-withdrawal", "2026-11-22", Outcome.NoProgram, Basis.None, "Idaho Code")]
    public void Evaluate_FocusCondition_PinnedOutcomeBasisAndCitation(string state, string condition, string asOf, Outcome outcome, Basis basis, string citation)
    {
        var result = Decide(state, condition, asOf);

        result.Outcome.Should().Be(outcome);
        result.Basis.Should().Be(basis);
        result.Citation.Should().Contain(citation);
        result.SourceUrl.Should().StartWith("http");
    }

    [Fact]
    public void Evaluate_TexasChronicPain_LowThcScopeAndTheLawsQualifiersAsRequirements()
    {
        var result = Decide("TX", "chronic-pain", "2026-11-22");

        result.ProductScope.Should().Be("low-thc");
        result.Requirements.Should().Contain(r => r.Contains("at least 3 months")).And.Contain(r => r.Contains("severe"));
    }

    [Fact]
    public void Evaluate_NewYorkOudInJuly2018Rule_RequiresEnrolmentInTreatment()
    {
        Decide("NY", "opioid-use-disorder", "2018-08-01").Requirements
            .Should().ContainSingle(r => r.StartsWith("the patient is enrolled in or receiving treatment for opioid use disorder", StringComparison.Ordinal));
    }
}
