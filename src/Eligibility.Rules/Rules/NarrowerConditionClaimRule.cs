using Eligibility.Rules.Internal;
using NRules.Fluent.Dsl;
using NRules.RuleModel;

namespace Eligibility.Rules;

/// <summary>
/// Derives a claim of a narrower listed form (intractable pain for chronic pain) that counts once the patient's
/// condition is shown to be of that form: a listing of the child never satisfies the parent outright.
/// </summary>
[RuleId("narrower-condition-claim"), Name("Narrower listed form"), Priority(90), Repeatability(RuleRepeatability.NonRepeatable)]
[Description("A condition the law lists only in a narrower form (intractable pain for chronic pain) counts once the patient's condition is shown to be of that form.")]
public sealed class NarrowerConditionClaimRule : Rule
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
                c => Label.Is("the law does not list the condition itself on the as-of date", c.ConditionId != null && context.HasNoEntryFor(c.ConditionId)),
                c => Label.Is("the law lists a narrower form of it defined by a qualifier", Derive.AnyNarrowerListed(vocabulary, context, c.ConditionId!)));
        Then()
            .Do(ctx => Linked.InsertAll(ctx, Derive.NarrowerClaims(vocabulary, context, claim)));
    }
}
