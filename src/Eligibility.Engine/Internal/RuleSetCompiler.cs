namespace Eligibility.Engine.Internal;

/// <summary>Validation and freezing of rule models; the only way a <see cref="RuleSet"/> is made.</summary>
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

        var produced = rules.SelectMany(r => r.Produces).Concat(inputs).Distinct().ToArray();
        var slotTypes = new List<Type>();
        foreach (var rule in rules)
        {
            var collectIndex = 0;
            foreach (var pattern in rule.Patterns)
            {
                if (!produced.Any(pattern.FactType.IsAssignableFrom))
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
            }

            rule.TriggerSlots = [.. rule.Patterns.Where(p => p.Kind != PatternKind.Collect).Select(p => p.Slot).Distinct()];
        }

        CheckCycles(rules);

        var order = rules.OrderByDescending(r => r.Info.Priority).ThenBy(r => r.Info.DeclarationIndex).ToArray();
        var rulesBySlot = new int[slotTypes.Count][];
        for (var s = 0; s < slotTypes.Count; s++)
        {
            rulesBySlot[s] = [.. Enumerable.Range(0, order.Length).Where(i => Array.IndexOf(order[i].TriggerSlots, s) >= 0)];
        }

        return new RuleSet(order, [.. slotTypes], rulesBySlot);
    }

    /// <summary>A rule that can (through positive patterns) consume what it or a later rule in a chain produces is a cycle.</summary>
    private static void CheckCycles(RuleModel[] rules)
    {
        bool Feeds(RuleModel from, RuleModel to) =>
            from.Produces.Any(p => to.Positive.Any(pattern => pattern.FactType.IsAssignableFrom(p)));

        var state = new int[rules.Length]; // 0 new, 1 on stack, 2 done
        var stack = new List<RuleModel>();

        void Visit(int i)
        {
            state[i] = 1;
            stack.Add(rules[i]);
            for (var j = 0; j < rules.Length; j++)
            {
                if (!Feeds(rules[i], rules[j]))
                {
                    continue;
                }

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
