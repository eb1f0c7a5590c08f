using System.Text;
using System.Text.RegularExpressions;

namespace Eligibility.Conditions.Internal;

/// <summary>ICD-10-CM code helpers: normalisation, shape checks and range expansion.</summary>
internal static partial class IcdCode
{
    /// <summary>Upper-cases a code and removes dots, spaces and hyphens ("f11.23" becomes "F1123").</summary>
    /// <param name="code">The code as written.</param>
    /// <returns>The compact form.</returns>
    public static string Normalize(string code)
    {
        var builder = new StringBuilder(code.Length);
        foreach (var c in code)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>Formats a compact code with its dot ("F1123" becomes "F11.23").</summary>
    /// <param name="compact">The compact code, or <see langword="null"/>.</param>
    /// <returns>The dotted form.</returns>
    public static string Display(string? compact) =>
        compact is null ? "" : compact.Length > 3 ? compact[..3] + "." + compact[3..] : compact;

    /// <summary>Whether the text (after removing a leading "ICD-10-CM:" style label) is shaped like one code.</summary>
    /// <param name="text">The input.</param>
    /// <param name="normalized">The compact code when shaped like one.</param>
    /// <returns><see langword="true"/> when the whole text is one code.</returns>
    public static bool TryParseWhole(string text, out string normalized)
    {
        normalized = "";
        if (text.Length > MaxLabelledCodeLength)
        {
            return false; // longer than any labelled code ("ICD-10-CM code: F11.23"): no pattern needs to read it
        }

        var stripped = LabelPattern().Replace(text.Trim(), "").Trim().TrimEnd('.', ',', ';');
        if (!WholePattern().IsMatch(stripped))
        {
            return false;
        }

        normalized = Normalize(stripped);
        return normalized.Length is >= 3 and <= 7;
    }

    /// <summary>Longest text that can still be one code with a label in front of it.</summary>
    private const int MaxLabelledCodeLength = 64;

    /// <summary>Expands an inclusive range of three-character categories ("C00", "C96") to every category in it.</summary>
    /// <param name="first">First category, e.g. "C00".</param>
    /// <param name="last">Last category, e.g. "C96"; same letter as <paramref name="first"/>.</param>
    /// <returns>The categories, e.g. C00, C01 ... C96.</returns>
    public static IEnumerable<string> Range(string first, string last)
    {
        if (first.Length != 3 || last.Length != 3 || first[0] != last[0])
        {
            throw new ArgumentException($"Unsupported ICD range {first}-{last}.");
        }

        var from = int.Parse(first[1..], System.Globalization.CultureInfo.InvariantCulture);
        var to = int.Parse(last[1..], System.Globalization.CultureInfo.InvariantCulture);
        for (var n = from; n <= to; n++)
        {
            yield return first[0] + n.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    [GeneratedRegex(@"^(?:icd[\s-]*10(?:[\s-]*cm)?|icd|dx|diagnosis\s+code|code)\s*[:#-]?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"^[A-Za-z]\s*[0-9]\s*[0-9A-Za-z](?:\s*\.?\s*[0-9A-Za-z]){0,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex WholePattern();
}
