using Eligibility.Engine;
using Eligibility.Law;

namespace Eligibility.Rules;

/// <summary>
/// Where the law does not list a condition but lists a narrower form of it defined by one qualifier (only "intractable
/// pain", asked about "chronic pain"), judges the condition under that listing with the qualifier as a requirement.
/// </summary>
public sealed class NarrowerConditionClaimRule : Rule
{
    /// <inheritdoc/>
    public override void Define(RuleBuilder rule)
    {
        rule.Id("narrower-condition-claim").Name("Narrower listed form").Priority(90)
            .Description("A condition the law lists only in a narrower form (intractable pain for chronic pain) counts once the patient's condition is shown to be of that form.");
        var when = rule.When();
        var context = when.Match<EvaluationContext>();
        var vocabulary = when.Match<ConditionVocabulary>();
        when.Match<ProgramInForce>();
        var claim = when.Match<ConditionClaim>()
            .Where(context, "the law does not list the condition itself on the as-of date", (c, ctx) => c.ConditionId is not null && ctx.ListingOf(c.ConditionId) is null)
            .Where(context, vocabulary, "the law lists a narrower form of it defined by a qualifier", (c, ctx, v) => AnyNarrowerListed(v.NarrowerByQualifier(c.ConditionId!), ctx));
        rule.Then().InsertAll(m =>
        {
            var c = m.Get(claim);
            var ctx = m.Get(context);
            return m.Get(vocabulary).NarrowerByQualifier(c.ConditionId!)
                .Where(n => ctx.ListingOf(n.Condition.Id) is { Status: ListingStatus.Listed })
                .Select(n => new DerivedClaim(c, n.Condition.Id, n.Condition.Name, Basis.NarrowerCondition,
                    $"{ctx.Law.Name} lists {n.Condition.Name.ToLowerInvariant()}, a narrower form of {c.ConditionName.ToLowerInvariant()}; it counts if the {c.ConditionName.ToLowerInvariant()} is of that form.")
                {
                    AddedQualifiers = [new Qualifier(n.Qualifier)],
                });
        });
    }

    private static bool AnyNarrowerListed(IReadOnlyList<(ConditionRef Condition, QualifierKind Qualifier)> narrower, EvaluationContext context)
    {
        for (var i = 0; i < narrower.Count; i++)
        {
            if (context.ListingOf(narrower[i].Condition.Id) is { Status: ListingStatus.Listed })
            {
                return true;
            }
        }

        return false;
    }
}
