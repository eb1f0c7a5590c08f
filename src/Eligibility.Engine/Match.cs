using Eligibility.Engine.Internal;

namespace Eligibility.Engine;

/// <summary>The facts a rule matched, handed to its action. Valid only while the action runs.</summary>
public sealed class Match
{
    private object[] _tuple = [];
    private IReadOnlyList<object>[] _collections = [];

    internal Match(RuleInfo rule, object[] tuple, IReadOnlyList<object>[] collections)
    {
        Rule = rule;
        _tuple = tuple;
        _collections = collections;
    }

    /// <summary>An empty match, for a session to reuse across firings with <see cref="Reset"/>.</summary>
    internal Match() => Rule = null!;

    /// <summary>The rule that matched.</summary>
    public RuleInfo Rule { get; private set; }

    /// <summary>Points the match at another firing (a session reuses one match: it is valid only while an action runs).</summary>
    internal void Reset(RuleInfo rule, object[] tuple, IReadOnlyList<object>[] collections)
    {
        Rule = rule;
        _tuple = tuple;
        _collections = collections;
    }

    /// <summary>The fact bound by a positive pattern.</summary>
    /// <typeparam name="T">The pattern's fact type.</typeparam>
    /// <param name="pattern">A positive pattern of the firing rule.</param>
    /// <returns>The bound fact.</returns>
    public T Get<T>(Pattern<T> pattern)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return (T)_tuple[pattern.Model.PositiveIndex];
    }

    /// <summary>The facts gathered by a collection pattern, in insertion order.</summary>
    /// <typeparam name="T">The collection's fact type.</typeparam>
    /// <param name="collection">A collection pattern of the firing rule.</param>
    /// <returns>The gathered facts (possibly empty).</returns>
    public IReadOnlyList<T> Get<T>(Collection<T> collection)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(collection);
        var items = _collections[collection.Model.CollectIndex];
        if (items.Count == 0)
        {
            return [];
        }

        var result = new T[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            result[i] = (T)items[i];
        }

        return result;
    }
}
