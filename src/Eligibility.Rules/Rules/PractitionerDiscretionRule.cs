using Eligibility.Rules.Internal;
using NRules.Fluent.Dsl;

namespace Eligibility.Rules;

/// <summary>
/// Finds the practitioner catch-all route: where the law lets a practitioner certify conditions at discretion, any
/// recognised condition of the patient can be certified that way — an unlisted one, and a listed one without the
/// listing's qualifiers — within the catch-all's limits (a minimum age).
/// </summary>
[RuleId("practitioner-discretion"), Name("Practitioner discretion"), Priority(80)]
[Description("Where the law lets a practitioner certify conditions at discretion, a condition can be certified that way, listed or not.")]
public sealed class PractitionerDiscretionRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationContext context = default!;
        PatientFact patient = default!;
        ProgramInForce program = default!;
        ConditionClaim claim = default!;

        When()
            .Match(() => context)
            .Match(() => patient)
            .Match(() => program)
            .Match(() => claim,
                c => Label.Is("the condition was recognised", c.ConditionId != null),
                c => Label.Is("a practitioner may certify unlisted conditions for this patient", context.DiscretionAppliesTo(patient)));
        Then()
            .Yield(_ => Derive.Discretion(context, patient, claim));
    }
}
