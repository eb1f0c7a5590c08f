using Eligibility.Engine;

namespace Eligibility.Rules;

/// <summary>Derives a claim for every broader condition (is_a): intractable pain is also judged under a chronic-pain listing.</summary>
public sealed class BroaderConditionClaimRule : Rule
{
    /// <inheritdoc/>
    public override void Define(RuleBuilder rule)
    {
        rule.Id("broader-condition-claim").Name("Broader condition").Priority(90)
            .Description("A condition that is a kind of a broader condition satisfies a listing of the broader one.");
        var when = rule.When();
        when.Match<ProgramInForce>();
        var claim = when.Match<ConditionClaim>()
            .Where("the condition is a kind of a broader condition", c => c.ConditionId is not null && c.BroaderConditions.Count > 0);
        rule.Then().InsertAll(m =>
        {
            var c = m.Get(claim);
            return c.BroaderConditions.Select(b => new DerivedClaim(c, b.Id, b.Name, Basis.BroaderCondition,
                $"{c.ConditionName} is a kind of {b.Name.ToLowerInvariant()}, so it is also judged under a listing of {b.Name.ToLowerInvariant()}."));
        });
    }
}
