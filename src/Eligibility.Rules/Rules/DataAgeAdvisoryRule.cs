using Eligibility.Rules.Internal;
using NRules.Fluent.Dsl;

namespace Eligibility.Rules;

/// <summary>Advises that the data may be out of date when the query is dated after its last verification.</summary>
[RuleId("data-age-advisory"), Name("Data age"), Priority(40)]
[Description("A query dated after the data's last verification is answered, with the age of the data.")]
public sealed class DataAgeAdvisoryRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationContext context = default!;
        AsOfDay day = default!;

        When()
            .Match(() => context)
            .Match(() => day, d => Label.Is("the as-of date is after the data's last verification", d.Day > context.Law.LastVerified));
        Then()
            .Yield(_ => Derive.DataAge(context, day));
    }
}
