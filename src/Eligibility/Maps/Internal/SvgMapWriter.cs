using System.Globalization;
using System.Text;

namespace Eligibility.Maps.Internal;

/// <summary>Writes an <see cref="EligibilityMap"/> as a standalone SVG document (presentation attributes only, every text XML-escaped).</summary>
internal static class SvgMapWriter
{
    private const int Tile = 56;
    private const int Gap = 6;
    private const int Step = Tile + Gap;
    private const int Margin = 24;
    private const int GridTop = 96;
    private const string Font = "Verdana, 'DejaVu Sans', Arial, sans-serif";
    private const string Ink = "#1A1A1A";

    public static string Write(EligibilityMap map)
    {
        var columns = Math.Max(TileGrid.Columns, map.Tiles.Count == 0 ? 0 : map.Tiles.Max(t => t.Column) + 1);
        var width = (2 * Margin) + (columns * Step) - Gap;
        var territoriesTop = GridTop + (TileGrid.TerritoryRow * Step);
        var legendTop = territoriesTop + Step + 20;
        var legendRows = (OutcomeStyle.All.Count + 1) / 2;
        var footerTop = legendTop + (legendRows * 28) + 16;
        var height = footerTop + 40;

        var title = Title(map);
        var svg = new StringBuilder(32 * 1024);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" font-family=\"{Font}\">\n");
        svg.Append("<title>").Append(Escape($"{title}. {Subtitle(map)}. A tile map with one square per jurisdiction; not legal advice.")).Append("</title>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"#FFFFFF\"/>\n");
        // A long condition name gets a smaller heading rather than running off the edge (about 0.62 em per character).
        Text(svg, Margin, 44, Math.Clamp((int)((width - (2 * Margin)) / (0.62 * title.Length)), 12, 22), "bold", Ink, title);
        Text(svg, Margin, 72, 14, "normal", Ink, Subtitle(map));

        svg.Append("<g data-role=\"tiles\">\n");
        foreach (var tile in map.Tiles)
        {
            WriteTile(svg, tile);
        }

        svg.Append("</g>\n");
        Text(svg, Margin, territoriesTop - 12, 13, "bold", Ink, "Territories");

        svg.Append("<g data-role=\"legend\">\n");
        for (var i = 0; i < OutcomeStyle.All.Count; i++)
        {
            var style = OutcomeStyle.All[i];
            var count = map.Tiles.Count(t => t.Outcome == style.Outcome);
            var x = Margin + (i / legendRows * (width - (2 * Margin)) / 2);
            var y = legendTop + (i % legendRows * 28);
            svg.Append(CultureInfo.InvariantCulture, $"<g data-outcome=\"{style.Kebab}\"><rect x=\"{x}\" y=\"{y}\" width=\"22\" height=\"22\" rx=\"3\" fill=\"{style.Fill}\" stroke=\"{Ink}\" stroke-width=\"1\"{Dash(style)}/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 11}\" y=\"{y + 16}\" font-size=\"13\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"{style.Text}\">{Escape(style.Mark.ToString())}</text>");
            Text(svg, x + 30, y + 16, 13, "normal", Ink, $"{style.Label} ({count})", newline: false);
            svg.Append("</g>\n");
        }

        svg.Append("</g>\n");
        Text(svg, Margin, footerTop, 12, "normal", Ink, $"Not legal advice: check the cited law and consult a practitioner. {Verified(map)}");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>The heading: the condition as read and the day.</summary>
    internal static string Title(EligibilityMap map) =>
        $"{map.ConditionName ?? "Condition not recognised"}, as of {Day(map.AsOf)}";

    internal static string Subtitle(EligibilityMap map)
    {
        var patient = (map.Age, map.Visitor) switch
        {
            (null, false) => "any patient",
            (null, true) => "a visitor (not a resident)",
            ({ } age, false) => $"a patient aged {age}",
            ({ } age, true) => $"a visitor (not a resident) aged {age}",
        };
        return $"Medical-cannabis eligibility in each of {map.Tiles.Count} jurisdictions, for {patient}";
    }

    internal static string Verified(EligibilityMap map)
    {
        if (map.Tiles.Count == 0)
        {
            return "";
        }

        var oldest = map.Tiles.Min(t => t.LastVerified);
        var newest = map.Tiles.Max(t => t.LastVerified);
        return oldest == newest ? $"Data verified {Day(oldest)}." : $"Data verified between {Day(oldest)} and {Day(newest)}.";
    }

    private static void WriteTile(StringBuilder svg, MapTile tile)
    {
        var style = OutcomeStyle.Of(tile.Outcome);
        var x = Margin + (tile.Column * Step);
        var y = GridTop + (tile.Row * Step);
        svg.Append(CultureInfo.InvariantCulture, $"<g data-jurisdiction=\"{Escape(tile.Jurisdiction)}\" data-outcome=\"{style.Kebab}\" transform=\"translate({x} {y})\">");
        svg.Append("<title>").Append(Escape(TileTitle(tile, style))).Append("</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Tile}\" height=\"{Tile}\" rx=\"4\" fill=\"{style.Fill}\" stroke=\"{Ink}\" stroke-width=\"1\"{Dash(style)}/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Tile / 2}\" y=\"25\" font-size=\"16\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"{style.Text}\">{Escape(tile.Jurisdiction)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Tile / 2}\" y=\"45\" font-size=\"14\" text-anchor=\"middle\" fill=\"{style.Text}\">{Escape(style.Mark.ToString())}</text>");
        svg.Append("</g>\n");
    }

    /// <summary>A tile's tooltip and accessible name: jurisdiction, outcome in words, citation.</summary>
    internal static string TileTitle(MapTile tile, OutcomeStyle style) =>
        $"{tile.Name} ({tile.Jurisdiction}): {style.Label.ToLowerInvariant()}." + (tile.Citation is null ? "" : $" {tile.Citation}");

    private static string Dash(OutcomeStyle style) => style.Dashed ? " stroke-dasharray=\"4 3\"" : "";

    private static void Text(StringBuilder svg, int x, int y, int size, string weight, string fill, string text, bool newline = true)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{y}\" font-size=\"{size}\" font-weight=\"{weight}\" fill=\"{fill}\">");
        svg.Append(Escape(text)).Append("</text>");
        if (newline)
        {
            svg.Append('\n');
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Escapes text for XML content and attribute values, and replaces what XML 1.0 cannot hold at all (control
    /// characters, lone surrogates, U+FFFE/U+FFFF) with U+FFFD, so that no data or input can break the document.
    /// </summary>
    internal static string Escape(string text)
    {
        StringBuilder? escaped = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&apos;",
                _ when char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) => null,
                _ when char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]) => null,
                _ when (c < ' ' && c is not '\t' and not '\n' and not '\r') || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' => "\uFFFD",
                _ => null,
            };
            if (replacement is null)
            {
                escaped?.Append(c);
                continue;
            }

            escaped ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            escaped.Append(replacement);
        }

        return escaped?.ToString() ?? text;
    }
}
