using Eligibility.Engine.Internal;

namespace Eligibility.Engine;

/// <summary>
/// Gathers rules and the input fact types, then compiles them into an immutable <see cref="RuleSet"/>.
/// A builder is not thread-safe; the rule set it builds is.
/// </summary>
public sealed class RuleSetBuilder
{
    private readonly List<Rule> _rules = [];
    private readonly List<Type> _inputs = [];

    /// <summary>Adds a rule. Rules keep the order they are added in; it breaks ties between equal priorities.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>This builder.</returns>
    public RuleSetBuilder Add(Rule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        _rules.Add(rule);
        return this;
    }

    /// <summary>Adds rules in order.</summary>
    /// <param name="rules">The rules.</param>
    /// <returns>This builder.</returns>
    public RuleSetBuilder AddRange(IEnumerable<Rule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var rule in rules)
        {
            Add(rule);
        }

        return this;
    }

    /// <summary>Declares a fact type the caller inserts (as opposed to one that rules produce).</summary>
    /// <typeparam name="T">The input fact type.</typeparam>
    /// <returns>This builder.</returns>
    public RuleSetBuilder Input<T>()
        where T : class
    {
        _inputs.Add(typeof(T));
        return this;
    }

    /// <summary>
    /// Validates the rules (unique ids, known fact types, joins only to earlier patterns, no cycle in what rules
    /// consume and produce through positive patterns) and freezes them into a thread-safe rule set.
    /// </summary>
    /// <returns>The compiled rule set.</returns>
    /// <exception cref="RuleCompilationException">A rule or the set is malformed; the message names the rule.</exception>
    public RuleSet Compile()
    {
        var models = new RuleModel[_rules.Count];
        for (var i = 0; i < _rules.Count; i++)
        {
            var builder = new RuleBuilder();
            try
            {
                _rules[i].Define(builder);
            }
            catch (Exception e) when (e is not RuleCompilationException)
            {
                throw new RuleCompilationException(_rules[i].GetType().Name, $"Define threw {e.GetType().Name}: {e.Message}");
            }

            models[i] = builder.Build(_rules[i].GetType(), i);
        }

        return RuleSetCompiler.Compile(models, [.. _inputs]);
    }
}
