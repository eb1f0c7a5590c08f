namespace Eligibility.Maps.Internal;

/// <summary>
/// The usual tile-grid positions of the 50 states and DC (11 columns, 8 rows: Alaska top left, Maine top right, Hawaii
/// bottom left, Florida bottom right), and a ninth row, after a gap, for the territories: the Pacific ones on the west
/// (Guam, Northern Mariana Islands, American Samoa), the Caribbean ones on the east (Puerto Rico, US Virgin Islands).
/// </summary>
internal static class TileGrid
{
    public const int Columns = 11;

    /// <summary>Rows of the states and DC.</summary>
    public const int StateRows = 8;

    /// <summary>The territories' row (row 8 is left empty as a gap).</summary>
    public const int TerritoryRow = 9;

    /// <summary>Where a jurisdiction the grid does not know goes: after the territories, in the gap between their groups.</summary>
    public const int ExtraRow = TerritoryRow;

    public const int Rows = TerritoryRow + 1;

    private static readonly Dictionary<string, (int Column, int Row)> Positions = Build(
        (0, "AK", 0), (0, "ME", 10),
        (1, "WI", 5), (1, "VT", 9), (1, "NH", 10),
        (2, "WA", 0), (2, "ID", 1), (2, "MT", 2), (2, "ND", 3), (2, "MN", 4), (2, "IL", 5), (2, "MI", 6), (2, "NY", 8), (2, "MA", 9),
        (3, "OR", 0), (3, "NV", 1), (3, "WY", 2), (3, "SD", 3), (3, "IA", 4), (3, "IN", 5), (3, "OH", 6), (3, "PA", 7), (3, "NJ", 8), (3, "CT", 9), (3, "RI", 10),
        (4, "CA", 0), (4, "UT", 1), (4, "CO", 2), (4, "NE", 3), (4, "MO", 4), (4, "KY", 5), (4, "WV", 6), (4, "VA", 7), (4, "MD", 8), (4, "DE", 9),
        (5, "AZ", 1), (5, "NM", 2), (5, "KS", 3), (5, "AR", 4), (5, "TN", 5), (5, "NC", 6), (5, "SC", 7), (5, "DC", 8),
        (6, "OK", 3), (6, "LA", 4), (6, "MS", 5), (6, "AL", 6), (6, "GA", 7),
        (7, "HI", 0), (7, "TX", 3), (7, "FL", 8),
        (TerritoryRow, "GU", 0), (TerritoryRow, "MP", 1), (TerritoryRow, "AS", 2), (TerritoryRow, "PR", 9), (TerritoryRow, "VI", 10));

    /// <summary>The 56 jurisdictions the grid places.</summary>
    public static IReadOnlyCollection<string> Codes => Positions.Keys;

    public static bool TryGetPosition(string code, out (int Column, int Row) position) => Positions.TryGetValue(code, out position);

    /// <summary>The column of the n-th jurisdiction the grid does not know: the free columns of the territories' row, then beyond the grid.</summary>
    public static int ExtraColumn(int n) => n < 6 ? 3 + n : Columns + n - 6;

    private static Dictionary<string, (int, int)> Build(params (int Row, string Code, int Column)[] cells)
    {
        var positions = new Dictionary<string, (int, int)>(cells.Length, StringComparer.Ordinal);
        foreach (var (row, code, column) in cells)
        {
            positions.Add(code, (column, row));
        }

        return positions;
    }
}
