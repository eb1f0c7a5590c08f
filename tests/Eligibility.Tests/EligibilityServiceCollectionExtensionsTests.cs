using Eligibility.Tests.TestAssets;
using Microsoft.Extensions.DependencyInjection;

namespace Eligibility.Tests;

public class EligibilityServiceCollectionExtensionsTests
{
    [Fact]
    public void AddEligibility_ResolvesOneSharedEngineAndResolver()
    {
        using var provider = new ServiceCollection().AddEligibility().BuildServiceProvider();

        var engine = provider.GetRequiredService<IEligibilityEngine>();

        provider.GetRequiredService<IEligibilityEngine>().Should().BeSameAs(engine);
        provider.GetRequiredService<IConditionResolver>().Should().NotBeNull();
        engine.Jurisdictions.Should().HaveCount(56);
    }

    [Fact]
    public void AddEligibility_CalledTwice_IsHarmlessAndBothConfigurationsApply()
    {
        var services = new ServiceCollection()
            .AddEligibility(o => o.TimeProvider = new FixedTime(new DateTimeOffset(2018, 1, 1, 0, 0, 0, TimeSpan.Zero)))
            .AddEligibility(o => o.AdditionalRules.Add(new SecondOpinionForYoungAdultsRule()));

        services.Count(d => d.ServiceType == typeof(IEligibilityEngine)).Should().Be(1);
        using var provider = services.BuildServiceProvider();
        var decision = provider.GetRequiredService<IEligibilityEngine>().Evaluate(new EligibilityQuery { Jurisdiction = "NY", Conditions = ["cancer"], Age = 19 });
        decision.AsOf.Should().Be(new DateOnly(2018, 1, 1));
        decision.Requirements.Should().Contain(r => r.Text.StartsWith("clinic policy"));
    }

    [Fact]
    public void AddEligibility_TimeProviderRegisteredInTheContainer_IsUsed()
    {
        using var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FixedTime(new DateTimeOffset(2020, 6, 1, 0, 0, 0, TimeSpan.Zero)))
            .AddEligibility().BuildServiceProvider();

        provider.GetRequiredService<IEligibilityEngine>().Evaluate(new EligibilityQuery { Jurisdiction = "NY", Conditions = ["cancer"] })
            .AsOf.Should().Be(new DateOnly(2020, 6, 1));
    }

    [Fact]
    public void AddEligibility_DataDirectory_LoadsFromIt()
    {
        var dir = DataFiles.TempDirectory(("zz.json", DataFiles.Bytes(DataFiles.Minimal())));
        using var provider = new ServiceCollection().AddEligibility(o => o.DataDirectory = dir).BuildServiceProvider();

        provider.GetRequiredService<IEligibilityEngine>().Jurisdictions.Select(j => j.Code).Should().Equal("ZZ");
    }
}
