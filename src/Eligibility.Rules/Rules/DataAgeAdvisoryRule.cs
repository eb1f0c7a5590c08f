using Eligibility.Engine;
using Eligibility.Rules.Internal;

namespace Eligibility.Rules;

/// <summary>Says how old the data is when the as-of date is after the data's last verification; the answer still stands.</summary>
public sealed class DataAgeAdvisoryRule : Rule
{
    /// <inheritdoc/>
    public override void Define(RuleBuilder rule)
    {
        rule.Id("data-age-advisory").Name("Data age").Priority(40)
            .Description("A query dated after the data's last verification is answered, with the age of the data.");
        var context = rule.When().Match<EvaluationContext>()
            .Where("the as-of date is after the data's last verification", c => c.AsOf > c.Law.LastVerified);
        rule.Then().Insert(m =>
        {
            var ctx = m.Get(context);
            var days = ctx.AsOf.DayNumber - ctx.Law.LastVerified.DayNumber;
            return new Advisory("data-age", $"The data for {ctx.Law.Name} was last verified on {Listings.Day(ctx.Law.LastVerified)}, {days} days before the as-of date; the law may have changed since.", null);
        });
    }
}
