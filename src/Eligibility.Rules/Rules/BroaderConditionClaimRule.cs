using Eligibility.Rules.Internal;
using NRules.Fluent.Dsl;
using NRules.RuleModel;

namespace Eligibility.Rules;

/// <summary>Derives a claim of each broader condition (<c>is_a</c>), so that a listing of the broader one can admit the stated one.</summary>
[RuleId("broader-condition-claim"), Name("Broader condition"), Priority(90), Repeatability(RuleRepeatability.NonRepeatable)]
[Description("A condition that is a kind of a broader condition satisfies a listing of the broader one.")]
public sealed class BroaderConditionClaimRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationContext context = default!;
        ConditionVocabulary vocabulary = default!;
        ProgramInForce program = default!;
        ConditionClaim claim = default!;

        When()
            .Match(() => context)
            .Match(() => vocabulary)
            .Match(() => program)
            .Match(() => claim,
                c => Label.Is("the condition is a kind of a broader condition", c.ConditionId != null && vocabulary.Broader(c.ConditionId).Count > 0),
                c => Label.Is("the condition's own listing does not already qualify it outright", !(context.Lists(c.ConditionId) && context.QualifiersMet(c))));
        Then()
            .Do(ctx => Linked.InsertAll(ctx, Derive.BroaderClaims(vocabulary, claim)));
    }
}
