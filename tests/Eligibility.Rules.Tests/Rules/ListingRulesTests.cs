using Eligibility.Law;
using Eligibility.Rules.Tests.TestAssets;

namespace Eligibility.Rules.Tests.Rules;

public class ConditionListedRuleTests
{
    [Fact]
    public void Evaluate_ListedWithoutQualifiers_QualifiesWithCitation()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Lists("opioid-use-disorder").Build();

        var finding = RuleRunner.Run(law, "2026-01-01", "opioid-use-disorder").ResultFor("opioid-use-disorder");

        finding.Outcome.Should().Be(Outcome.Qualifies);
        finding.Basis.Should().Be(Basis.Listed);
        finding.Provenance!.Citation.Should().Be("Test Stat. § 1");
        finding.Requirements.Should().BeEmpty();
    }

    [Fact]
    public void Evaluate_ListingPeriods_ReadsTheLawAsItStoodOnEachEdge()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive)
            .Lists("chronic-pain", from: "2019-01-23", until: "2022-01-24", new Qualifier(QualifierKind.Severe))
            .Lists("chronic-pain", from: "2022-01-24").Build();

        RuleRunner.Run(law, "2019-01-22", "chronic-pain").ResultFor("chronic-pain").Outcome.Should().Be(Outcome.NotQualifying);
        RuleRunner.Run(law, "2019-01-23", "chronic-pain").ResultFor("chronic-pain").Outcome.Should().Be(Outcome.QualifiesWithRequirements);
        RuleRunner.Run(law, "2022-01-23", "chronic-pain").ResultFor("chronic-pain").Outcome.Should().Be(Outcome.QualifiesWithRequirements);
        RuleRunner.Run(law, "2022-01-24", "chronic-pain").ResultFor("chronic-pain").Outcome.Should().Be(Outcome.Qualifies);
    }
}

public class ConditionListedWithRequirementsRuleTests
{
    private static readonly JurisdictionLaw Law = new LawBuilder().Program(ProgramKind.Comprehensive)
        .Lists("chronic-pain", null, null, new Qualifier(QualifierKind.MinimumDuration, Months: 6), new Qualifier(QualifierKind.ConventionalTreatmentFailed))
        .Lists("opioid-use-disorder", null, null, new Qualifier(QualifierKind.WithOudTreatment))
        .Build();

    [Fact]
    public void Evaluate_QualifiersNotShown_BecomeAttestableRequirements()
    {
        var finding = RuleRunner.Run(Law, "2026-01-01", "chronic-pain").ResultFor("chronic-pain");

        finding.Outcome.Should().Be(Outcome.QualifiesWithRequirements);
        finding.Requirements.Should().Equal(
            "the chronic pain has lasted at least 6 months",
            "conventional treatment has failed, is contraindicated or is not tolerated");
    }

    [Fact]
    public void Evaluate_OudOnlyAlongsideTreatment_RequirementSaysEnrolledInTreatment()
    {
        RuleRunner.Run(Law, "2026-01-01", "opioid-use-disorder").ResultFor("opioid-use-disorder").Requirements
            .Should().Equal("the patient is enrolled in or receiving treatment for opioid use disorder");
    }

    [Fact]
    public void Evaluate_AllQualifiersShown_Qualifies()
    {
        var patient = new PatientFact(40, false, []);

        var session = RuleRunner.Run(Law, "2026-01-01", patient, [QualifierKind.ConventionalTreatmentFailed], durationMonths: 7, "chronic-pain");

        session.ResultFor("chronic-pain").Outcome.Should().Be(Outcome.Qualifies);
    }

    [Fact]
    public void Evaluate_DurationShorterThanRequired_StillRequiresIt()
    {
        var session = RuleRunner.Run(Law, "2026-01-01", new PatientFact(40, false, []), [QualifierKind.ConventionalTreatmentFailed], durationMonths: 5, "chronic-pain");

        session.ResultFor("chronic-pain").Requirements.Should().Equal("the chronic pain has lasted at least 6 months");
    }
}

public class ConditionLawUnknownRuleTests
{
    [Fact]
    public void Evaluate_EntryMarkedUnknown_LawUnknownNeverGuessed()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Unknown("opioid-use-disorder").Build();

        var finding = RuleRunner.Run(law, "2026-01-01", "opioid-use-disorder").ResultFor("opioid-use-disorder");

        finding.Outcome.Should().Be(Outcome.LawUnknown);
        finding.Basis.Should().Be(Basis.None);
    }

    [Fact]
    public void Evaluate_UnlistedInIncompleteList_LawUnknown()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).IncompleteList().Lists("cancer").Build();

        RuleRunner.Run(law, "2026-01-01", "migraine").ResultFor("migraine").Outcome.Should().Be(Outcome.LawUnknown);
    }
}

public class PractitionerDiscretionRuleTests
{
    [Fact]
    public void Evaluate_UnlistedWithDiscretion_PractitionerDiscretion()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Lists("cancer").Discretion(true, from: "2024-05-28").Build();

        var finding = RuleRunner.Run(law, "2026-01-01", "opioid-use-disorder").ResultFor("opioid-use-disorder");

        finding.Outcome.Should().Be(Outcome.PractitionerDiscretion);
        finding.Basis.Should().Be(Basis.PractitionerDiscretion);
        RuleRunner.Run(law, "2024-05-27", "opioid-use-disorder").ResultFor("opioid-use-disorder").Outcome.Should().Be(Outcome.NotQualifying);
    }

    [Fact]
    public void Evaluate_DiscretionForAdultsOnly_MinorIsNotQualifying()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Discretion(true, minimumAge: 21).Build();

        RuleRunner.Run(law, "2026-01-01", new PatientFact(17, false, []), [], null, "migraine").ResultFor("migraine").Outcome.Should().Be(Outcome.NotQualifying);
        RuleRunner.Run(law, "2026-01-01", new PatientFact(21, false, []), [], null, "migraine").ResultFor("migraine").Outcome.Should().Be(Outcome.PractitionerDiscretion);
        RuleRunner.Run(law, "2026-01-01", new PatientFact(null, false, []), [], null, "migraine").ResultFor("migraine").Outcome.Should().Be(Outcome.PractitionerDiscretion, "an unknown age is not held against the patient");
    }

    [Fact]
    public void Evaluate_DiscretionCoversIncompleteList_PractitionerDiscretionNotUnknown()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).IncompleteList().Discretion(true).Build();

        RuleRunner.Run(law, "2026-01-01", "migraine").ResultFor("migraine").Outcome.Should().Be(Outcome.PractitionerDiscretion);
    }
}

public class ConditionNotQualifyingRuleTests
{
    [Fact]
    public void Evaluate_UnlistedInCompleteListWithoutDiscretion_NotQualifyingCitingTheList()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Lists("cancer").Discretion(false).Build();

        var finding = RuleRunner.Run(law, "2026-01-01", "migraine").ResultFor("migraine");

        finding.Outcome.Should().Be(Outcome.NotQualifying);
        finding.Summary.Should().Contain("not on Testland's list").And.Contain("no discretion");
        finding.Provenance.Should().NotBeNull();
    }
}

public class UnknownListingWithDiscretionTests
{
    [Fact]
    public void Evaluate_ListingUnknownButDiscretionApplies_PractitionerDiscretionNotLawUnknown()
    {
        // Whatever the listing turns out to be, a practitioner may certify it: discretion is the floor.
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Unknown("opioid-use-disorder").Discretion(true).Build();

        var finding = RuleRunner.Run(law, "2026-01-01", "opioid-use-disorder").ResultFor("opioid-use-disorder");

        finding.Outcome.Should().Be(Outcome.PractitionerDiscretion);
        finding.Summary.Should().StartWith("The data does not establish whether Testland lists");
    }

    [Fact]
    public void Evaluate_ListingUnknownAndDiscretionOnlyForAdults_MinorGetsLawUnknown()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Unknown("opioid-use-disorder").Discretion(true, minimumAge: 21).Build();

        RuleRunner.Run(law, "2026-01-01", new PatientFact(17, false, []), [], null, "opioid-use-disorder")
            .ResultFor("opioid-use-disorder").Outcome.Should().Be(Outcome.LawUnknown);
    }
}
