using Eligibility.Engine;

namespace Eligibility.Rules;

/// <summary>Decides <see cref="Outcome.PractitionerDiscretion"/> for an unlisted condition (or one whose listing the data cannot establish) where a practitioner may certify conditions the law does not list.</summary>
public sealed class PractitionerDiscretionRule : Rule
{
    /// <inheritdoc/>
    public override void Define(RuleBuilder rule)
    {
        rule.Id("practitioner-discretion").Name("Practitioner discretion").Priority(80)
            .Description("An unlisted condition can still be certified where the law lets a practitioner certify conditions it does not list.");
        var when = rule.When();
        var context = when.Match<EvaluationContext>();
        var patient = when.Match<PatientFact>();
        when.Match<ProgramInForce>();
        var claim = when.Match<IClaim>()
            .Where(context, "the law does not list the condition on the as-of date (or the data cannot say whether it does)", (c, ctx) => c.ConditionId is not null && ctx.ListingOf(c.ConditionId) is null or { Status: ListingStatus.Unknown })
            .Where(context, patient, "a practitioner may certify unlisted conditions for this patient", (c, ctx, p) => ctx.DiscretionAppliesTo(p));
        rule.Then().Insert(m =>
        {
            var ctx = m.Get(context);
            var c = m.Get(claim);
            var discretion = ctx.Discretion!;
            var wording = discretion.Wording is null ? "" : $": \"{discretion.Wording}\"";
            var listing = ctx.ListingOf(c.ConditionId) is null
                ? $"{ctx.Law.Name} does not list {c.ConditionName.ToLowerInvariant()}"
                : $"The data does not establish whether {ctx.Law.Name} lists {c.ConditionName.ToLowerInvariant()}";
            var summary = $"{listing}, but a practitioner may certify it at discretion{wording} ({discretion.Provenance.Citation}).";
            return new ConditionFinding(c, Outcome.PractitionerDiscretion, Basis.PractitionerDiscretion, null,
                ["a practitioner determines that cannabis may benefit the patient's condition"], discretion.Provenance, summary);
        });
    }
}
