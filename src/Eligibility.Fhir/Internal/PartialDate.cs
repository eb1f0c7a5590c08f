using System.Globalization;

namespace Eligibility.Fhir.Internal;

/// <summary>
/// A FHIR date or dateTime (<c>YYYY</c>, <c>YYYY-MM</c>, <c>YYYY-MM-DD</c>, or a dateTime whose date part is read)
/// as the earliest and latest days it can mean.
/// </summary>
internal readonly record struct PartialDate(DateOnly Earliest, DateOnly Latest, string Precision)
{
    public bool IsPartial => Precision != "day";

    public static PartialDate? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (text.Length > 10 && text[10] == 'T')
        {
            text = text[..10];
        }

        var parts = text.Split('-');
        if (parts.Length is < 1 or > 3 || parts[0].Length != 4 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1)
        {
            return null;
        }

        if (parts.Length == 1)
        {
            return new PartialDate(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), "year");
        }

        if (parts[1].Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12)
        {
            return null;
        }

        if (parts.Length == 2)
        {
            return new PartialDate(new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)), "month");
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new PartialDate(day, day, "day")
            : null;
    }

    /// <summary>Whole years from a birth day to a day.</summary>
    public static int AgeOn(DateOnly birth, DateOnly on)
    {
        var age = on.Year - birth.Year;
        if (on.Month < birth.Month || (on.Month == birth.Month && on.Day < birth.Day))
        {
            age--;
        }

        return age;
    }
}
