using Eligibility.Rules.Internal;
using NRules.Fluent.Dsl;
using NRules.RuleModel;

namespace Eligibility.Rules;

/// <summary>
/// Judges opioid withdrawal under an opioid-use-disorder listing (or a listing of a condition OUD is a kind of, such
/// as substance use disorder) where the jurisdiction does not list withdrawal itself.
/// </summary>
[RuleId("opioid-withdrawal-through-oud"), Name("Opioid withdrawal judged as OUD"), Priority(90), Repeatability(RuleRepeatability.NonRepeatable)]
[Description("Opioid withdrawal is a manifestation of opioid use disorder; where the law lists OUD (or a condition OUD is a kind of) and not withdrawal, withdrawal is judged under that listing.")]
public sealed class OpioidWithdrawalThroughOudRule : Rule
{
    /// <summary>Canonical id of opioid withdrawal.</summary>
    public const string OpioidWithdrawal = "opioid-withdrawal";

    /// <summary>Canonical id of opioid use disorder.</summary>
    public const string OpioidUseDisorder = "opioid-use-disorder";

    /// <inheritdoc/>
    public override void Define()
    {
        ConditionVocabulary vocabulary = default!;
        EvaluationContext context = default!;
        ProgramInForce program = default!;
        ConditionClaim claim = default!;

        When()
            .Match(() => vocabulary)
            .Match(() => context,
                c => Label.Is("the law does not list opioid withdrawal itself on the as-of date", !c.Lists(OpioidWithdrawal)),
                c => Label.Is("the law lists opioid use disorder, or a condition it is a kind of, on the as-of date", Derive.AnyOudTargetListed(c, vocabulary)))
            .Match(() => program)
            .Match(() => claim, c => Label.Is("the condition is opioid withdrawal", c.ConditionId == OpioidWithdrawal));
        Then()
            .Do(ctx => Linked.InsertAll(ctx, Derive.WithdrawalThroughOud(vocabulary, context, claim)));
    }
}
