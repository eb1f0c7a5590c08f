using System.Text;
using Eligibility.Rules.Execution;
using NRules.Fluent;

namespace Eligibility.Rules.Tests.Execution;

public class AotExpressionShapesTests
{
    [Fact]
    public void Kept_EveryLambdaShapeOfTheStandardRules_IsKeptForNativeAot()
    {
        var definitions = new RuleDefinitionFactory().Create(StandardRules.Create());
        var needed = ExpressionShapes.Of(definitions);
        var kept = AotExpressionShapes.Create().Select(l => l.Type).ToHashSet();

        var missing = needed.Where(t => !kept.Contains(t)).Select(CSharp).Order(StringComparer.Ordinal).ToList();
        missing.Should().BeEmpty(
            "a NativeAOT build of the tool fails with 'missing native code or metadata' for a lambda shape it does not keep; add these to AotExpressionShapes.Create:\n{0}",
            string.Join("\n", missing));
    }

    [Fact]
    public void Of_StandardRules_FindsConditionAndActionShapes()
    {
        var needed = ExpressionShapes.Of(new RuleDefinitionFactory().Create(StandardRules.Create())).Select(CSharp).ToList();

        needed.Should().Contain(s => s.StartsWith("Func<", StringComparison.Ordinal) && s.EndsWith(", bool>", StringComparison.Ordinal), "conditions are predicates");
        needed.Should().Contain(s => s.Contains("IContext", StringComparison.Ordinal), "actions take the NRules context");
    }

    // The delegate type as C# source, e.g. Func<ConditionClaim, EvaluationContext, bool>.
    private static string CSharp(Type delegateType) => Name(delegateType);

    private static string Name(Type type)
    {
        if (type == typeof(bool))
        {
            return "bool";
        }

        if (type == typeof(object))
        {
            return "object";
        }

        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var text = new StringBuilder(type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]).Append('<');
        text.AppendJoin(", ", type.GetGenericArguments().Select(Name));
        return text.Append('>').ToString();
    }
}
