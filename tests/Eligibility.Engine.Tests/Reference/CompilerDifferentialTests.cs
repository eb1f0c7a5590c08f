using Eligibility.Engine.Internal;
using Eligibility.Engine.Tests.TestAssets;

namespace Eligibility.Engine.Tests.Reference;

/// <summary>
/// The compiler's cycle check against the first, pairwise implementation: on random graphs of rules (what each consumes
/// through positive patterns and guards, what each produces), the same cycle is reported, or none.
/// </summary>
public class CompilerDifferentialTests
{
    private sealed record T0(int V);

    private sealed record T1(int V);

    private sealed record T2(int V);

    private sealed record T3(int V);

    private static readonly Type[] Types = [typeof(T0), typeof(T1), typeof(T2), typeof(T3), typeof(object)];

    [Fact]
    public void Compile_RandomRuleGraphs_ReportsTheSameCycleAsThePairwiseCheck()
    {
        var cycles = 0;
        for (var seed = 1; seed <= 400; seed++)
        {
            var rng = new Random(seed);
            var rules = Enumerable.Range(0, 1 + rng.Next(8)).Select(i => RandomRule(rng, i)).ToArray();
            var builder = new RuleSetBuilder().Input<T0>().Input<T1>().Input<T2>().Input<T3>().AddRange(rules);
            var models = rules.Select((rule, i) =>
            {
                var b = new RuleBuilder();
                rule.Define(b);
                return b.Build(rule.GetType(), i);
            }).ToArray();

            var expected = ReferenceCycle(models);
            var actual = Record.Exception(builder.Compile)?.Message;
            actual.Should().Be(expected, $"seed {seed}");
            cycles += expected is null ? 0 : 1;
        }

        cycles.Should().BeGreaterThan(20, "the generator should make cycles often enough to test");
    }

    private static Rule RandomRule(Random rng, int index)
    {
        var consumes = Enumerable.Range(0, 1 + rng.Next(2)).Select(_ => Types[rng.Next(Types.Length)]).ToArray();
        var guard = rng.Next(3) == 0 ? Types[rng.Next(4)] : null;
        var produces = Enumerable.Range(0, rng.Next(3)).Select(_ => Types[rng.Next(4)]).ToArray();
        return new InlineRule(r =>
        {
            r.Id($"r{index}");
            foreach (var type in consumes)
            {
                typeof(LeftHandSide).GetMethod(nameof(LeftHandSide.Match))!.MakeGenericMethod(type).Invoke(r.When(), null);
            }

            if (guard is not null)
            {
                typeof(CompilerDifferentialTests).GetMethod(nameof(NotOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                    .MakeGenericMethod(guard).Invoke(null, [r.When()]);
            }

            foreach (var type in produces)
            {
                typeof(CompilerDifferentialTests).GetMethod(nameof(InsertOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                    .MakeGenericMethod(type).Invoke(null, [r.Then()]);
            }

            if (produces.Length == 0)
            {
                r.Then().Insert(_ => new Note("x"));
            }
        });
    }

    private static void NotOf<T>(LeftHandSide when)
        where T : class => when.Not<T>(_ => { });

    private static void InsertOf<T>(RightHandSide then)
        where T : class => then.Insert<T>(_ => null);

    /// <summary>The original check: a depth-first search testing every pair of rules.</summary>
    private static string? ReferenceCycle(RuleModel[] rules)
    {
        bool Feeds(RuleModel from, RuleModel to) =>
            from.Produces.Any(p => to.Positive.Any(pattern => pattern.FactType.IsAssignableFrom(p)));

        var state = new int[rules.Length];
        var stack = new List<RuleModel>();
        string? found = null;

        bool Visit(int i)
        {
            state[i] = 1;
            stack.Add(rules[i]);
            for (var j = 0; j < rules.Length; j++)
            {
                if (!Feeds(rules[i], rules[j]))
                {
                    continue;
                }

                if (state[j] == 1)
                {
                    var start = stack.IndexOf(rules[j]);
                    var cycle = string.Join(" -> ", stack.Skip(start).Select(r => r.Info.Id).Append(rules[j].Info.Id));
                    found = new RuleCompilationException(rules[j].Info.Id, $"rules consume what they produce in a cycle ({cycle}); use a distinct fact type for derived facts").Message;
                    return true;
                }

                if (state[j] == 0 && Visit(j))
                {
                    return true;
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[i] = 2;
            return false;
        }

        for (var i = 0; i < rules.Length; i++)
        {
            if (state[i] == 0 && Visit(i))
            {
                break;
            }
        }

        return found;
    }
}
