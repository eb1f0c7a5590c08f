using System.Text.Json;
using System.Xml.Linq;

namespace Eligibility.Cli.Tests;

public sealed class MapCommandTests
{
    [Fact]
    public void Map_svg_has_56_tiles_with_jurisdiction_and_outcome_NJ_qualifies_ID_has_no_program()
    {
        var result = CliRunner.Run("map", "--condition", "opioid-use-disorder", "--as-of", "2026-11-22", "--format", "svg");

        result.ExitCode.Should().Be(0, result.Stderr);
        var tiles = Outcomes(result.Stdout);
        tiles.Should().HaveCount(56);
        tiles["NJ"].Should().Be("qualifies");
        tiles["ID"].Should().Be("no-program");
    }

    [Fact]
    public void Map_text_is_the_default_a_grid_of_codes_with_outcome_marks_and_a_legend()
    {
        var result = CliRunner.Run("map", "--condition", "opioid use disorder", "--as-of", "2026-11-22");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().StartWith("Opioid use disorder, as of 2026-11-22\n");
        result.Stdout.Should().Contain("NJ Q").And.Contain("ID X").And.Contain("Territories:").And.Contain("  X  no-program");
    }

    [Fact]
    public void Map_json_gives_every_jurisdictions_outcome()
    {
        var result = CliRunner.Run("map", "--condition", "heroin addiction", "--as-of", "2026-11-22", "--format", "json", "--age", "30");

        result.ExitCode.Should().Be(0, result.Stderr);
        var map = result.Json;
        map.GetProperty("condition").GetString().Should().Be("opioid-use-disorder");
        map.GetProperty("age").GetInt32().Should().Be(30);
        map.GetProperty("tiles").EnumerateArray().Should().HaveCount(56)
            .And.Contain(t => t.GetProperty("jurisdiction").GetString() == "NJ" && t.GetProperty("outcome").GetString() == "qualifies");
    }

    [Theory]
    [InlineData("opioid use disorder", "2026-11-22")]
    [InlineData("opioid withdrawal", "2026-11-22")]
    [InlineData("chronic pain", "2026-11-22")]
    [InlineData("chronic pain", "2019-01-01")]
    [InlineData("opioid use disorder", "2018-06-01")]
    [InlineData("G89.29", "2024-03-15")]
    public void Scan_json_map_json_map_svg_and_the_library_scan_agree(string condition, string day)
    {
        var library = EligibilityEngine.CreateDefault().Scan(condition, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(d => d.Jurisdiction, d => JsonSerializer.Serialize(d.Outcome, EligibilityJsonContext.Default.Outcome).Trim('"'));

        var scan = CliRunner.Run("scan", "--condition", condition, "--as-of", day, "--format", "json");
        var mapJson = CliRunner.Run("map", "--condition", condition, "--as-of", day, "--format", "json");
        var mapSvg = CliRunner.Run("map", "--condition", condition, "--as-of", day, "--format", "svg");

        scan.Json.EnumerateArray().ToDictionary(d => d.GetProperty("jurisdiction").GetString()!, d => d.GetProperty("outcome").GetString()!).Should().Equal(library);
        mapJson.Json.GetProperty("tiles").EnumerateArray().ToDictionary(t => t.GetProperty("jurisdiction").GetString()!, t => t.GetProperty("outcome").GetString()!).Should().Equal(library);
        Outcomes(mapSvg.Stdout).Should().Equal(library);
    }

    [Fact]
    public void Map_of_a_text_naming_two_conditions_is_a_usage_error_naming_them()
    {
        var result = CliRunner.Run("map", "--condition", "OUD and chronic back pain", "--format", "svg");

        result.ExitCode.Should().Be(CliApp.UsageError);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().StartWith("error: ").And.Contain("opioid-use-disorder, chronic-pain");
        result.Stderr.Trim().Split('\n').Should().HaveCount(1);
    }

    [Theory]
    [InlineData("--format", "pdf")]
    [InlineData("--as-of", "2019-02-30")]
    [InlineData("--age", "500")]
    public void Map_bad_input_is_a_one_line_usage_error(string option, string value)
    {
        var result = CliRunner.Run("map", "--condition", "cancer", option, value);

        result.ExitCode.Should().Be(CliApp.UsageError);
        result.Stderr.Should().StartWith("error: ");
        result.Stderr.Trim().Split('\n').Should().HaveCount(1);
    }

    [Fact]
    public void Other_commands_still_refuse_svg()
    {
        CliRunner.Run("scan", "--condition", "cancer", "--format", "svg").ExitCode.Should().Be(CliApp.UsageError);
    }

    private static Dictionary<string, string> Outcomes(string svg) =>
        XDocument.Parse(svg).Descendants().Where(e => e.Attribute("data-jurisdiction") is not null)
            .ToDictionary(e => e.Attribute("data-jurisdiction")!.Value, e => e.Attribute("data-outcome")!.Value);
}
