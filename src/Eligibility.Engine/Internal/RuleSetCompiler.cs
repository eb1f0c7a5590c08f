namespace Eligibility.Engine.Internal;

/// <summary>Validation and freezing of rule models; the only way a <see cref="RuleSet"/> is made.</summary>
/// <remarks>Part of every cold start, so plain loops (little to JIT-compile) and a cycle check linear in the rules.</remarks>
internal static class RuleSetCompiler
{
    public static RuleSet Compile(RuleModel[] rules, Type[] inputs)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (!ids.Add(rule.Info.Id))
            {
                throw new RuleCompilationException(rule.Info.Id, "the id is used by more than one rule");
            }
        }

        var produced = new List<Type>();
        foreach (var rule in rules)
        {
            foreach (var type in rule.Produces)
            {
                AddDistinct(produced, type);
            }
        }

        foreach (var type in inputs)
        {
            AddDistinct(produced, type);
        }

        var slotTypes = new List<Type>();
        foreach (var rule in rules)
        {
            var collectIndex = 0;
            var triggers = new List<int>();
            foreach (var pattern in rule.Patterns)
            {
                if (!AnyAssignableTo(produced, pattern.FactType))
                {
                    throw new RuleCompilationException(rule.Info.Id, $"no input and no rule produces facts of type {pattern.FactType.Name}; declare it with Input<{pattern.FactType.Name}>() or add the rule that produces it");
                }

                foreach (var condition in pattern.Conditions)
                {
                    foreach (var dependency in condition.Dependencies)
                    {
                        var ownsDependency = Array.IndexOf(rule.Patterns, dependency) >= 0;
                        if (!ownsDependency || dependency.Kind != PatternKind.Match || dependency.DeclarationIndex >= pattern.DeclarationIndex)
                        {
                            throw new RuleCompilationException(rule.Info.Id, $"condition '{condition.Label}' joins to a pattern that is not an earlier Match pattern of the same rule");
                        }
                    }
                }

                var slot = slotTypes.IndexOf(pattern.FactType);
                if (slot < 0)
                {
                    slot = slotTypes.Count;
                    slotTypes.Add(pattern.FactType);
                }

                pattern.Slot = slot;
                pattern.CompiledConditions = [.. pattern.Conditions];
                if (pattern.Kind == PatternKind.Collect)
                {
                    pattern.CollectIndex = collectIndex++;
                }
                else if (!triggers.Contains(slot))
                {
                    triggers.Add(slot);
                }
            }

            rule.TriggerSlots = [.. triggers];
        }

        CheckCycles(rules);

        // Agenda order: priority descending, then declaration order (a total order: declaration indices are distinct).
        var order = (RuleModel[])rules.Clone();
        Array.Sort(order, static (a, b) => a.Info.Priority != b.Info.Priority
            ? b.Info.Priority.CompareTo(a.Info.Priority)
            : a.Info.DeclarationIndex.CompareTo(b.Info.DeclarationIndex));
        var bySlot = new List<int>[slotTypes.Count];
        for (var s = 0; s < bySlot.Length; s++)
        {
            bySlot[s] = [];
        }

        for (var i = 0; i < order.Length; i++)
        {
            foreach (var slot in order[i].TriggerSlots)
            {
                bySlot[slot].Add(i);
            }
        }

        var rulesBySlot = new int[slotTypes.Count][];
        for (var s = 0; s < rulesBySlot.Length; s++)
        {
            rulesBySlot[s] = [.. bySlot[s]];
        }

        return new RuleSet(order, [.. slotTypes], rulesBySlot);
    }

    private static void AddDistinct(List<Type> types, Type type)
    {
        if (!types.Contains(type))
        {
            types.Add(type);
        }
    }

    private static bool AnyAssignableTo(List<Type> produced, Type patternType)
    {
        foreach (var type in produced)
        {
            if (patternType.IsAssignableFrom(type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A rule that can (through positive patterns) consume what it or a later rule in a chain produces is a cycle.</summary>
    private static void CheckCycles(RuleModel[] rules)
    {
        // Who feeds whom: rule i feeds rule j when i produces a type one of j's positive patterns accepts. Built through
        // the (few) distinct pattern types rather than by testing every pair of rules; successors in ascending order, so
        // the search visits rules, and reports a cycle, in the same order as a test of every pair would.
        var consumersByType = new Dictionary<Type, List<int>>();
        for (var j = 0; j < rules.Length; j++)
        {
            foreach (var pattern in rules[j].Positive)
            {
                if (!consumersByType.TryGetValue(pattern.FactType, out var consumers))
                {
                    consumersByType.Add(pattern.FactType, consumers = []);
                }

                if (consumers.Count == 0 || consumers[^1] != j)
                {
                    consumers.Add(j);
                }
            }
        }

        var feeds = new int[rules.Length][];
        var successors = new List<int>();
        var seen = new bool[rules.Length];
        for (var i = 0; i < rules.Length; i++)
        {
            successors.Clear();
            foreach (var produced in rules[i].Produces)
            {
                foreach (var (type, consumers) in consumersByType)
                {
                    if (!type.IsAssignableFrom(produced))
                    {
                        continue;
                    }

                    foreach (var j in consumers)
                    {
                        if (!seen[j])
                        {
                            seen[j] = true;
                            successors.Add(j);
                        }
                    }
                }
            }

            successors.Sort();
            foreach (var j in successors)
            {
                seen[j] = false;
            }

            feeds[i] = [.. successors];
        }

        var state = new int[rules.Length]; // 0 new, 1 on stack, 2 done
        var stack = new List<RuleModel>();

        void Visit(int i)
        {
            state[i] = 1;
            stack.Add(rules[i]);
            foreach (var j in feeds[i])
            {
                if (state[j] == 1)
                {
                    var start = stack.IndexOf(rules[j]);
                    var cycle = string.Join(" -> ", stack.Skip(start).Select(r => r.Info.Id).Append(rules[j].Info.Id));
                    throw new RuleCompilationException(rules[j].Info.Id, $"rules consume what they produce in a cycle ({cycle}); use a distinct fact type for derived facts");
                }

                if (state[j] == 0)
                {
                    Visit(j);
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[i] = 2;
        }

        for (var i = 0; i < rules.Length; i++)
        {
            if (state[i] == 0)
            {
                Visit(i);
            }
        }
    }
}
