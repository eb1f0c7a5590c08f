using BenchmarkDotNet.Attributes;
using NRules;
using NRules.Fluent;
using NRules.Fluent.Dsl;
using NRules.RuleModel;

namespace Eligibility.Benchmarks;

/// <summary>
/// The floor under any design that runs a query through NRules 1.0.4: the smallest possible warm-session work (insert
/// the query's facts, fire, read, retract), with trivial rules and no explanation, against the same dictionary lookup
/// baseline as <see cref="DecisionBenchmarks"/>. What the real rules cost above this floor is theirs; the floor is
/// NRules'.
/// </summary>
[MemoryDiagnoser]
[ShortJob]
public class NRulesFloorBenchmarks
{
    private Dictionary<(string Jurisdiction, string Condition, DateOnly AsOf), int> _lookup = null!;
    private ISession _oneRule = null!, _threeFacts = null!, _fiftySix = null!;
    private readonly (string, string, DateOnly) _key = ("ny", "chronic-pain", new DateOnly(2026, 12, 7));

    [GlobalSetup]
    public void Setup()
    {
        _lookup = [];
        foreach (var code in new[] { "ny", "ca", "tx", "pa", "oh" })
        {
            foreach (var condition in new[] { "chronic-pain", "opioid-use-disorder", "cancer" })
            {
                _lookup[(code, condition, new DateOnly(2026, 12, 7))] = code.Length + condition.Length;
            }
        }

        _oneRule = Session(new OneFactRule());
        _threeFacts = Session(new ThreeFactRule());
        _threeFacts.Insert(new FloorLaw(0));
        _fiftySix = Session(new ThreeFactRule());
        for (var i = 0; i < 56; i++)
        {
            _fiftySix.Insert(new FloorLaw(i));
        }
    }

    [Benchmark(Baseline = true, Description = "Lookup (precomputed dictionary)")]
    public int LookupBaseline() => _lookup[_key];

    [Benchmark(Description = "NRules floor: 1 fact, 1 one-pattern rule, 1 firing")]
    public int OneFact()
    {
        var claim = new FloorClaim("chronic-pain");
        _oneRule.Insert(claim);
        var fired = _oneRule.Fire();
        _oneRule.Retract(claim);
        return fired;
    }

    [Benchmark(Description = "NRules floor: 2 query facts joined to 1 warm law fact, 1 firing")]
    public int ThreeFacts() => Query(_threeFacts);

    [Benchmark(Description = "NRules floor: 2 query facts joined to 56 warm law facts, 56 firings")]
    public int FiftySix() => Query(_fiftySix);

    private static int Query(ISession session)
    {
        var claim = new FloorClaim("chronic-pain");
        var patient = new FloorPatient(40);
        session.Insert(patient);
        session.Insert(claim);
        var fired = session.Fire();
        session.Retract(claim);
        session.Retract(patient);
        return fired;
    }

    private static ISession Session(Rule rule)
    {
        var definitions = new RuleDefinitionFactory().Create([rule]);
        var factory = new RuleCompiler().Compile(definitions);
        var session = factory.CreateSession();
        return session;
    }

    public sealed class FloorLaw(int id)
    {
        public int Id { get; } = id;

        public bool Lists(string condition) => condition.Length > 0;
    }

    public sealed class FloorClaim(string condition)
    {
        public string Condition { get; } = condition;
    }

    public sealed class FloorPatient(int age)
    {
        public int Age { get; } = age;
    }

    public sealed class FloorFinding(FloorClaim claim)
    {
        public FloorClaim Claim { get; } = claim;
    }

    public sealed class OneFactRule : Rule
    {
        public override void Define()
        {
            FloorClaim claim = default!;
            When().Match(() => claim, c => c.Condition != null);
            Then().Yield(_ => new FloorFinding(claim));
        }
    }

    public sealed class ThreeFactRule : Rule
    {
        public override void Define()
        {
            FloorLaw law = default!;
            FloorPatient patient = default!;
            FloorClaim claim = default!;
            When()
                .Match(() => law)
                .Match(() => patient, p => p.Age >= 0)
                .Match(() => claim, c => law.Lists(c.Condition));
            Then().Yield(_ => new FloorFinding(claim));
        }
    }
}
