using Eligibility.Engine;
using Eligibility.Rules.Internal;

namespace Eligibility.Rules;

/// <summary>Decides <see cref="Outcome.NotQualifying"/>: the complete list does not include the condition and no discretion applies.</summary>
public sealed class ConditionNotQualifyingRule : Rule
{
    /// <inheritdoc/>
    public override void Define(RuleBuilder rule)
    {
        rule.Id("condition-not-qualifying").Name("Condition not on the list").Priority(80)
            .Description("A condition absent from the complete list, where no practitioner discretion applies, does not qualify.");
        var when = rule.When();
        var context = when.Match<EvaluationContext>()
            .Where("the data holds the complete list of qualifying conditions", c => c.Law.ConditionList.Complete);
        var patient = when.Match<PatientFact>();
        when.Match<ProgramInForce>();
        var claim = when.Match<IClaim>()
            .Where(context, "the law does not list the condition on the as-of date", (c, ctx) => c.ConditionId is not null && ctx.ListingOf(c.ConditionId) is null)
            .Where(context, patient, "no practitioner discretion applies", (c, ctx, p) => !ctx.DiscretionAppliesTo(p));
        rule.Then().Insert(m =>
        {
            var ctx = m.Get(context);
            var c = m.Get(claim);
            var list = ctx.Law.ConditionList.Provenance;
            var why = ctx.Discretion is { Allowed: true, MinimumPatientAge: { } age }
                ? $"practitioner discretion there applies only to patients aged {age} or older"
                : $"{ctx.Law.Name} gives practitioners no discretion to certify unlisted conditions";
            var summary = $"{c.ConditionName} is not on {ctx.Law.Name}'s list of qualifying conditions ({list.Citation}, as of {Listings.Day(ctx.AsOf)}), and {why}.";
            return new ConditionFinding(c, Outcome.NotQualifying, Basis.None, null, [], list, summary);
        });
    }
}
