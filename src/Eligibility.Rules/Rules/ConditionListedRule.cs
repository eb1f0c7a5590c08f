using Eligibility.Engine;
using Eligibility.Rules.Internal;

namespace Eligibility.Rules;

/// <summary>Decides <see cref="Outcome.Qualifies"/> when the law lists the condition and every qualifier it attaches has been shown.</summary>
public sealed class ConditionListedRule : Rule
{
    /// <inheritdoc/>
    public override void Define(RuleBuilder rule)
    {
        rule.Id("condition-listed").Name("Condition listed").Priority(80)
            .Description("A condition the law lists on the as-of date, with every qualifier shown, qualifies.");
        var when = rule.When();
        var context = when.Match<EvaluationContext>();
        when.Match<ProgramInForce>();
        var claim = when.Match<IClaim>()
            .Where(context, "the law lists the condition on the as-of date", (c, ctx) => ctx.ListingOf(c.ConditionId) is { Status: ListingStatus.Listed })
            .Where(context, "every qualifier the law attaches has been shown", (c, ctx) => ctx.ListingOf(c.ConditionId) is { } entry && ((entry.Qualifiers.Count == 0 && c.AddedQualifiers.Count == 0) || Listings.AllQualifiersMet(entry, c)));
        rule.Then().Insert(m =>
        {
            var ctx = m.Get(context);
            var c = m.Get(claim);
            var entry = ctx.ListingOf(c.ConditionId)!;
            var summary = $"{Listings.Via(c, ctx.Law.Name, entry)}; {c.Origin.ConditionName} qualifies.";
            return new ConditionFinding(c, Outcome.Qualifies, c.ListingBasis, entry, [], entry.Provenance, summary);
        });
    }
}
