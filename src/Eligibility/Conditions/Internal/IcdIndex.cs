
namespace Eligibility.Conditions.Internal;

/// <summary>The outcome of looking up one ICD-10-CM code.</summary>
/// <param name="Condition">The mapped condition, or <see langword="null"/>.</param>
/// <param name="Prefix">The prefix that matched (compact form), or the exclusion that refused the code.</param>
/// <param name="Excluded">True when a prefix matched but an exclusion of that condition refused the code.</param>
internal readonly record struct IcdLookup(ConditionDefinition? Condition, string? Prefix, bool Excluded);

/// <summary>Longest-prefix index of ICD-10-CM codes; exclusions beat prefixes. Immutable and thread-safe.</summary>
internal sealed class IcdIndex
{
    private readonly Dictionary<string, ConditionDefinition[]> prefixes;
    private readonly Dictionary<string, ConditionDefinition[]> exclusions;
    private readonly int maxPrefix;

    /// <summary>Builds the index from a catalog.</summary>
    /// <param name="catalog">The catalog.</param>
    public IcdIndex(ConditionCatalog catalog)
    {
        var p = new Dictionary<string, List<ConditionDefinition>>(StringComparer.Ordinal);
        var x = new Dictionary<string, List<ConditionDefinition>>(StringComparer.Ordinal);
        foreach (var definition in catalog.All)
        {
            foreach (var code in definition.IcdCodes)
            {
                Add(p, IcdCode.Normalize(code), definition);
            }

            foreach (var code in definition.IcdExclusions)
            {
                Add(x, IcdCode.Normalize(code), definition);
            }
        }

        // When a parent and its child claim the same prefix (K50: IBD and Crohn's), the most specific one comes first.
        prefixes = p.ToDictionary(
            kv => kv.Key,
            kv => kv.Value.OrderByDescending(d => catalog.Broader(d.Id).Count).ToArray(),
            StringComparer.Ordinal);
        exclusions = x.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        maxPrefix = p.Count == 0 ? 0 : p.Keys.Max(k => k.Length);
    }

    /// <summary>Every (prefix, claimants) pair, for validation.</summary>
    public IEnumerable<KeyValuePair<string, ConditionDefinition[]>> Prefixes => prefixes;

    /// <summary>Looks up a compact code (upper case, no dot).</summary>
    /// <param name="code">The compact code.</param>
    /// <returns>The condition of the longest matching prefix not refused by that condition's exclusions.</returns>
    public IcdLookup Lookup(string code)
    {
        string? excludedBy = null;
        for (var length = Math.Min(code.Length, maxPrefix); length >= 3; length--)
        {
            if (!prefixes.TryGetValue(code[..length], out var claimants))
            {
                continue;
            }

            foreach (var candidate in claimants)
            {
                var exclusion = ExclusionFor(code, candidate);
                if (exclusion is null)
                {
                    return new IcdLookup(candidate, code[..length], false);
                }

                excludedBy ??= exclusion;
            }
        }

        if (excludedBy is null)
        {
            // A code that only appears among exclusions (Z79.891, F12.20, R52) is still reported as excluded.
            for (var length = code.Length; length >= 3; length--)
            {
                if (exclusions.ContainsKey(code[..length]))
                {
                    excludedBy = code[..length];
                    break;
                }
            }
        }

        return new IcdLookup(null, excludedBy, excludedBy is not null);
    }

    private string? ExclusionFor(string code, ConditionDefinition candidate)
    {
        for (var length = code.Length; length >= 3; length--)
        {
            if (exclusions.TryGetValue(code[..length], out var refusing) && refusing.Contains(candidate))
            {
                return code[..length];
            }
        }

        return null;
    }

    private static void Add(Dictionary<string, List<ConditionDefinition>> map, string key, ConditionDefinition definition)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        if (!list.Contains(definition))
        {
            list.Add(definition);
        }
    }
}
