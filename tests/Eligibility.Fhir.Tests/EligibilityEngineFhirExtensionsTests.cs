using Eligibility.Fhir;
using Microsoft.Extensions.DependencyInjection;

namespace Eligibility.Fhir.Tests;

public sealed class EligibilityEngineFhirExtensionsTests
{
    private static readonly IEligibilityEngine Engine = EligibilityEngine.CreateDefault();

    [Fact]
    public void Nj_adult_with_oud_on_buprenorphine_qualifies_with_the_prescriber_advisory()
    {
        var result = Engine.EvaluateFhir(Bundles.Json("nj-adult-oud-buprenorphine"), Bundles.AsOf);

        var decision = result.Decision!;
        decision.Jurisdiction.Should().Be("NJ");
        decision.Outcome.Should().Be(Outcome.Qualifies);
        decision.Conditions.Should().ContainSingle().Which.Citation.Should().Contain("24:6I-3");
        decision.Advisories.Should().Contain(a => a.Code == "opioid-treatment-medication");
    }

    [Fact]
    public void Texas_chronic_pain_from_snomed_ct_qualifies_with_requirements_for_low_thc_only()
    {
        var result = Engine.EvaluateFhir(Bundles.Load("tx-chronic-pain-snomed"), Bundles.AsOf);

        var condition = result.Decision!.Conditions.Should().ContainSingle().Subject;
        condition.Condition.Should().Be("chronic-pain");
        condition.Outcome.Should().Be(Outcome.QualifiesWithRequirements);
        condition.ProductScope.Should().Be("low-thc");
    }

    [Fact]
    public void Minor_in_pa_needs_a_caregiver()
    {
        var result = Engine.EvaluateFhir(Bundles.Load("pa-minor-chronic-pain"), Bundles.AsOf);

        result.Decision!.Requirements.Should().Contain(r => r.Text.Contains("caregiver"));
    }

    [Fact]
    public void Decision_results_follow_the_claims_order()
    {
        var result = Engine.EvaluateFhir(Bundles.Load("nj-entered-in-error"), Bundles.AsOf);

        result.Decision!.Conditions.Select(c => c.Condition).Should().Equal(result.Mapping.Conditions.Select(c => c.ConditionId));
    }

    [Fact]
    public void No_address_gives_no_decision_and_the_reason()
    {
        var result = Engine.EvaluateFhir(Bundles.Load("no-address"), Bundles.AsOf);

        result.Decision.Should().BeNull();
        result.Mapping.Error.Should().Contain("jurisdiction is unknown");
    }

    [Fact]
    public void Malformed_bundle_json_is_a_format_exception()
    {
        var act = () => Engine.EvaluateFhir("{not json", Bundles.AsOf);

        act.Should().Throw<FormatException>();
    }

    [Fact]
    public void AddEligibilityFhir_registers_a_builder_over_the_engine_s_resolver()
    {
        using var provider = new ServiceCollection().AddEligibilityFhir().BuildServiceProvider();

        var builder = provider.GetRequiredService<FhirQueryBuilder>();
        var engine = provider.GetRequiredService<IEligibilityEngine>();
        var result = engine.EvaluateFhir(builder.FromBundle(Bundles.Load("moved-ny-to-nj"), Bundles.AsOf));

        result.Decision!.Jurisdiction.Should().Be("NJ");
    }
}
