using Eligibility.Engine.Tests.TestAssets;

namespace Eligibility.Engine.Tests.Issues;

/// <summary>
/// Explain mode evaluated every condition of a pattern, including one that dereferences what an earlier condition
/// had checked for null, and crashed with a NullReferenceException. Matching stops at the first failure; explain mode
/// now skips a condition that throws after an earlier failure.
/// </summary>
public class ExplainModeEvaluatesDependentConditionTests
{
    [Fact]
    public void Fire_ExplainMode_ConditionRelyingOnAnEarlierOne_IsNotEvaluatedAfterItFails()
    {
        string? nothing = null;
        var set = new RuleSetBuilder().Input<Person>().Add(new InlineRule(r =>
        {
            r.Id("dependent");
            r.When().Match<Person>()
                .Where("a nickname is known", _ => nothing is not null)
                .Where("the nickname is short", _ => nothing!.Length < 5);
            r.Then().Insert(m => new Note("x"));
        })).Compile();
        var session = set.CreateSession(new SessionOptions { Explain = true });
        session.Insert(new Person("Ann", 30));

        var act = () => session.Fire();

        act.Should().NotThrow();
        session.NearMisses.Single().FailedConditions.Should().Equal("a nickname is known");
    }

    [Fact]
    public void Fire_ExplainMode_FirstConditionThrows_StillWrappedWithRuleId()
    {
        var set = new RuleSetBuilder().Input<Person>().Add(new InlineRule(r =>
        {
            r.Id("broken");
            r.When().Match<Person>().Where("the name has a tenth letter", p => p.Name[9] == 'x');
            r.Then().Insert(m => new Note("x"));
        })).Compile();
        var session = set.CreateSession(new SessionOptions { Explain = true });
        session.Insert(new Person("Ann", 30));

        session.Invoking(s => s.Fire()).Should().Throw<RuleExecutionException>().Which.RuleId.Should().Be("broken");
    }
}
