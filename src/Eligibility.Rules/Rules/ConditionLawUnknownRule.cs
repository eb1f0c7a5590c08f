using Eligibility.Engine;

namespace Eligibility.Rules;

/// <summary>Decides <see cref="Outcome.LawUnknown"/> where the data marks the condition's status unknown or holds only part of the list, and no practitioner discretion applies.</summary>
public sealed class ConditionLawUnknownRule : Rule
{
    /// <inheritdoc/>
    public override void Define(RuleBuilder rule)
    {
        rule.Id("condition-law-unknown").Name("Law not established").Priority(80)
            .Description("Where the data does not establish a condition's status, the answer says so instead of guessing.");
        var when = rule.When();
        var context = when.Match<EvaluationContext>();
        var patient = when.Match<PatientFact>();
        when.Match<ProgramInForce>();
        var claim = when.Match<IClaim>()
            .Where(context, patient, "the data marks the condition unknown, or lacks the complete list, and no discretion applies", (c, ctx, p) =>
                c.ConditionId is not null && !ctx.DiscretionAppliesTo(p) &&
                (ctx.ListingOf(c.ConditionId) is { Status: ListingStatus.Unknown } || (ctx.ListingOf(c.ConditionId) is null && !ctx.Law.ConditionList.Complete)));
        rule.Then().Insert(m =>
        {
            var ctx = m.Get(context);
            var c = m.Get(claim);
            var entry = ctx.ListingOf(c.ConditionId);
            var summary = entry is not null
                ? $"The data does not establish whether {c.ConditionName.ToLowerInvariant()} qualifies in {ctx.Law.Name} on this date{(entry.Provenance.Note is { } note ? $": {note}" : ".")}"
                : $"The data does not hold {ctx.Law.Name}'s complete list of qualifying conditions, and {c.ConditionName.ToLowerInvariant()} is not among the entries it holds.";
            return new ConditionFinding(c, Outcome.LawUnknown, Basis.None, entry, [], entry?.Provenance ?? ctx.Law.ConditionList.Provenance, summary);
        });
    }
}
