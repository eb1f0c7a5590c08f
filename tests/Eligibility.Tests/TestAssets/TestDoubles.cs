using Eligibility.Engine;
using Eligibility.Rules;

namespace Eligibility.Tests.TestAssets;

public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

/// <summary>A consumer's own rule, as a clinic would add one.</summary>
public sealed class SecondOpinionForYoungAdultsRule : Rule
{
    public override void Define(RuleBuilder rule)
    {
        rule.Id("clinic-second-opinion").Name("Clinic second opinion").Priority(40);
        rule.When().Match<ProgramInForce>();
        rule.When().Match<PatientFact>().Where("the patient is under 21", p => p.Age < 21);
        rule.Then().Insert(_ => new PatientRequirement(RequirementKind.Additional, "clinic policy: a second practitioner reviews patients under 21", null));
    }
}
