using Eligibility.Rules.Internal;
using NRules.Fluent.Dsl;

namespace Eligibility.Rules;

/// <summary>
/// Decides <see cref="Outcome.NotQualifying"/> for a condition whose addition to the list was considered and rejected
/// (a petition denied, a board vote against), citing that decision — even where the rest of the list is incomplete —
/// unless a practitioner may certify it at discretion.
/// </summary>
[RuleId("condition-rejected"), Name("Addition rejected"), Priority(80)]
[Description("A condition whose addition to the list was considered and rejected does not qualify through a listing; the answer cites the decision.")]
public sealed class ConditionRejectedRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationContext context = default!;
        PatientFact patient = default!;
        ProgramInForce program = default!;
        IClaim claim = default!;

        When()
            .Match(() => context)
            .Match(() => patient)
            .Match(() => program)
            .Match(() => claim,
                c => Label.Is("a recorded decision declined to add the condition to the list", context.Rejects(c.ConditionId)),
                c => Label.Is("no practitioner discretion applies", !context.DiscretionAppliesTo(patient)));
        Then()
            .Yield(_ => Derive.Rejected(context, claim));
    }
}
