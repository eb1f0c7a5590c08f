using Eligibility.Engine.Tests.TestAssets;

namespace Eligibility.Engine.Tests;

public class SessionTests
{
    private static RuleSet Compile(params Rule[] rules) =>
        new RuleSetBuilder().Input<Person>().Input<Town>().Input<Residence>().Input<Blocked>().Input<Counter>().AddRange(rules).Compile();

    private static Rule AdultRule(int priority = 0) => new InlineRule(r =>
    {
        r.Id("adult").Name("Adult").Priority(priority);
        var p = r.When().Match<Person>().Where("the person is 18 or older", x => x.Age >= 18);
        r.Then().Insert(m => new Adult(m.Get(p)));
    });

    [Fact]
    public void Fire_ThreeRulesChained_DerivesEachLevelWithProvenance()
    {
        // Arrange: Person -> Adult -> Voter -> Juror
        var set = Compile(
            AdultRule(),
            new InlineRule(r => { r.Id("voter"); var a = r.When().Match<Adult>(); r.Then().Insert(m => new Voter(m.Get(a).Person)); }),
            new InlineRule(r => { r.Id("juror"); var v = r.When().Match<Voter>(); r.Then().Insert(m => new Juror(m.Get(v).Person)); }));
        var session = set.CreateSession();
        var ann = new Person("Ann", 30);
        session.Insert(ann);

        // Act
        var fired = session.Fire();

        // Assert
        fired.Should().Be(3);
        var juror = session.Query<Juror>().Single();
        juror.Person.Should().Be(ann);
        var record = session.Find(juror)!;
        record.InsertedBy!.Rule.Id.Should().Be("juror");
        record.InsertedBy.Matched.Single().InsertedBy!.Rule.Id.Should().Be("voter");
        record.InsertedBy.Matched.Single().InsertedBy!.Matched.Single().InsertedBy!.Rule.Id.Should().Be("adult");
        session.Firings.Select(f => f.Rule.Id).Should().Equal("adult", "voter", "juror");
    }

    [Fact]
    public void Fire_NegationStopsMatchingAfterInsert_PendingActivationIsDropped()
    {
        // "block" (higher priority) inserts Blocked for Bob; "vote" requires no Blocked for the person.
        var set = Compile(
            new InlineRule(r =>
            {
                r.Id("block").Priority(10);
                var p = r.When().Match<Person>().Where("the person is Bob", x => x.Name == "Bob");
                r.Then().Insert(m => new Blocked(m.Get(p)));
            }),
            new InlineRule(r =>
            {
                r.Id("vote");
                var p = r.When().Match<Person>();
                r.When().Not<Blocked>(b => b.Where(p, "the person is blocked", (b, person) => b.Person == person));
                r.Then().Insert(m => new Voter(m.Get(p)));
            }));
        var session = set.CreateSession();
        session.Insert(new Person("Ann", 30));
        session.Insert(new Person("Bob", 30));

        session.Fire();

        session.Query<Voter>().Select(v => v.Person.Name).Should().Equal("Ann");
    }

    [Fact]
    public void Fire_ExistsRequiresAMatchingFact()
    {
        var set = Compile(new InlineRule(r =>
        {
            r.Id("resident-voter");
            var p = r.When().Match<Person>();
            r.When().Exists<Residence>(x => x.Where(p, "the person has a residence", (res, person) => res.Person == person));
            r.Then().Insert(m => new Voter(m.Get(p)));
        }));
        var session = set.CreateSession();
        var ann = new Person("Ann", 30);
        session.Insert(ann);
        session.Insert(new Person("Bob", 30));
        session.Insert(new Residence(ann, new Town("Troy")));

        session.Fire();

        session.Query<Voter>().Select(v => v.Person.Name).Should().Equal("Ann");
    }

    [Fact]
    public void Fire_HigherPriorityFiresFirst_RegardlessOfDeclarationOrder()
    {
        var set = Compile(
            new InlineRule(r => { r.Id("low").Priority(1); r.When().Match<Person>(); r.Then().Insert(m => new Note("low")); }),
            new InlineRule(r => { r.Id("high").Priority(5); r.When().Match<Person>(); r.Then().Insert(m => new Note("high")); }));
        var session = set.CreateSession();
        session.Insert(new Person("Ann", 30));

        session.Fire();

        session.Firings.Select(f => f.Rule.Id).Should().Equal("high", "low");
    }

    [Fact]
    public void Fire_EqualPriority_OrdersByDeclarationThenFactOrder()
    {
        var set = Compile(
            new InlineRule(r => { r.Id("first"); var p = r.When().Match<Person>(); r.Then().Insert(m => new Note("first " + m.Get(p).Name)); }),
            new InlineRule(r => { r.Id("second"); var p = r.When().Match<Person>(); r.Then().Insert(m => new Note("second " + m.Get(p).Name)); }));

        string[] Run()
        {
            var session = set.CreateSession();
            session.Insert(new Person("Ann", 30));
            session.Insert(new Person("Bob", 40));
            session.Fire();
            return [.. session.Query<Note>().Select(n => n.Text)];
        }

        var once = Run();
        once.Should().Equal("first Ann", "first Bob", "second Ann", "second Bob");
        Enumerable.Range(0, 20).Select(_ => Run()).Should().AllSatisfy(run => run.Should().Equal(once));
    }

    [Fact]
    public void Fire_Refraction_ARuleFiresOncePerTupleEvenWhenOtherFactsArrive()
    {
        // "count" matches every Person; "spawn" inserts a Note (unrelated type) - count must not refire for Ann.
        var set = Compile(
            new InlineRule(r => { r.Id("count"); var p = r.When().Match<Person>(); r.Then().Insert(m => new Note("seen " + m.Get(p).Name)); }),
            new InlineRule(r => { r.Id("greet"); var n = r.When().Match<Note>(); r.Then().Insert(m => new Voter(new Person("x", 1))); }));
        var session = set.CreateSession();
        session.Insert(new Person("Ann", 30));

        session.Fire();

        session.Firings.Count(f => f.Rule.Id == "count").Should().Be(1);
    }

    [Fact]
    public void Fire_JoinOfThreeFactTypes_MatchesOnlyConsistentTuples()
    {
        var set = Compile(new InlineRule(r =>
        {
            r.Id("local-adult");
            var when = r.When();
            var person = when.Match<Person>().Where("an adult", p => p.Age >= 18);
            var town = when.Match<Town>();
            when.Match<Residence>().Where(person, town, "the person lives in the town", (res, p, t) => res.Person == p && res.Town == t);
            r.Then().Insert(m => new Note($"{m.Get(person).Name}@{m.Get(town).Name}"));
        }));
        var session = set.CreateSession();
        Person ann = new("Ann", 30), kid = new("Kid", 9);
        Town troy = new("Troy"), rome = new("Rome");
        foreach (var fact in new object[] { ann, kid, troy, rome, new Residence(ann, rome), new Residence(kid, troy) })
        {
            session.Insert(fact);
        }

        session.Fire();

        session.Query<Note>().Select(n => n.Text).Should().Equal("Ann@Rome");
    }

    [Fact]
    public void Fire_Collect_GathersMatchingFactsWhenTheRuleFires()
    {
        var set = Compile(
            AdultRule(priority: 10),
            new InlineRule(r =>
            {
                r.Id("census");
                var t = r.When().Match<Town>();
                var adults = r.When().Collect<Adult>().Where(t, "adults (any town)", (a, town) => true);
                r.Then().Insert(m => new Note($"{m.Get(t).Name}: {m.Get(adults).Count}"));
            }));
        var session = set.CreateSession();
        session.Insert(new Town("Troy"));
        session.Insert(new Person("Ann", 30));
        session.Insert(new Person("Bob", 40));
        session.Insert(new Person("Kid", 5));

        session.Fire();

        session.Query<Note>().Single().Text.Should().Be("Troy: 2");
    }

    [Fact]
    public void Fire_FiringLimitReached_ThrowsNamingTheRule()
    {
        // Each Counter below 1000 yields the next: a deliberately runaway chain through a guard-free counter.
        var set = new RuleSetBuilder().Input<Counter>().Add(new InlineRule(r =>
        {
            r.Id("runaway").Name("Runaway");
            var c = r.When().Match<Counter>().Where("below 1000", x => x.Value < 1000);
            r.Then().Insert(m => new Note("tick"));
        })).Add(new InlineRule(r =>
        {
            r.Id("ticker");
            r.When().Match<Note>();
            r.Then().Insert(m => new Juror(new Person("j", 1)));
        })).Compile();
        var session = set.CreateSession(new SessionOptions { MaxFirings = 3 });
        for (var i = 0; i < 10; i++)
        {
            session.Insert(new Counter(i));
        }

        var act = () => session.Fire();

        act.Should().Throw<RuleExecutionException>().Where(e => e.RuleId == "runaway" && e.Message.Contains("firing limit of 3"));
    }

    [Fact]
    public void Fire_CancelledToken_ThrowsOperationCanceled()
    {
        var set = Compile(AdultRule());
        var session = set.CreateSession();
        session.Insert(new Person("Ann", 30));
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        var act = () => session.Fire(cts.Token);

        act.Should().Throw<OperationCanceledException>();
        session.Firings.Should().BeEmpty();
    }

    [Fact]
    public void Fire_ConditionThrows_WrapsWithRuleIdAndLabel()
    {
        var set = Compile(new InlineRule(r =>
        {
            r.Id("fragile");
            r.When().Match<Person>().Where("the name has a fifth letter", p => p.Name[4] == 'x');
            r.Then().Insert(m => new Note("x"));
        }));
        var session = set.CreateSession();
        session.Insert(new Person("Al", 30));

        var act = () => session.Fire();

        act.Should().Throw<RuleExecutionException>().Where(e => e.RuleId == "fragile" && e.Message.Contains("the name has a fifth letter"));
    }

    [Fact]
    public void Fire_ExplainMode_RecordsNearMissWithFailedLabels()
    {
        var set = Compile(
            AdultRule(),
            new InlineRule(r =>
            {
                r.Id("senior-resident").Name("Senior resident");
                var p = r.When().Match<Person>()
                    .Where("the person is 65 or older", x => x.Age >= 65)
                    .Where("the person's name starts with A", x => x.Name.StartsWith('A'));
                r.When().Exists<Residence>(x => x.Where(p, "the person has a residence", (res, person) => res.Person == person));
                r.Then().Insert(m => new Note("senior"));
            }));
        var session = set.CreateSession(new SessionOptions { Explain = true });
        session.Insert(new Person("Ann", 30));

        session.Fire();

        var miss = session.NearMisses.Should().ContainSingle().Subject;
        miss.Rule.Id.Should().Be("senior-resident");
        miss.FailedConditions.Should().Equal("the person is 65 or older");
    }

    [Fact]
    public void Fire_ExplainMode_ReportsAFailedGuardAndAMissingType()
    {
        var set = Compile(
            new InlineRule(r =>
            {
                r.Id("resident");
                var p = r.When().Match<Person>();
                r.When().Exists<Residence>(x => x.Where(p, "the person has a residence", (res, person) => res.Person == person));
                r.Then().Insert(m => new Note("resident"));
            }),
            new InlineRule(r =>
            {
                r.Id("townsfolk");
                r.When().Match<Town>();
                r.Then().Insert(m => new Note("town"));
            }));
        var session = set.CreateSession(new SessionOptions { Explain = true });
        session.Insert(new Person("Ann", 30));

        session.Fire();

        session.NearMisses.Single(n => n.Rule.Id == "resident").FailedConditions.Should().Equal("some Residence where the person has a residence");
        session.NearMisses.Single(n => n.Rule.Id == "townsfolk").FailedConditions.Should().Equal("no fact of type Town");
    }

    [Fact]
    public void Fire_TraceOff_RecordsNoFiringsButStillDerives()
    {
        var set = Compile(AdultRule());
        var session = set.CreateSession(new SessionOptions { Trace = false });
        session.Insert(new Person("Ann", 30));

        session.Fire().Should().Be(1);

        session.Firings.Should().BeEmpty();
        session.Query<Adult>().Should().ContainSingle();
    }

    [Fact]
    public void Fire_PatternOnInterface_MatchesEveryImplementingFact()
    {
        var set = new RuleSetBuilder().Input<Person>().Input<Town>().Add(new InlineRule(r =>
        {
            r.Id("any-record");
            var x = r.When().Match<IEquatable<Person>>();
            r.Then().Insert(m => new Note("person"));
        })).Compile();
        var session = set.CreateSession();
        session.Insert(new Person("Ann", 1));
        session.Insert(new Town("Troy"));

        session.Fire();

        session.Query<Note>().Should().ContainSingle();
    }

    [Fact]
    public async Task CreateSession_ManyThreadsOnOneRuleSet_GiveSequentialResults()
    {
        var set = Compile(AdultRule(), new InlineRule(r => { r.Id("voter"); var a = r.When().Match<Adult>(); r.Then().Insert(m => new Voter(m.Get(a).Person)); }));
        string Run(int i)
        {
            var session = set.CreateSession();
            session.Insert(new Person($"p{i}", i % 40));
            session.Fire();
            return string.Join(",", session.Firings.Select(f => f.Rule.Id));
        }

        var sequential = Enumerable.Range(0, 400).Select(Run).ToArray();
        var parallel = await Task.WhenAll(Enumerable.Range(0, 400).Select(i => Task.Run(() => Run(i))));

        parallel.Should().Equal(sequential);
    }
}
