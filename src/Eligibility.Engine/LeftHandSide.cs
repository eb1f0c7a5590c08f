using Eligibility.Engine.Internal;

namespace Eligibility.Engine;

/// <summary>
/// The patterns of a rule. Positive patterns (<see cref="Match{T}"/>) bind one fact each and are joined in
/// declaration order; <see cref="Not{T}"/> and <see cref="Exists{T}"/> test for the absence or presence of a fact;
/// <see cref="Collect{T}"/> gathers every matching fact when the rule fires.
/// </summary>
public sealed class LeftHandSide
{
    internal List<PatternModel> Patterns { get; } = [];

    internal int PositiveCount { get; private set; }

    internal LeftHandSide()
    {
    }

    /// <summary>Declares a positive pattern: the rule matches once per fact of type <typeparamref name="T"/> that meets the pattern's conditions.</summary>
    /// <typeparam name="T">The fact type (facts of derived types match too).</typeparam>
    /// <returns>The pattern, to add conditions to and to read the bound fact from in the action.</returns>
    public Pattern<T> Match<T>()
        where T : class
    {
        var model = new PatternModel(typeof(T), PatternKind.Match, PositiveCount++, Patterns.Count);
        Patterns.Add(model);
        return new Pattern<T>(model);
    }

    /// <summary>Declares a negated pattern: the rule matches only while no fact of type <typeparamref name="T"/> meets the conditions.</summary>
    /// <typeparam name="T">The fact type.</typeparam>
    /// <param name="conditions">Adds conditions to the pattern; they may refer to earlier positive patterns.</param>
    /// <returns>This left-hand side.</returns>
    public LeftHandSide Not<T>(Action<Pattern<T>> conditions)
        where T : class => AddGroup(PatternKind.Not, conditions);

    /// <summary>Declares an existential pattern: the rule matches only while at least one fact of type <typeparamref name="T"/> meets the conditions. It binds nothing.</summary>
    /// <typeparam name="T">The fact type.</typeparam>
    /// <param name="conditions">Adds conditions to the pattern; they may refer to earlier positive patterns.</param>
    /// <returns>This left-hand side.</returns>
    public LeftHandSide Exists<T>(Action<Pattern<T>> conditions)
        where T : class => AddGroup(PatternKind.Exists, conditions);

    /// <summary>
    /// Declares a collection: when the rule fires, every fact of type <typeparamref name="T"/> that meets the conditions
    /// is gathered in insertion order (possibly none). A collection never stops a rule from matching; give the rule a
    /// lower priority than the rules that produce the collected facts so that it fires after them.
    /// </summary>
    /// <typeparam name="T">The fact type.</typeparam>
    /// <returns>The collection, to add conditions to and to read from in the action.</returns>
    public Collection<T> Collect<T>()
        where T : class
    {
        var model = new PatternModel(typeof(T), PatternKind.Collect, -1, Patterns.Count);
        Patterns.Add(model);
        return new Collection<T>(model);
    }

    private LeftHandSide AddGroup<T>(PatternKind kind, Action<Pattern<T>> conditions)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var model = new PatternModel(typeof(T), kind, -1, Patterns.Count);
        Patterns.Add(model);
        conditions(new Pattern<T>(model));
        return this;
    }
}
