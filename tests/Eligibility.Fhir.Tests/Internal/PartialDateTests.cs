using Eligibility.Fhir.Internal;

namespace Eligibility.Fhir.Tests.Internal;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("2008", "2008-01-01", "2008-12-31", "year")]
    [InlineData("2008-02", "2008-02-01", "2008-02-29", "month")]
    [InlineData("2008-02-10", "2008-02-10", "2008-02-10", "day")]
    [InlineData("2008-02-10T23:30:00-05:00", "2008-02-10", "2008-02-10", "day")]
    public void Reads_fhir_dates_as_their_earliest_and_latest_days(string value, string earliest, string latest, string precision)
    {
        var date = PartialDate.Parse(value)!.Value;

        date.Earliest.Should().Be(DateOnly.Parse(earliest, System.Globalization.CultureInfo.InvariantCulture));
        date.Latest.Should().Be(DateOnly.Parse(latest, System.Globalization.CultureInfo.InvariantCulture));
        date.Precision.Should().Be(precision);
    }

    [Theory]
    [InlineData("")]
    [InlineData("08")]
    [InlineData("2008-13")]
    [InlineData("2008-02-30")]
    [InlineData("yesterday")]
    public void Refuses_what_is_not_a_date(string value) => PartialDate.Parse(value).Should().BeNull();

    [Theory]
    [InlineData("2000-02-29", "2026-02-28", 25)]
    [InlineData("2000-02-29", "2026-03-01", 26)]
    [InlineData("2008-11-22", "2026-11-22", 18)]
    [InlineData("2008-11-23", "2026-11-22", 17)]
    public void Age_counts_whole_years(string birth, string on, int age) =>
        PartialDate.AgeOn(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(age);
}
