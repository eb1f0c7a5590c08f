using Eligibility.Engine.Tests.TestAssets;

namespace Eligibility.Engine.Tests;

public class RuleSetBuilderTests
{
    [Fact]
    public void Compile_DuplicateIds_ThrowsNamingTheRule()
    {
        var builder = new RuleSetBuilder().Input<Person>()
            .Add(new InlineRule(r => { r.Id("same"); r.When().Match<Person>(); r.Then().Insert(m => new Note("a")); }))
            .Add(new InlineRule(r => { r.Id("same"); r.When().Match<Person>(); r.Then().Insert(m => new Note("b")); }));

        var act = () => builder.Compile();

        act.Should().Throw<RuleCompilationException>().Which.RuleId.Should().Be("same");
    }

    [Fact]
    public void Compile_PatternOnTypeNoOneProduces_ThrowsNamingTypeAndRule()
    {
        var builder = new RuleSetBuilder().Input<Person>()
            .Add(new InlineRule(r => { r.Id("needs-town"); r.When().Match<Town>(); r.Then().Insert(m => new Note("x")); }));

        var act = () => builder.Compile();

        act.Should().Throw<RuleCompilationException>().WithMessage("*needs-town*Town*");
    }

    [Fact]
    public void Compile_RulesFeedingEachOtherInACycle_Throws()
    {
        var builder = new RuleSetBuilder().Input<Person>()
            .Add(new InlineRule(r => { r.Id("a"); r.When().Match<Adult>(); r.Then().Insert(m => new Voter(new Person("x", 1))); }))
            .Add(new InlineRule(r => { r.Id("b"); r.When().Match<Voter>(); r.Then().Insert(m => new Adult(new Person("x", 1))); }));

        var act = () => builder.Compile();

        act.Should().Throw<RuleCompilationException>().WithMessage("*cycle*");
    }

    [Fact]
    public void Compile_NegatedGuardOnOwnOutput_IsNotACycle()
    {
        var builder = new RuleSetBuilder().Input<Person>()
            .Add(new InlineRule(r =>
            {
                r.Id("once");
                var p = r.When().Match<Person>();
                r.When().Not<Adult>(a => a.Where(p, "an adult record for this person", (a, person) => a.Person == person));
                r.Then().Insert(m => new Adult(m.Get(p)));
            }));

        builder.Invoking(b => b.Compile()).Should().NotThrow();
    }

    [Fact]
    public void Compile_JoinToLaterPattern_Throws()
    {
        var builder = new RuleSetBuilder().Input<Person>().Input<Town>()
            .Add(new InlineRule(r =>
            {
                r.Id("bad-join");
                var when = r.When();
                var person = when.Match<Person>();
                var town = when.Match<Town>();
                person.Where(town, "joins forward", (p, t) => true);
                r.Then().Insert(m => new Note("x"));
            }));

        builder.Invoking(b => b.Compile()).Should().Throw<RuleCompilationException>().WithMessage("*bad-join*earlier Match pattern*");
    }

    [Fact]
    public void Compile_RuleWithoutAction_Throws()
    {
        var builder = new RuleSetBuilder().Input<Person>()
            .Add(new InlineRule(r => { r.Id("no-action"); r.When().Match<Person>(); }));

        builder.Invoking(b => b.Compile()).Should().Throw<RuleCompilationException>().WithMessage("*no-action*action*");
    }

    [Fact]
    public void Rules_ListsMetadataInDeclarationOrder()
    {
        var set = new RuleSetBuilder().Input<Person>()
            .Add(new InlineRule(r => { r.Id("low").Name("Low").Priority(1).Description("d1"); r.When().Match<Person>(); r.Then().Insert(m => new Note("1")); }))
            .Add(new InlineRule(r => { r.Id("high").Name("High").Priority(9).Description("d2"); r.When().Match<Person>(); r.Then().Insert(m => new Note("2")); }))
            .Compile();

        set.Rules.Select(r => r.Id).Should().Equal("low", "high");
        set.Rules[1].Should().Be(new RuleInfo("high", "High", "d2", 9, 1));
    }
}
