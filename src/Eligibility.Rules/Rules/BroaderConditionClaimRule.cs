using Eligibility.Engine;
using Eligibility.Rules.Internal;

namespace Eligibility.Rules;

/// <summary>Derives a claim for every broader condition (is_a): intractable pain is also judged under a chronic-pain listing.</summary>
public sealed class BroaderConditionClaimRule : Rule
{
    /// <inheritdoc/>
    public override void Define(RuleBuilder rule)
    {
        rule.Id("broader-condition-claim").Name("Broader condition").Priority(90)
            .Description("A condition that is a kind of a broader condition satisfies a listing of the broader one.");
        var when = rule.When();
        var context = when.Match<EvaluationContext>();
        var vocabulary = when.Match<ConditionVocabulary>();
        when.Match<ProgramInForce>();
        var claim = when.Match<ConditionClaim>()
            .Where(vocabulary, "the condition is a kind of a broader condition", (c, v) => c.ConditionId is not null && v.Broader(c.ConditionId).Count > 0)
            .Where(context, "the condition's own listing does not already qualify it outright", (c, ctx) =>
                ctx.ListingOf(c.ConditionId) is not { Status: ListingStatus.Listed } entry || !(entry.Qualifiers.Count == 0 || Listings.AllQualifiersMet(entry, c)));
        rule.Then().InsertAll(m =>
        {
            var c = m.Get(claim);
            return m.Get(vocabulary).Broader(c.ConditionId!).Select(b => new DerivedClaim(c, b.Id, b.Name, Basis.BroaderCondition,
                $"{c.ConditionName} is a kind of {b.Name.ToLowerInvariant()}, so it is also judged under a listing of {b.Name.ToLowerInvariant()}."));
        });
    }
}
