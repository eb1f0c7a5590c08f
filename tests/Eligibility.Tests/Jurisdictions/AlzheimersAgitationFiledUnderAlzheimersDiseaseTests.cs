namespace Eligibility.Tests.Jurisdictions;

/// <summary>
/// Regression: laws that list "agitation of Alzheimer's disease" (AZ; DE before HB 285; ME before 2018; VI) had the
/// listing filed under <c>alzheimers-disease</c>, so "Alzheimer's disease" alone qualified while "Alzheimer's agitation"
/// (resolved to <c>agitation-of-dementia</c>) answered not-qualifying. NH lists Alzheimer's disease as a diagnosis and
/// its agitation as a symptom, so there both must qualify.
/// </summary>
public class AlzheimersAgitationFiledUnderAlzheimersDiseaseTests
{
    private static readonly IEligibilityEngine Engine = EligibilityEngine.CreateDefault();

    private static ConditionDecision Check(string code, string condition, DateOnly asOf) =>
        Engine.Evaluate(new EligibilityQuery { Jurisdiction = code, Conditions = [condition], AsOf = asOf, Age = 40 }).Conditions.Single();

    public static TheoryData<string, string> AgitationListed => new()
    {
        { "AZ", "2026-11-22" },
        { "DE", "2019-01-01" },
        { "ME", "2015-01-01" },
        { "NH", "2026-11-22" },
        { "VI", "2026-11-22" },
        { "RI", "2026-11-22" },
    };

    [Theory]
    [MemberData(nameof(AgitationListed))]
    public void AgitationOfAlzheimersDisease_QualifiesAsAgitationOfDementia(string code, string date)
    {
        foreach (var phrase in new[] { "agitation of Alzheimer's disease", "Alzheimer's agitation" })
        {
            var result = Check(code, phrase, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

            result.Condition.Should().Be("agitation-of-dementia", $"{code}: '{phrase}'");
            result.Basis.Should().Be(Basis.Listed, $"{code}: '{phrase}'");
            result.Outcome.Should().Be(Outcome.QualifiesWithRequirements, $"{code}: '{phrase}'");
            result.Requirements.Should().Contain(r => r.Contains("agitation of Alzheimer's disease only", StringComparison.Ordinal),
                "only agitation of Alzheimer's disease is listed, not agitation of another dementia");
        }
    }

    [Theory]
    [InlineData("AZ", "2026-11-22")]
    [InlineData("DE", "2019-01-01")]
    [InlineData("ME", "2015-01-01")]
    [InlineData("RI", "2026-11-22")]
    public void AlzheimersDiseaseAlone_DoesNotQualify_WhereOnlyItsAgitationIsListed(string code, string date)
    {
        var result = Check(code, "Alzheimer's disease", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        result.Condition.Should().Be("alzheimers-disease");
        result.Outcome.Should().NotBe(Outcome.Qualifies).And.NotBe(Outcome.QualifiesWithRequirements);
        result.Basis.Should().NotBe(Basis.Listed);
    }

    [Fact]
    public void Arizona_ClosedList_AlzheimersDiseaseAlone_IsNotQualifying()
    {
        Check("AZ", "Alzheimer's disease", new DateOnly(2026, 11, 22)).Outcome.Should().Be(Outcome.NotQualifying);
    }

    [Fact]
    public void NewHampshire_AlzheimersDisease_IsADiagnosisNeedingASymptom()
    {
        var result = Check("NH", "Alzheimer's disease", new DateOnly(2026, 11, 22));

        result.Basis.Should().Be(Basis.Listed);
        result.Outcome.Should().Be(Outcome.QualifiesWithRequirements);
        result.Requirements.Should().Contain(r => r.Contains("qualifying symptom", StringComparison.Ordinal));
    }
}
