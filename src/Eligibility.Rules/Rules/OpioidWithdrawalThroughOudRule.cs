using Eligibility.Engine;

namespace Eligibility.Rules;

/// <summary>
/// Judges opioid withdrawal under an opioid-use-disorder listing (or a listing of a condition OUD is a kind of, such
/// as substance use disorder) where the jurisdiction does not list withdrawal itself.
/// </summary>
public sealed class OpioidWithdrawalThroughOudRule : Rule
{
    /// <summary>Canonical id of opioid withdrawal.</summary>
    public const string OpioidWithdrawal = "opioid-withdrawal";

    /// <summary>Canonical id of opioid use disorder.</summary>
    public const string OpioidUseDisorder = "opioid-use-disorder";

    /// <inheritdoc/>
    public override void Define(RuleBuilder rule)
    {
        rule.Id("opioid-withdrawal-through-oud").Name("Opioid withdrawal judged as OUD").Priority(90)
            .Description("Opioid withdrawal is a manifestation of opioid use disorder; where the law lists OUD (or a condition OUD is a kind of) and not withdrawal, withdrawal is judged under that listing.");
        var when = rule.When();
        var vocabulary = when.Match<ConditionVocabulary>();
        var context = when.Match<EvaluationContext>()
            .Where("the law does not list opioid withdrawal itself on the as-of date", c => c.ListingOf(OpioidWithdrawal) is not { Status: ListingStatus.Listed })
            .Where(vocabulary, "the law lists opioid use disorder, or a condition it is a kind of, on the as-of date", (c, v) => AnyTargetListed(c, v));
        when.Match<ProgramInForce>();
        var claim = when.Match<ConditionClaim>()
            .Where("the condition is opioid withdrawal", c => c.ConditionId == OpioidWithdrawal);
        rule.Then().InsertAll(m =>
        {
            var v = m.Get(vocabulary);
            var law = m.Get(context).Law.Name;
            return Targets(v).Select(id => new DerivedClaim(m.Get(claim), id, v.NameOf(id), Basis.ImpliedCondition, id == OpioidUseDisorder
                ? $"Opioid withdrawal is a manifestation of opioid use disorder, which {law} lists; withdrawal is judged under that listing."
                : $"Opioid withdrawal is a manifestation of opioid use disorder, a kind of {v.NameOf(id).ToLowerInvariant()}, which {law} lists; withdrawal is judged under that listing."))
                .Where(d => m.Get(context).ListingOf(d.ConditionId) is { Status: ListingStatus.Listed });
        });
    }

    private static IEnumerable<string> Targets(ConditionVocabulary vocabulary) =>
        vocabulary.Broader(OpioidUseDisorder).Select(b => b.Id).Prepend(OpioidUseDisorder);

    /// <summary>Whether any of <see cref="Targets"/> is listed; a loop, as it is tested on every match.</summary>
    private static bool AnyTargetListed(EvaluationContext context, ConditionVocabulary vocabulary)
    {
        if (context.ListingOf(OpioidUseDisorder) is { Status: ListingStatus.Listed })
        {
            return true;
        }

        var broader = vocabulary.Broader(OpioidUseDisorder);
        for (var i = 0; i < broader.Count; i++)
        {
            if (context.ListingOf(broader[i].Id) is { Status: ListingStatus.Listed })
            {
                return true;
            }
        }

        return false;
    }
}
