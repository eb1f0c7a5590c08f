using System.Text.Json;
using Eligibility.Data;
using Eligibility.Internal;
using Eligibility.Rules;
using Eligibility.Rules.Execution;
using Eligibility.Tests.TestAssets;
using Microsoft.Extensions.Logging.Abstractions;

namespace Eligibility.Tests.Internal;

/// <summary>Warm sessions (each law period kept propagated) against naive NRules (a new session per query) and the opt-in cache.</summary>
public class WarmSessionTests
{
    private static readonly DateOnly[] Days = [new(2012, 1, 1), new(2019, 1, 1), new(2024, 5, 1), new(2026, 11, 22)];

    private static DefaultEligibilityEngine Engine(RunnerOptions? runner = null, int cache = 0, params NRules.Fluent.Dsl.Rule[] extra) =>
        new(LawSource.FromLibrary(LawLibrary.LoadEmbedded()), ConditionCatalog.Default, new ConditionResolver(ConditionCatalog.Default),
            DefaultEligibilityEngine.CompileRules(extra), TimeProvider.System, NullLogger.Instance, runnerOptions: runner, decisionCacheSize: cache);

    private static string Json(EligibilityDecision d) => JsonSerializer.Serialize(d, EligibilityJsonContext.Default.EligibilityDecision);

    private static IEnumerable<EligibilityQuery> Queries(IEligibilityEngine engine)
    {
        foreach (var law in engine.Jurisdictions)
        {
            foreach (var day in Days)
            {
                yield return new EligibilityQuery { Jurisdiction = law.Code, Conditions = ["chronic pain", "opioid use disorder", "opioid withdrawal"], AsOf = day };
                yield return new EligibilityQuery { Jurisdiction = law.Code, Conditions = ["cancer", "nonsense"], AsOf = day, Age = 16, Visitor = true, Medications = ["methadone"], Explain = true };
            }
        }
    }

    [Fact]
    public void Evaluate_WarmSessions_GiveTheDecisionsOfNewSessions_InAnyOrder()
    {
        var warm = Engine();
        var naive = Engine(new RunnerOptions { WarmSessions = false });
        var queries = Queries(warm).ToList();

        // Twice, the second time backwards: a warm session must come back to its law after every query.
        foreach (var query in queries.Concat(Enumerable.Reverse(queries)))
        {
            Json(warm.Evaluate(query)).Should().Be(Json(naive.Evaluate(query)), $"{query.Jurisdiction} {query.AsOf}");
        }
    }

    [Fact]
    public void Evaluate_ConsumerRuleWithPlainInsert_ItsFactDoesNotOutliveTheQuery()
    {
        var engine = Engine(extra: new PlainInsertAdvisoryRule());
        var senior = new EligibilityQuery { Jurisdiction = "NJ", Conditions = ["cancer"], Age = 80, AsOf = new DateOnly(2026, 11, 22) };

        engine.Evaluate(senior).Advisories.Should().Contain(a => a.Code == "clinic-senior");
        engine.Evaluate(senior with { Age = 40 }).Advisories.Should().NotContain(a => a.Code == "clinic-senior", "the warm session dropped the first query's facts");
    }

    [Fact]
    public void Evaluate_WithCache_SameDecisionsAsWithout()
    {
        var plain = Engine();
        var cached = Engine(cache: 64);
        foreach (var query in Queries(plain).Take(300))
        {
            Json(cached.Evaluate(query)).Should().Be(Json(plain.Evaluate(query)));
            Json(cached.Evaluate(query)).Should().Be(Json(plain.Evaluate(query)), "a hit is the decision the rules give");
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100_001)]
    public void Create_CacheSizeOutOfRange_ClearError(int size)
    {
        var act = () => EligibilityEngine.Create(new EligibilityOptions { DecisionCacheSize = size });

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*0 (no cache) to 100,000*");
    }

    [Fact]
    public void Evaluate_RuleThatLoops_FailsNamingTheRule()
    {
        var engine = Engine(new RunnerOptions { MaxFirings = 3 });

        var act = () => engine.Evaluate(new EligibilityQuery { Jurisdiction = "NJ", Conditions = ["chronic pain", "opioid use disorder", "cancer"], AsOf = new DateOnly(2026, 11, 22) });

        act.Should().Throw<RuleEvaluationException>().WithMessage("Rule '*': the firing limit of 3 was reached*");
    }

    [Fact]
    public void Evaluate_Cancelled_OperationCanceledNamingTheLastRule()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var act = () => Engine().Evaluate(new EligibilityQuery { Jurisdiction = "NJ", Conditions = ["cancer"] }, cancelled.Token);

        act.Should().Throw<OperationCanceledException>();
    }
}
