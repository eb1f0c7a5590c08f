using Eligibility.Engine;
using Eligibility.Rules.Internal;

namespace Eligibility.Rules;

/// <summary>Decides <see cref="Outcome.NoProgram"/> for a recognised condition where no program is in force on the as-of date.</summary>
public sealed class NoProgramOnDateRule : Rule
{
    /// <inheritdoc/>
    public override void Define(RuleBuilder rule)
    {
        rule.Id("no-program-on-date").Name("No program on date").Priority(100)
            .Description("A jurisdiction without a medical program on the as-of date cannot qualify any condition.");
        var when = rule.When();
        var context = when.Match<EvaluationContext>()
            .Where("no medical program is in force on the as-of date", c => !c.HasProgram);
        var claim = when.Match<ConditionClaim>()
            .Where("the condition was recognised", c => c.ConditionId is not null);
        rule.Then().Insert(m =>
        {
            var ctx = m.Get(context);
            var period = ctx.Program ?? ctx.Law.Programs.FirstOrDefault(p => p.Kind != ProgramKind.None);
            var began = ctx.Program is null && period?.Range.From is { } from && from > ctx.AsOf
                ? $" (its program began on {Listings.Day(from)})"
                : "";
            var summary = $"{ctx.Law.Name} has no medical-cannabis program on {Listings.Day(ctx.AsOf)}{began}.";
            return new ConditionFinding(m.Get(claim), Outcome.NoProgram, Basis.None, null, [], period?.Provenance ?? ctx.Law.ConditionList.Provenance, summary);
        });
    }
}
