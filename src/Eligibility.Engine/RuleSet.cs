using System.Collections.Concurrent;
using Eligibility.Engine.Internal;

namespace Eligibility.Engine;

/// <summary>
/// A compiled, immutable set of rules: the equivalent of NRules' session factory. Build it once
/// (with <see cref="RuleSetBuilder"/>) and share it; create a cheap <see cref="ISession"/> per evaluation.
/// </summary>
/// <threadsafety instance="true"/>
public sealed class RuleSet
{
    private readonly ConcurrentDictionary<Type, int[]> _slotsByRuntimeType = new();

    internal RuleSet(RuleModel[] orderedRules, Type[] slotTypes, int[][] rulesBySlot)
    {
        OrderedRules = orderedRules;
        SlotTypes = slotTypes;
        RulesBySlot = rulesBySlot;
        var rules = new RuleInfo[orderedRules.Length];
        foreach (var rule in orderedRules)
        {
            rules[rule.Info.DeclarationIndex] = rule.Info; // declaration indices are 0..n-1
            MaxPositive = Math.Max(MaxPositive, rule.Positive.Length);
        }

        Rules = rules;
    }

    /// <summary>The rules, in declaration order.</summary>
    public IReadOnlyList<RuleInfo> Rules { get; }

    /// <summary>Rules in agenda order: priority descending, then declaration order.</summary>
    internal RuleModel[] OrderedRules { get; }

    internal Type[] SlotTypes { get; }

    /// <summary>The most positive patterns any rule has (the size of a session's join buffers).</summary>
    internal int MaxPositive { get; }

    /// <summary>For each slot, the (agenda-order) indices of rules an insert into it can affect.</summary>
    internal int[][] RulesBySlot { get; }

    /// <summary>Creates a session: a private working memory and agenda for one evaluation.</summary>
    /// <param name="options">Trace, explain and firing-limit options; <see langword="null"/> for <see cref="SessionOptions.Default"/>.</param>
    /// <returns>A new session, to be used by one thread and then dropped.</returns>
    public ISession CreateSession(SessionOptions? options = null) => new Session(this, options ?? SessionOptions.Default);

    /// <summary>The slots a fact of a runtime type goes to (every pattern type it is assignable to). Cached; immutable values.</summary>
    internal int[] SlotsFor(Type runtimeType) =>
        _slotsByRuntimeType.TryGetValue(runtimeType, out var slots) ? slots : _slotsByRuntimeType.GetOrAdd(runtimeType, SlotsOf(runtimeType));

    private int[] SlotsOf(Type runtimeType)
    {
        var slots = new List<int>();
        for (var s = 0; s < SlotTypes.Length; s++)
        {
            if (SlotTypes[s].IsAssignableFrom(runtimeType))
            {
                slots.Add(s);
            }
        }

        return [.. slots];
    }
}
