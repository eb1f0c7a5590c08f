using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Eligibility.Internal;

/// <summary>
/// A bounded cache of decisions (opt-in: <see cref="EligibilityOptions.DecisionCacheSize"/>), keyed by the law's data
/// version, the as-of date and every field of the query, so a hit is exactly the decision the rules would give. When
/// full, it is emptied and fills again: simple, and a full cache of a busy service refills with what is asked now.
/// </summary>
internal sealed class DecisionCache(int capacity)
{
    private readonly ConcurrentDictionary<string, EligibilityDecision> _decisions = new(StringComparer.Ordinal);

    public static string Key(string dataVersion, DateOnly asOf, EligibilityQuery query)
    {
        // Inputs cannot hold control characters (they are rejected), so U+001F separates fields unambiguously.
        var key = new StringBuilder(128);
        key.Append(dataVersion).Append('\u001f').Append(asOf.DayNumber.ToString(CultureInfo.InvariantCulture)).Append('\u001f')
            .Append(query.Jurisdiction.Trim().ToUpperInvariant()).Append('\u001f')
            .Append(query.Age?.ToString(CultureInfo.InvariantCulture)).Append('\u001f')
            .Append(query.Visitor ? '1' : '0').Append(query.Explain ? '1' : '0').Append('\u001f')
            .Append(query.DurationMonths?.ToString(CultureInfo.InvariantCulture)).Append('\u001f');
        foreach (var c in query.Conditions)
        {
            key.Append(c).Append('\u001e');
        }

        key.Append('\u001f');
        foreach (var m in query.Medications)
        {
            key.Append(m).Append('\u001e');
        }

        key.Append('\u001f');
        foreach (var a in query.Attested)
        {
            key.Append((int)a).Append(',');
        }

        return key.ToString();
    }

    public bool TryGet(string key, out EligibilityDecision decision) => _decisions.TryGetValue(key, out decision!);

    public void Add(string key, EligibilityDecision decision)
    {
        if (_decisions.Count >= capacity)
        {
            _decisions.Clear();
        }

        _decisions.TryAdd(key, decision);
    }
}
