using Eligibility.Engine;
using Eligibility.Rules.Internal;

namespace Eligibility.Rules;

/// <summary>Decides <see cref="Outcome.QualifiesWithRequirements"/> when the law lists the condition with qualifiers not yet shown; they become requirements.</summary>
public sealed class ConditionListedWithRequirementsRule : Rule
{
    /// <inheritdoc/>
    public override void Define(RuleBuilder rule)
    {
        rule.Id("condition-listed-with-requirements").Name("Condition listed with qualifiers").Priority(80)
            .Description("A condition the law lists with qualifiers the caller has not shown qualifies once a practitioner attests them.");
        var when = rule.When();
        var context = when.Match<EvaluationContext>();
        when.Match<ProgramInForce>();
        var claim = when.Match<IClaim>()
            .Where(context, "the law lists the condition on the as-of date", (c, ctx) => ctx.ListingOf(c.ConditionId) is { Status: ListingStatus.Listed })
            .Where(context, "the law attaches qualifiers not yet shown", (c, ctx) => ctx.ListingOf(c.ConditionId) is { } entry && !((entry.Qualifiers.Count == 0 && c.AddedQualifiers.Count == 0) || Listings.AllQualifiersMet(entry, c)));
        rule.Then().Insert(m =>
        {
            var ctx = m.Get(context);
            var c = m.Get(claim);
            var entry = ctx.ListingOf(c.ConditionId)!;
            var requirements = Listings.UnmetRequirements(entry, c);
            var summary = $"{Listings.Via(c, ctx.Law.Name, entry)}; {c.Origin.ConditionName} qualifies once a practitioner attests that {string.Join("; and ", requirements)}.";
            return new ConditionFinding(c, Outcome.QualifiesWithRequirements, c.ListingBasis, entry, requirements, entry.Provenance, summary);
        });
    }
}
