using System.Linq.Expressions;
using NRules.RuleModel;

namespace Eligibility.Rules.Execution;

/// <summary>
/// NativeAOT support: one lambda of each shape the standard rules' definitions hold, so that the ahead-of-time
/// compiler generates the <c>Expression&lt;TDelegate&gt;</c> types NRules' fluent DSL otherwise builds by reflection
/// (without them a NativeAOT program fails with "missing native code or metadata"). A test keeps this list equal to
/// what the rules use.
/// </summary>
internal static class AotExpressionShapes
{
    /// <summary>The lambdas, one per shape.</summary>
    /// <returns>The lambdas.</returns>
    public static IReadOnlyList<LambdaExpression> Create() =>
    [
        Keep<Action<IContext, ConditionClaim, IEnumerable<ConditionFinding>, IEnumerable<ProductScopeLimit>>>((p0, p1, p2, p3) => Nothing()),
        Keep<Action<IContext, ConditionClaim>>((p0, p1) => Nothing()),
        Keep<Action<IContext, ConditionVocabulary, ConditionClaim>>((p0, p1, p2) => Nothing()),
        Keep<Action<IContext, ConditionVocabulary, EvaluationContext, ConditionClaim>>((p0, p1, p2, p3) => Nothing()),
        Keep<Action<IContext, EvaluationContext, AsOfDay, ConditionClaim>>((p0, p1, p2, p3) => Nothing()),
        Keep<Action<IContext, EvaluationContext, AsOfDay, IClaim>>((p0, p1, p2, p3) => Nothing()),
        Keep<Action<IContext, EvaluationContext, AsOfDay>>((p0, p1, p2) => Nothing()),
        Keep<Action<IContext, EvaluationContext, IClaim>>((p0, p1, p2) => Nothing()),
        Keep<Action<IContext, EvaluationContext, IEnumerable<ConditionResult>, IEnumerable<PatientRequirement>>>((p0, p1, p2, p3) => Nothing()),
        Keep<Action<IContext, EvaluationContext, PatientFact, ConditionClaim>>((p0, p1, p2, p3) => Nothing()),
        Keep<Action<IContext, EvaluationContext>>((p0, p1) => Nothing()),
        Keep<Action<IContext, ProgramInForce>>((p0, p1) => Nothing()),
        Keep<Action<IContext>>(p0 => Nothing()),
        Keep<Func<AsOfDay, EvaluationContext, bool>>((p0, p1) => false),
        Keep<Func<ConditionClaim, ConditionVocabulary, EvaluationContext, bool>>((p0, p1, p2) => false),
        Keep<Func<ConditionClaim, ConditionVocabulary, bool>>((p0, p1) => false),
        Keep<Func<ConditionClaim, EvaluationContext, PatientFact, bool>>((p0, p1, p2) => false),
        Keep<Func<ConditionClaim, EvaluationContext, bool>>((p0, p1) => false),
        Keep<Func<ConditionClaim, bool>>(p0 => false),
        Keep<Func<ConditionFinding, ConditionClaim, bool>>((p0, p1) => false),
        Keep<Func<EvaluationContext, ConditionVocabulary, bool>>((p0, p1) => false),
        Keep<Func<EvaluationContext, bool>>(p0 => false),
        Keep<Func<IClaim, EvaluationContext, PatientFact, bool>>((p0, p1, p2) => false),
        Keep<Func<IClaim, EvaluationContext, bool>>((p0, p1) => false),
        Keep<Func<IContext, Advisory, Advisory>>((p0, p1) => p1),
        Keep<Func<IContext, ConditionFinding, ConditionFinding>>((p0, p1) => p1),
        Keep<Func<IContext, ConditionResult, ConditionResult>>((p0, p1) => p1),
        Keep<Func<IContext, OverallDecision, OverallDecision>>((p0, p1) => p1),
        Keep<Func<IContext, PatientRequirement, PatientRequirement>>((p0, p1) => p1),
        Keep<Func<IContext, ProductScopeLimit, ProductScopeLimit>>((p0, p1) => p1),
        Keep<Func<IContext, ProgramInForce, ProgramInForce>>((p0, p1) => p1),
        Keep<Func<PatientFact, EvaluationContext, bool>>((p0, p1) => false),
        Keep<Func<PatientFact, bool>>(p0 => false),
        Keep<Func<ProgramInForce, bool>>(p0 => false),
    ];

    private static Expression<T> Keep<T>(Expression<T> lambda) => lambda;

    private static void Nothing()
    {
    }
}
