using System.Linq.Expressions;
using System.Reflection;
using NRules.RuleModel;

namespace Eligibility.Rules.Tests.Execution;

/// <summary>
/// The delegate types of the lambdas (<c>Func&lt;…&gt;</c>, <c>Action&lt;…&gt;</c>) a set of rule
/// definitions holds. NRules' fluent DSL builds them at run time from the rules' facts; under NativeAOT each must be
/// compiled into the program ahead of time (AotExpressionShapes), and a test keeps the two lists equal.
/// </summary>
internal static class ExpressionShapes
{
    /// <summary>Every lambda type in the definitions, conditions and actions alike, nested lambdas included.</summary>
    /// <param name="definitions">The rule definitions.</param>
    /// <returns>The distinct types.</returns>
    public static IReadOnlySet<Type> Of(IEnumerable<IRuleDefinition> definitions)
    {
        var found = new HashSet<Type>();
        var collector = new Collector(found);
        foreach (var definition in definitions)
        {
            Walk(definition.LeftHandSide, collector, new HashSet<object>(ReferenceEqualityComparer.Instance));
            Walk(definition.FilterGroup, collector, new HashSet<object>(ReferenceEqualityComparer.Instance));
            Walk(definition.DependencyGroup, collector, new HashSet<object>(ReferenceEqualityComparer.Instance));
            Walk(definition.RightHandSide, collector, new HashSet<object>(ReferenceEqualityComparer.Instance));
        }

        return found;
    }

    // The rule model's elements are a tree of RuleElement objects whose expressions hang off various properties; a
    // reflective walk finds them all without depending on the element types of one NRules version.
    private static void Walk(object? node, Collector collector, HashSet<object> seen)
    {
        switch (node)
        {
            case null or string or Type or Declaration:
                return;
            case LambdaExpression lambda:
                collector.Visit(lambda);
                return;
            case Expression:
                return;
            case System.Collections.IEnumerable items:
                foreach (var item in items)
                {
                    Walk(item, collector, seen);
                }

                return;
        }

        if (node is not RuleElement and not NamedExpressionElement || !seen.Add(node))
        {
            return;
        }

        foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && !property.PropertyType.IsValueType)
            {
                Walk(property.GetValue(node), collector, seen);
            }
        }
    }

    private sealed class Collector(HashSet<Type> found) : ExpressionVisitor
    {
        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            found.Add(typeof(T));
            return base.VisitLambda(node);
        }
    }
}
