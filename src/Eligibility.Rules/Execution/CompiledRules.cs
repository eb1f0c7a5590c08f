using System.Runtime.CompilerServices;
using System.Linq.Expressions;
using System.Reflection;
using NRules;
using NRules.Extensibility;
using NRules.Fluent;
using NRules.Fluent.Dsl;
using NRules.RuleModel;

namespace Eligibility.Rules.Execution;

/// <summary>
/// Rules compiled once into an NRules <see cref="ISessionFactory"/> (immutable and thread-safe), with each rule's id,
/// metadata and the labels of its conditions. Rules are instances (built with <c>new</c>), never found by scanning
/// assemblies, so trimming keeps what they use.
/// </summary>
internal sealed class CompiledRules
{
    private readonly Dictionary<IRuleDefinition, RuleInfo> _byDefinition;
    private readonly Dictionary<string, RuleInfo> _byName;

    private CompiledRules(ISessionFactory factory, RuleInfo[] rules, Dictionary<IRuleDefinition, RuleInfo> byDefinition, Dictionary<RuleInfo, RuleShape> shapes)
    {
        Factory = factory;
        Rules = rules;
        _byDefinition = byDefinition;
        _byName = rules.ToDictionary(r => r.Name, StringComparer.Ordinal);
        Shapes = shapes;
    }

    /// <summary>The session factory.</summary>
    public ISessionFactory Factory { get; }

    /// <summary>Every rule, in declaration order.</summary>
    public IReadOnlyList<RuleInfo> Rules { get; }

    /// <summary>Per rule: its pattern types and the labels of its conditions in order (explain mode).</summary>
    internal Dictionary<RuleInfo, RuleShape> Shapes { get; }

    /// <summary>The metadata of a compiled rule.</summary>
    public RuleInfo InfoOf(IRuleDefinition definition) =>
        _byDefinition.TryGetValue(definition, out var info) ? info : _byName[definition.Name];

    /// <summary>The metadata of a compiled rule by its NRules name, or null.</summary>
    public RuleInfo? InfoOf(string? name) => name is not null && _byName.TryGetValue(name, out var info) ? info : null;

    /// <summary>Compiles rules; the first wins ties of priority, then the next, in the order given.</summary>
    /// <param name="rules">The rules.</param>
    /// <param name="expressionCompiler">The compiler for conditions and actions, or null for the default (Expression.Compile).</param>
    /// <returns>The compiled rules.</returns>
    /// <exception cref="RuleSetCompilationException">A rule is malformed, or two rules share an id or a name.</exception>
    public static CompiledRules Compile(IReadOnlyList<Rule> rules, IExpressionCompiler? expressionCompiler = null)
    {
        if (!RuntimeFeature.IsDynamicCodeSupported)
        {
            // NativeAOT: the fluent DSL builds these lambda types by reflection; creating one of each keeps them in the program.
            _ = AotExpressionShapes.Create();
        }

        var definitionFactory = new RuleDefinitionFactory();
        var infos = new RuleInfo[rules.Count];
        var definitions = new IRuleDefinition[rules.Count];
        var byDefinition = new Dictionary<IRuleDefinition, RuleInfo>(ReferenceEqualityComparer.Instance);
        var shapes = new Dictionary<RuleInfo, RuleShape>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i] ?? throw new RuleSetCompilationException($"#{i + 1}", "the rule is null.");
            var type = rule.GetType();
            IRuleDefinition definition;
            try
            {
                definition = definitionFactory.Create(rule);
            }
            catch (Exception e)
            {
                throw new RuleSetCompilationException(type.Name, $"Define failed: {e.GetBaseException().Message}", e);
            }

            var id = type.GetCustomAttribute<RuleIdAttribute>()?.Id ?? definition.Name;
            if (!ids.Add(id))
            {
                throw new RuleSetCompilationException(id, "another rule has the same id; give each rule a unique [RuleId].");
            }

            if (!names.Add(definition.Name))
            {
                throw new RuleSetCompilationException(id, $"another rule has the same name '{definition.Name}'; give each rule a unique [Name].");
            }

            var info = new RuleInfo(id, definition.Name, definition.Description ?? "", definition.Priority, i);
            definitions[i] = new OrderedRuleDefinition(definition, info.EnginePriority);
            infos[i] = info;
            byDefinition[definitions[i]] = info;
            shapes[info] = RuleShape.Of(definition);
        }

        var compiler = new RuleCompiler();
        compiler.FactIdentityComparerRegistry.DefaultFactIdentityComparer = ReferenceEqualityComparer.Instance;
        if (expressionCompiler is not null)
        {
            compiler.ExpressionCompiler = expressionCompiler;
        }

        ISessionFactory factory;
        try
        {
            factory = compiler.Compile(definitions);
        }
        catch (NRules.RuleCompilationException e)
        {
            var info = infos.FirstOrDefault(r => r.Name == e.RuleName);
            throw new RuleSetCompilationException(info?.Id ?? e.RuleName ?? "?", $"it could not be compiled: {e.GetBaseException().Message}", e);
        }

        return new CompiledRules(factory, infos, byDefinition, shapes);
    }
}

/// <summary>A rule's positive patterns (declaration, type, conditions) and condition labels, read from its definition for explain mode.</summary>
internal sealed class RuleShape
{
    private RuleShape(List<PatternShape> patterns, Dictionary<string, int> labelOrder)
    {
        Patterns = patterns;
        LabelOrder = labelOrder;
    }

    /// <summary>The rule's top-level positive patterns, in order (aggregates and groups left out).</summary>
    public IReadOnlyList<PatternShape> Patterns { get; }

    /// <summary>Each condition label and its position among the rule's conditions.</summary>
    public Dictionary<string, int> LabelOrder { get; }

    public static RuleShape Of(IRuleDefinition definition)
    {
        var patterns = new List<PatternShape>();
        var labels = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var element in definition.LeftHandSide.ChildElements)
        {
            if (element is PatternElement { Source: null } pattern)
            {
                var conditions = new List<LambdaExpression>();
                foreach (var expression in pattern.Expressions)
                {
                    conditions.Add(expression.Expression);
                    if (LabelOf(expression.Expression) is { } label)
                    {
                        labels.TryAdd(label, labels.Count);
                    }
                }

                patterns.Add(new PatternShape(pattern.Declaration.Name, pattern.ValueType, conditions));
            }
        }

        return new RuleShape(patterns, labels);
    }

    /// <summary>The label of a condition written as <c>Label.Is("...", condition)</c>, else null.</summary>
    public static string? LabelOf(Expression expression)
    {
        var body = expression is LambdaExpression lambda ? lambda.Body : expression;
        return body is MethodCallExpression { Method.Name: nameof(Label.Is) } call && call.Method.DeclaringType == typeof(Label) &&
            call.Arguments[0] is ConstantExpression { Value: string label }
            ? label
            : null;
    }
}

/// <summary>A positive pattern: the declaration it binds, the fact type, its conditions in order.</summary>
internal sealed record PatternShape(string Name, Type Type, IReadOnlyList<LambdaExpression> Conditions);
