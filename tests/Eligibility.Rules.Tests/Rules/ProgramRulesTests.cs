using Eligibility.Rules.Tests.TestAssets;

namespace Eligibility.Rules.Tests.Rules;

public class NoProgramOnDateRuleTests
{
    private static readonly Law.JurisdictionLaw Law = new LawBuilder()
        .Program(ProgramKind.Comprehensive, from: "2020-07-01").Lists("chronic-pain").Build();

    [Fact]
    public void Evaluate_DayBeforeProgramBegins_NoProgramAndSaysWhenItBegan()
    {
        var session = RuleRunner.Run(Law, "2020-06-30", "chronic-pain");

        var finding = session.ResultFor("chronic-pain");
        finding.Outcome.Should().Be(Outcome.NoProgram);
        finding.Summary.Should().Contain("2020-07-01");
        session.Overall().Should().Be(Outcome.NoProgram);
    }

    [Fact]
    public void Evaluate_DayProgramBegins_Qualifies()
    {
        RuleRunner.Run(Law, "2020-07-01", "chronic-pain").ResultFor("chronic-pain").Outcome.Should().Be(Outcome.Qualifies);
    }

    [Fact]
    public void Evaluate_ProgramKindNone_NoProgram()
    {
        var law = new LawBuilder().Program(ProgramKind.None).Build();

        RuleRunner.Run(law, "2026-01-01", "chronic-pain").ResultFor("chronic-pain").Outcome.Should().Be(Outcome.NoProgram);
    }

    [Fact]
    public void Evaluate_ProgramEnded_NoProgramOnTheEndDay()
    {
        var law = new LawBuilder().Program(ProgramKind.LowThc, from: "2015-01-01", until: "2021-07-01").Lists("epilepsy").Build();

        RuleRunner.Run(law, "2021-06-30", "epilepsy").ResultFor("epilepsy").Outcome.Should().Be(Outcome.Qualifies);
        RuleRunner.Run(law, "2021-07-01", "epilepsy").ResultFor("epilepsy").Outcome.Should().Be(Outcome.NoProgram);
    }
}

public class UnresolvedConditionRuleTests
{
    [Fact]
    public void Evaluate_UnresolvedInput_UnknownConditionWithSuggestions()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Build();

        var session = RuleRunner.Run(law, "2026-01-01", "?migrane");

        var finding = session.ResultFor("?migrane");
        finding.Outcome.Should().Be(Outcome.UnknownCondition);
        finding.Summary.Should().Contain("Did you mean: migraine");
        session.Overall().Should().Be(Outcome.UnknownCondition);
    }
}

public class LowThcProductScopeRuleTests
{
    [Fact]
    public void Evaluate_LowThcProgram_LimitsQualifyingResultsToLowThc()
    {
        var law = new LawBuilder().Program(ProgramKind.LowThc, limit: "0.5% THC").Lists("epilepsy").Build();

        var session = RuleRunner.Run(law, "2026-01-01", "epilepsy", "migraine");

        session.Result("epilepsy").ProductScope.Should().Be("low-thc");
        session.Result("migraine").ProductScope.Should().BeNull("a condition that does not qualify has no product scope");
        session.Query<ProductScopeLimit>().Single().Summary.Should().Contain("0.5% THC");
    }

    [Fact]
    public void Evaluate_ComprehensiveProgram_NoProductScope()
    {
        var law = new LawBuilder().Program(ProgramKind.Comprehensive).Lists("epilepsy").Build();

        RuleRunner.Run(law, "2026-01-01", "epilepsy").Result("epilepsy").ProductScope.Should().BeNull();
    }
}
