using Eligibility.Rules;
using NRules.Fluent.Dsl;

namespace Eligibility.Tests.TestAssets;

public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

/// <summary>A consumer's own rule, as a clinic would add one (an ordinary NRules rule).</summary>
[RuleId("clinic-second-opinion"), Name("Clinic second opinion"), Priority(40)]
public sealed class SecondOpinionForYoungAdultsRule : Rule
{
    public override void Define()
    {
        ProgramInForce program = default!;
        PatientFact patient = default!;
        When()
            .Match(() => program)
            .Match(() => patient, p => Label.Is("the patient is under 21", p.Age < 21));
        Then()
            .Yield(_ => new PatientRequirement(RequirementKind.Additional, "clinic policy: a second practitioner reviews patients under 21", null));
    }
}

/// <summary>A consumer rule that inserts with a plain (not linked) Insert: its fact must still not outlive the query.</summary>
[RuleId("clinic-plain-insert"), Name("Clinic plain insert"), Priority(40)]
public sealed class PlainInsertAdvisoryRule : Rule
{
    public override void Define()
    {
        PatientFact patient = default!;
        When()
            .Match(() => patient, p => Label.Is("the patient is 70 or older", p.Age >= 70));
        Then()
            .Do(ctx => ctx.Insert(new Advisory("clinic-senior", "clinic policy: seniors get a medication review", null)));
    }
}
