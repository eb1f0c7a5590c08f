using System.Globalization;
using System.Text;
using Eligibility.Conditions.Internal;
using Eligibility.Law;

namespace Eligibility.Data.Internal;

/// <summary>
/// Reads a jurisdiction as people type it: the USPS code, the name from the data file, or a common written form, in
/// any case and with any punctuation or spacing ("NY", "ny", "N.Y.", "New York", "new york", "D.C.", "Washington, DC",
/// "Calif.", "U.S.V.I."). Also finds the closest jurisdictions to a mistyped one, for "did you mean".
/// </summary>
internal sealed class JurisdictionNames
{
    /// <summary>Longest text looked at; anything longer is no jurisdiction (and is never scanned for suggestions).</summary>
    private const int MaxLength = 80;

    /// <summary>
    /// Written forms that are neither the code nor the data's name, keyed by <see cref="Key"/>: the traditional (GPO
    /// style) state abbreviations and the usual names of the territories and DC. Forms equal to the code once the
    /// punctuation is gone ("N.Y.", "Pa.") need no entry.
    /// </summary>
    private static readonly Dictionary<string, string> CommonForms = new(StringComparer.Ordinal)
    {
        ["ALA"] = "AL", ["ARIZ"] = "AZ", ["ARK"] = "AR", ["CAL"] = "CA", ["CALIF"] = "CA", ["COLO"] = "CO",
        ["CONN"] = "CT", ["DEL"] = "DE", ["FLA"] = "FL", ["ILL"] = "IL", ["IND"] = "IN", ["KAN"] = "KS",
        ["KANS"] = "KS", ["MASS"] = "MA", ["MICH"] = "MI", ["MINN"] = "MN", ["MISS"] = "MS", ["MONT"] = "MT",
        ["NEB"] = "NE", ["NEBR"] = "NE", ["NEV"] = "NV", ["NMEX"] = "NM", ["NDAK"] = "ND", ["OKLA"] = "OK",
        ["ORE"] = "OR", ["OREG"] = "OR", ["PENN"] = "PA", ["PENNA"] = "PA", ["SDAK"] = "SD", ["TENN"] = "TN",
        ["TEX"] = "TX", ["WASH"] = "WA", ["WVA"] = "WV", ["WIS"] = "WI", ["WISC"] = "WI", ["WYO"] = "WY",
        ["WASHINGTONDC"] = "DC", ["WASHDC"] = "DC", ["DISTRICTOFCOLUMBIA"] = "DC",
        ["VIRGINISLANDS"] = "VI", ["USVIRGINISLANDS"] = "VI", ["USVI"] = "VI", ["UNITEDSTATESVIRGINISLANDS"] = "VI",
        ["NORTHERNMARIANAS"] = "MP", ["NORTHERNMARIANAISLANDS"] = "MP", ["CNMI"] = "MP",
        ["AMERICANSAMOA"] = "AS", ["AMSAMOA"] = "AS",
    };

    private readonly Dictionary<string, JurisdictionLaw> _byKey = new(StringComparer.Ordinal);

    /// <summary>The codes, for the common case (a code in any case) without building a key: every query looks one up.</summary>
    private readonly Dictionary<string, JurisdictionLaw> _byCode;

    /// <summary>Every key (code, name, common form) with its jurisdiction, for suggestions.</summary>
    private readonly List<(string Key, JurisdictionLaw Law)> _all = [];

    public JurisdictionNames(IEnumerable<JurisdictionLaw> laws)
    {
        var byCode = laws.ToDictionary(l => l.Code, StringComparer.OrdinalIgnoreCase);
        _byCode = byCode;
        foreach (var law in byCode.Values.OrderBy(l => l.Code, StringComparer.Ordinal))
        {
            Add(Key(law.Code), law);
            Add(Key(law.Name), law);
        }

        foreach (var (form, code) in CommonForms)
        {
            if (byCode.TryGetValue(code, out var law))
            {
                Add(form, law);
            }
        }
    }

    /// <summary>The jurisdiction a text names, or null.</summary>
    public JurisdictionLaw? Find(string? text)
    {
        if (text is null || text.Length > MaxLength)
        {
            return null;
        }

        var trimmed = text.Trim();
        if (_byCode.TryGetValue(trimmed, out var byCode))
        {
            return byCode;
        }

        // Control characters inside are refused, not stripped: "N\0Y" is broken input, not a way to write NY.
        if (trimmed.Any(char.IsControl))
        {
            return null;
        }

        var key = Key(text);
        return key.Length == 0 ? null : _byKey.GetValueOrDefault(key);
    }

    /// <summary>
    /// Up to <paramref name="max"/> jurisdictions closest to a text that names none: a few typing mistakes away from
    /// a code, name or common form, or the start of a name ("North" gives NC, ND and MP). Closest first.
    /// </summary>
    public IReadOnlyList<JurisdictionLaw> Suggest(string? text, int max = 3)
    {
        if (text is null || text.Length > MaxLength)
        {
            return [];
        }

        var key = Key(text);
        if (key.Length == 0)
        {
            return [];
        }

        // A code is two letters, so one mistake in a code is as far as a code can be from another: allow 1 there,
        // and about one mistake in three letters for longer names.
        var allowed = key.Length <= 2 ? 1 : Math.Max(1, key.Length / 3);
        var best = new Dictionary<JurisdictionLaw, int>();
        foreach (var (candidate, law) in _all)
        {
            if (candidate.Length <= 2 != key.Length <= 2)
            {
                continue; // a code is compared with codes, a name with names
            }

            var distance = candidate.StartsWith(key, StringComparison.Ordinal) && key.Length >= 3 ? 1 : Similarity.Distance(key, candidate, allowed);
            if (distance <= allowed && (!best.TryGetValue(law, out var known) || distance < known))
            {
                best[law] = distance;
            }
        }

        return [.. best.OrderBy(p => p.Value).ThenBy(p => p.Key.Code, StringComparer.Ordinal).Take(max).Select(p => p.Key)];
    }

    /// <summary>Letters and digits only, diacritics removed, upper case, without a leading "the"/"state of"/"commonwealth of".</summary>
    internal static string Key(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
            else if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        var key = builder.ToString();
        foreach (var prefix in (string[])["THESTATEOF", "STATEOF", "COMMONWEALTHOF", "THECOMMONWEALTHOF", "TERRITORYOF", "THE"])
        {
            if (key.Length > prefix.Length + 1 && key.StartsWith(prefix, StringComparison.Ordinal))
            {
                return key[prefix.Length..];
            }
        }

        return key;
    }

    private void Add(string key, JurisdictionLaw law)
    {
        if (key.Length > 0 && _byKey.TryAdd(key, law))
        {
            _all.Add((key, law));
        }
    }
}
