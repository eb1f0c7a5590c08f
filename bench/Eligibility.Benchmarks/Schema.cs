using System.Globalization;
using Eligibility.Internal;
using NRules.Diagnostics;

namespace Eligibility.Benchmarks;

/// <summary>The compiled Rete network (<c>--schema</c>): node counts by kind, and each node with its rules, for profiling.</summary>
public static class Schema
{
    public static void Print(bool verbose)
    {
        var engine = (DefaultEligibilityEngine)BenchData.Engine();
        var graph = engine.Rules.Factory.GetSchema();
        Console.WriteLine($"nodes {graph.Nodes.Count}, links {graph.Links.Count}");
        foreach (var group in graph.Nodes.GroupBy(n => n.NodeType).OrderBy(g => g.Key))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {group.Key,-14} {group.Count(),4}"));
        }

        if (!verbose)
        {
            return;
        }

        var children = graph.Links.ToLookup(l => l.Source.Id, l => l.Target);
        foreach (var node in graph.Nodes.OrderBy(n => n.Id))
        {
            var exprs = string.Join(" | ", node.Expressions.Select(e => e.Value.ToString()));
            var rules = string.Join(",", node.Rules.Select(r => r.Name));
            Console.WriteLine($"{node.Id,4} {node.NodeType,-12} {node.OutputType?.Name,-22} -> [{string.Join(",", children[node.Id].Select(c => c.Id))}] {exprs} {{{rules}}}");
        }
    }
}
