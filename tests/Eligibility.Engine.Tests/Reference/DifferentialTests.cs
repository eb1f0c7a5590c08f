using System.Reflection;
using Eligibility.Engine.Internal;

namespace Eligibility.Engine.Tests.Reference;

/// <summary>
/// Random rule sets and inputs, run by the engine and by <see cref="ReferenceSession"/>: the firings (rule, matched
/// facts, inserted facts, in order), the facts, the near-misses and any error must be identical.
/// </summary>
public class DifferentialTests
{
    public interface IValue
    {
        int V { get; }
    }

    public interface IInput : IValue;

    public sealed record InA(int V) : IInput;

    public sealed record InB(int V) : IInput;

    public sealed record Mid(int V) : IValue;

    public sealed record Top(int V) : IValue;

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 300; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Fire_RandomRulesAndFacts_SameAsReference(int seed)
    {
        var rng = new Random(seed);
        var rules = Enumerable.Range(0, 2 + rng.Next(9)).Select(i => (Rule)new RandomRule(seed * 1000 + i, i)).ToArray();
        var set = new RuleSetBuilder().Input<InA>().Input<InB>().AddRange(rules).Compile();
        var inputs = Enumerable.Range(0, 1 + rng.Next(6)).Select(_ => rng.Next(3) == 0 ? (object)new InB(rng.Next(10)) : new InA(rng.Next(10))).ToArray();
        if (inputs.Length > 2 && rng.Next(4) == 0)
        {
            inputs[^1] = inputs[0]; // the same fact twice
        }

        foreach (var options in new[]
        {
            SessionOptions.Default,
            new SessionOptions { Explain = true },
            new SessionOptions { Trace = false },
            new SessionOptions { MaxFirings = 1 + rng.Next(6), Explain = true },
        })
        {
            Run(set, options, inputs, reference: true).Should().Be(Run(set, options, inputs, reference: false), $"seed {seed}, options {options}");
        }
    }

    [Fact]
    public void Fire_InsertAfterFire_SameAsReference()
    {
        for (var seed = 1; seed <= 100; seed++)
        {
            var rng = new Random(seed);
            var rules = Enumerable.Range(0, 2 + rng.Next(7)).Select(i => (Rule)new RandomRule(seed * 7919 + i, i)).ToArray();
            var set = new RuleSetBuilder().Input<InA>().Input<InB>().AddRange(rules).Compile();
            var first = Enumerable.Range(0, 1 + rng.Next(4)).Select(_ => (object)new InA(rng.Next(10))).ToArray();
            var second = Enumerable.Range(0, 1 + rng.Next(4)).Select(_ => (object)new InB(rng.Next(10))).ToArray();
            var options = new SessionOptions { Explain = true };
            Run(set, options, first, true, second).Should().Be(Run(set, options, first, false, second), $"seed {seed}");
        }
    }

    private static string Run(RuleSet set, SessionOptions options, object[] inputs, bool reference, object[]? more = null)
    {
        var lines = new List<string>();
        try
        {
            if (reference)
            {
                var session = new ReferenceSession(set, options);
                foreach (var fact in inputs)
                {
                    session.Insert(fact);
                }

                lines.Add($"fired {session.Fire()}");
                if (more is not null)
                {
                    foreach (var fact in more)
                    {
                        session.Insert(fact);
                    }

                    lines.Add($"fired {session.Fire()}");
                }

                Describe(lines, session.Facts, session.Firings, session.NearMisses, options.Trace ? f => session.Facts.FirstOrDefault(r => ReferenceEquals(r.Fact, f)) : _ => null);
            }
            else
            {
                var session = set.CreateSession(options);
                foreach (var fact in inputs)
                {
                    session.Insert(fact);
                }

                lines.Add($"fired {session.Fire()}");
                if (more is not null)
                {
                    foreach (var fact in more)
                    {
                        session.Insert(fact);
                    }

                    lines.Add($"fired {session.Fire()}");
                }

                Describe(lines, session.Facts, session.Firings, session.NearMisses, session.Find);
            }
        }
        catch (RuleExecutionException e)
        {
            lines.Add($"{e.GetType().Name} {e.RuleId}: {e.Message} ({e.InnerException?.GetType().Name})");
        }

        return string.Join("\n", lines);
    }

    private static void Describe(List<string> lines, IReadOnlyList<FactRecord> facts, IReadOnlyList<Firing> firings, IReadOnlyList<NearMiss> misses, Func<object, FactRecord?> find)
    {
        lines.AddRange(facts.Select(f => $"fact {f.Id} {f.Fact} by {f.InsertedBy?.Sequence} found {find(f.Fact)?.Id}"));
        lines.AddRange(firings.Select(f => $"firing {f.Sequence} {f.Rule.Id} [{string.Join(",", f.Matched.Select(m => m.Id))}] -> [{string.Join(",", f.Inserted.Select(m => m.Id))}]"));
        lines.AddRange(misses.Select(n => $"miss {n.Rule.Id} [{string.Join(",", n.MatchedFacts)}] [{string.Join(" | ", n.FailedConditions)}] {n.FiredElsewhere}"));
    }

    /// <summary>A rule drawn at random: 1–3 positive patterns with filters and joins, an optional Not/Exists guard and collection, and an action inserting 0–2 facts (rarely one that throws).</summary>
    private sealed class RandomRule(int seed, int index) : Rule
    {
        private static readonly Type[] Layer0 = [typeof(InA), typeof(InB), typeof(IInput)];
        private static readonly Type[] Layer1 = [typeof(InA), typeof(InB), typeof(IInput), typeof(Mid)];

        public override void Define(RuleBuilder rule)
        {
            var rng = new Random(seed);
            var top = rng.Next(2) == 1;
            rule.Id($"r{index}").Name($"Rule {index}").Priority(rng.Next(3) * 5);
            var when = rule.When();
            var bound = new List<(object Pattern, Type Type)>();
            var count = 1 + rng.Next(3);
            for (var p = 0; p < count; p++)
            {
                var type = (top ? Layer1 : Layer0)[rng.Next(top ? Layer1.Length : Layer0.Length)];
                var pattern = Call(nameof(MatchT), [type], when)!;
                if (rng.Next(2) == 0)
                {
                    var (mod, rem) = (2 + rng.Next(3), rng.Next(2));
                    var throws = rng.Next(25) == 0;
                    Call(nameof(WhereSelfT), [type], pattern, $"v % {mod} == {rem}", (Func<int, bool>)(v => throws && v == 7 ? throw new InvalidOperationException("seven") : v % mod == rem));
                }

                if (bound.Count > 0 && rng.Next(2) == 0)
                {
                    var (other, otherType) = bound[rng.Next(bound.Count)];
                    var kind = rng.Next(3);
                    Call(nameof(WhereJoinT), [type, otherType], pattern, other, $"join {kind}", (Func<int, int, bool>)((a, b) => kind switch { 0 => a >= b, 1 => (a + b) % 3 != 0, _ => a != b }));
                }

                bound.Add((pattern, type));
            }

            if (rng.Next(3) == 0)
            {
                var guardType = new[] { typeof(InA), typeof(InB), typeof(Mid), typeof(Top) }[rng.Next(4)];
                var (other, otherType) = bound[rng.Next(bound.Count)];
                var exists = rng.Next(3) == 0;
                var delta = rng.Next(3);
                Call(nameof(GuardT), [guardType, otherType], when, exists, other, (Func<int, int, bool>)((g, b) => Math.Abs(g - b) <= delta));
            }

            object? collection = null;
            if (rng.Next(4) == 0)
            {
                collection = Call(nameof(CollectT), [rng.Next(2) == 0 ? typeof(InA) : typeof(Mid)], when);
            }

            var inserts = rng.Next(3);
            var actionThrows = rng.Next(30) == 0;
            var salt = rng.Next(10);
            var values = bound.ToArray();
            Func<Match, IEnumerable<IValue>> produce = m =>
            {
                var sum = salt + values.Sum(b => (int)Call(nameof(ValueOfT), [b.Type], m, b.Pattern)!);
                if (collection is not null)
                {
                    sum += (int)Call(nameof(CountOfT), [collection.GetType().GetGenericArguments()[0]], m, collection)!;
                }

                if (actionThrows && sum % 4 == 0)
                {
                    throw new InvalidOperationException("action");
                }

                return Enumerable.Range(0, inserts).Select(i => top ? (IValue)new Top((sum + i) % 10) : new Mid((sum + i) % 10));
            };
            if (top)
            {
                rule.Then().InsertAll(m => produce(m).Cast<Top>());
            }
            else if (inserts == 1)
            {
                rule.Then().Insert(m => produce(m).Cast<Mid>().Single());
            }
            else
            {
                rule.Then().InsertAll(m => produce(m).Cast<Mid>());
            }
        }

        private static object? Call(string name, Type[] types, params object?[] args) =>
            typeof(RandomRule).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(types).Invoke(null, args);

        private static Pattern<T> MatchT<T>(LeftHandSide when)
            where T : class, IValue => when.Match<T>();

        private static void WhereSelfT<T>(Pattern<T> pattern, string label, Func<int, bool> test)
            where T : class, IValue => pattern.Where(label, x => test(x.V));

        private static void WhereJoinT<T, T1>(Pattern<T> pattern, Pattern<T1> other, string label, Func<int, int, bool> test)
            where T : class, IValue
            where T1 : class, IValue => pattern.Where(other, label, (x, y) => test(x.V, y.V));

        private static void GuardT<T, T1>(LeftHandSide when, bool exists, Pattern<T1> other, Func<int, int, bool> test)
            where T : class, IValue
            where T1 : class, IValue
        {
            if (exists)
            {
                when.Exists<T>(g => g.Where(other, "close to the bound fact", (x, y) => test(x.V, y.V)));
            }
            else
            {
                when.Not<T>(g => g.Where(other, "close to the bound fact", (x, y) => test(x.V, y.V)));
            }
        }

        private static Collection<T> CollectT<T>(LeftHandSide when)
            where T : class, IValue => when.Collect<T>().Where("odd", x => x.V % 2 == 1);

        private static int ValueOfT<T>(Match match, Pattern<T> pattern)
            where T : class, IValue => match.Get(pattern).V;

        private static int CountOfT<T>(Match match, Collection<T> collection)
            where T : class, IValue => match.Get(collection).Count;
    }
}
