namespace Eligibility.Law;

/// <summary>A half-open date interval <c>[From, Until)</c>; a null bound is open.</summary>
/// <param name="From">First day in force, or null for "since the program began" / always.</param>
/// <param name="Until">First day no longer in force, or null for "still in force".</param>
public readonly record struct DateRange(DateOnly? From, DateOnly? Until)
{
    /// <summary>The interval that holds every day.</summary>
    public static DateRange Always => default;

    /// <summary>Whether the interval holds on a day.</summary>
    /// <param name="day">The day.</param>
    /// <returns>True when <c>From &lt;= day &lt; Until</c>.</returns>
    public bool Contains(DateOnly day) => (From is null || day >= From.Value) && (Until is null || day < Until.Value);

    /// <summary>Whether two intervals share a day.</summary>
    /// <param name="other">The other interval.</param>
    /// <returns>True when they overlap.</returns>
    public bool Overlaps(DateRange other) =>
        (From is null || other.Until is null || From.Value < other.Until.Value) &&
        (other.From is null || Until is null || other.From.Value < Until.Value);

    /// <inheritdoc/>
    public override string ToString() => $"[{From?.ToString("yyyy-MM-dd") ?? "…"}, {Until?.ToString("yyyy-MM-dd") ?? "…"})";
}
