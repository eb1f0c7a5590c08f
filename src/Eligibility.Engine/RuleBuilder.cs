using Eligibility.Engine.Internal;

namespace Eligibility.Engine;

/// <summary>
/// Collects one rule's declaration: metadata, left-hand side (patterns) and right-hand side (action).
/// Used only inside <see cref="Rule.Define"/>; the compiled form is immutable.
/// </summary>
public sealed class RuleBuilder
{
    private readonly LeftHandSide _when = new();
    private readonly RightHandSide _then = new();
    private string? _id;
    private string? _name;
    private string _description = "";
    private int _priority;

    internal RuleBuilder()
    {
    }

    /// <summary>Sets the stable identifier (unique in a rule set).</summary>
    /// <param name="id">The identifier, e.g. <c>condition-listed</c>.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Id(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        _id = id;
        return this;
    }

    /// <summary>Sets the name shown to people.</summary>
    /// <param name="name">A short name.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Name(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _name = name;
        return this;
    }

    /// <summary>Sets the one-sentence description of what the rule decides.</summary>
    /// <param name="description">The description.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Description(string description)
    {
        _description = description ?? "";
        return this;
    }

    /// <summary>Sets the priority (salience). Larger fires first; the default is 0.</summary>
    /// <param name="priority">The priority.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Priority(int priority)
    {
        _priority = priority;
        return this;
    }

    /// <summary>The left-hand side: the patterns that must match for the rule to fire.</summary>
    /// <returns>The left-hand side builder.</returns>
    public LeftHandSide When() => _when;

    /// <summary>The right-hand side: the facts the rule inserts when it fires.</summary>
    /// <returns>The right-hand side builder.</returns>
    public RightHandSide Then() => _then;

    internal RuleModel Build(Type ruleType, int declarationIndex)
    {
        var id = _id ?? ruleType.FullName ?? ruleType.Name;
        var info = new RuleInfo(id, _name ?? ruleType.Name, _description, _priority, declarationIndex);
        if (_when.Patterns.Count(p => p.Kind == PatternKind.Match) == 0)
        {
            throw new RuleCompilationException(id, "a rule needs at least one Match pattern");
        }

        if (_then.Actions.Count == 0)
        {
            throw new RuleCompilationException(id, "a rule needs an action (Then().Insert or Then().Do)");
        }

        return new RuleModel(info, [.. _when.Patterns], [.. _then.Actions], [.. _then.Produces]);
    }
}
