using System.Globalization;
using System.Text;

namespace Eligibility.Maps.Internal;

/// <summary>Writes an <see cref="EligibilityMap"/> as a text grid: "NJ Q" in each jurisdiction's grid cell, then the legend.</summary>
internal static class TextMapWriter
{
    private const int Cell = 6; // "NJ Q" and two spaces

    public static string Write(EligibilityMap map)
    {
        var text = new StringBuilder(4096);
        text.Append(SvgMapWriter.Title(map)).Append('\n');
        text.Append(SvgMapWriter.Subtitle(map)).Append(":\n\n");
        var byRow = map.Tiles.GroupBy(t => t.Row).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.OrderBy(t => t.Column).ToList());
        var lastRow = byRow.Count == 0 ? -1 : byRow.Keys.Max();
        for (var row = 0; row <= lastRow; row++)
        {
            if (row == TileGrid.TerritoryRow)
            {
                text.Append("Territories:\n");
            }

            if (!byRow.TryGetValue(row, out var tiles))
            {
                continue; // the gap before the territories
            }

            var line = new StringBuilder();
            foreach (var tile in tiles)
            {
                line.Append(' ', Math.Max(0, (tile.Column * Cell) - line.Length));
                line.Append(tile.Jurisdiction).Append(' ').Append(OutcomeStyle.Of(tile.Outcome).Mark);
            }

            text.Append(line.ToString().TrimEnd()).Append('\n');
        }

        text.Append('\n');
        foreach (var style in OutcomeStyle.All)
        {
            var count = map.Tiles.Count(t => t.Outcome == style.Outcome);
            text.Append(CultureInfo.InvariantCulture, $"  {style.Mark}  {style.Kebab,-28} {count,2}  {style.Label}\n");
        }

        text.Append('\n').Append("Not legal advice: check the cited law and consult a practitioner. ").Append(SvgMapWriter.Verified(map)).Append('\n');
        return text.ToString();
    }
}
