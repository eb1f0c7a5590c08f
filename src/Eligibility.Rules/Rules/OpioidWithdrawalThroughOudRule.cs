using Eligibility.Engine;

namespace Eligibility.Rules;

/// <summary>Judges opioid withdrawal under an opioid-use-disorder listing where the jurisdiction lists OUD but not withdrawal itself.</summary>
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
            .Description("Opioid withdrawal is a manifestation of opioid use disorder; where the law lists OUD and not withdrawal, withdrawal is judged under the OUD listing.");
        var when = rule.When();
        var context = when.Match<EvaluationContext>()
            .Where("the law lists opioid use disorder on the as-of date", c => c.ListingOf(OpioidUseDisorder) is { Status: ListingStatus.Listed })
            .Where("the law does not list opioid withdrawal itself on the as-of date", c => c.ListingOf(OpioidWithdrawal) is not { Status: ListingStatus.Listed });
        when.Match<ProgramInForce>();
        var claim = when.Match<ConditionClaim>()
            .Where("the condition is opioid withdrawal", c => c.ConditionId == OpioidWithdrawal);
        rule.Then().Insert(m => new DerivedClaim(m.Get(claim), OpioidUseDisorder, "Opioid use disorder", Basis.ImpliedCondition,
            $"Opioid withdrawal is a manifestation of opioid use disorder, which {m.Get(context).Law.Name} lists; withdrawal is judged under that listing."));
    }
}
