using Eligibility.Engine.Internal;

namespace Eligibility.Engine;

/// <summary>
/// A fact pattern of type <typeparamref name="T"/> with labelled conditions. Each condition is a plain delegate
/// with a label written for people (it appears in why-not explanations). Conditions may join to earlier
/// positive patterns.
/// </summary>
/// <typeparam name="T">The fact type.</typeparam>
public sealed class Pattern<T>
    where T : class
{
    internal PatternModel Model { get; }

    internal Pattern(PatternModel model) => Model = model;

    /// <summary>Adds a condition on the fact alone.</summary>
    /// <param name="label">What the condition means, for people.</param>
    /// <param name="predicate">The test.</param>
    /// <returns>This pattern.</returns>
    public Pattern<T> Where(string label, Func<T, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        Model.AddCondition(label, [], (fact, _) => predicate((T)fact));
        return this;
    }

    /// <summary>Adds a condition joining this fact to the fact bound by an earlier positive pattern.</summary>
    /// <typeparam name="T1">The other pattern's fact type.</typeparam>
    /// <param name="other">An earlier positive pattern of the same rule.</param>
    /// <param name="label">What the condition means, for people.</param>
    /// <param name="predicate">The test.</param>
    /// <returns>This pattern.</returns>
    public Pattern<T> Where<T1>(Pattern<T1> other, string label, Func<T, T1, bool> predicate)
        where T1 : class
    {
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(predicate);
        var i = other.Model.PositiveIndex;
        Model.AddCondition(label, [other.Model], (fact, tuple) => predicate((T)fact, (T1)tuple[i]));
        return this;
    }

    /// <summary>Adds a condition joining this fact to the facts bound by two earlier positive patterns.</summary>
    /// <typeparam name="T1">The first other pattern's fact type.</typeparam>
    /// <typeparam name="T2">The second other pattern's fact type.</typeparam>
    /// <param name="first">An earlier positive pattern.</param>
    /// <param name="second">Another earlier positive pattern.</param>
    /// <param name="label">What the condition means, for people.</param>
    /// <param name="predicate">The test.</param>
    /// <returns>This pattern.</returns>
    public Pattern<T> Where<T1, T2>(Pattern<T1> first, Pattern<T2> second, string label, Func<T, T1, T2, bool> predicate)
        where T1 : class
        where T2 : class
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentNullException.ThrowIfNull(predicate);
        int i = first.Model.PositiveIndex, j = second.Model.PositiveIndex;
        Model.AddCondition(label, [first.Model, second.Model], (fact, tuple) => predicate((T)fact, (T1)tuple[i], (T2)tuple[j]));
        return this;
    }
}

/// <summary>A collection pattern: every fact of type <typeparamref name="T"/> meeting its conditions, gathered when the rule fires.</summary>
/// <typeparam name="T">The fact type.</typeparam>
public sealed class Collection<T>
    where T : class
{
    internal PatternModel Model { get; }

    internal Collection(PatternModel model) => Model = model;

    /// <summary>Keeps only facts meeting a condition.</summary>
    /// <param name="label">What the condition means, for people.</param>
    /// <param name="predicate">The test.</param>
    /// <returns>This collection.</returns>
    public Collection<T> Where(string label, Func<T, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        Model.AddCondition(label, [], (fact, _) => predicate((T)fact));
        return this;
    }

    /// <summary>Keeps only facts meeting a condition joined to an earlier positive pattern.</summary>
    /// <typeparam name="T1">The other pattern's fact type.</typeparam>
    /// <param name="other">An earlier positive pattern.</param>
    /// <param name="label">What the condition means, for people.</param>
    /// <param name="predicate">The test.</param>
    /// <returns>This collection.</returns>
    public Collection<T> Where<T1>(Pattern<T1> other, string label, Func<T, T1, bool> predicate)
        where T1 : class
    {
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(predicate);
        var i = other.Model.PositiveIndex;
        Model.AddCondition(label, [other.Model], (fact, tuple) => predicate((T)fact, (T1)tuple[i]));
        return this;
    }
}
