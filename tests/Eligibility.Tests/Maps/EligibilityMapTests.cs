using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Eligibility.Maps;
using Eligibility.Maps.Internal;

namespace Eligibility.Tests.Maps;

public sealed class EligibilityMapTests
{
    private static readonly DateOnly Day = new(2026, 11, 22);
    private static readonly IEligibilityEngine Engine = EligibilityEngine.CreateDefault();

    private static EligibilityMap OudMap() => EligibilityMap.Create(Engine, new EligibilityQuery { Jurisdiction = "", Conditions = ["opioid use disorder"], AsOf = Day });

    private static XElement[] Tiles(XDocument svg) =>
        [.. svg.Descendants().Where(e => e.Attribute("data-jurisdiction") is not null)];

    [Fact]
    public void Opioid_use_disorder_map_has_a_tile_per_jurisdiction_NJ_qualifies_and_ID_has_no_program()
    {
        var map = OudMap();

        map.Tiles.Should().HaveCount(56);
        map.Condition.Should().Be("opioid-use-disorder");
        map.ConditionName.Should().Be("Opioid use disorder");
        map.AsOf.Should().Be(Day);
        map.Tiles.Single(t => t.Jurisdiction == "NJ").Outcome.Should().Be(Outcome.Qualifies);
        map.Tiles.Single(t => t.Jurisdiction == "ID").Outcome.Should().Be(Outcome.NoProgram);
    }

    [Fact]
    public void Every_tile_has_its_own_grid_square_and_the_territories_share_the_last_row()
    {
        var map = OudMap();

        map.Tiles.Select(t => (t.Column, t.Row)).Should().OnlyHaveUniqueItems();
        map.Tiles.Where(t => t.Row == TileGrid.TerritoryRow).Select(t => t.Jurisdiction).Should().BeEquivalentTo("PR", "GU", "VI", "MP", "AS");
        map.Tiles.Where(t => t.Row != TileGrid.TerritoryRow).Should().OnlyContain(t => t.Row < TileGrid.StateRows && t.Column < TileGrid.Columns);
        TileGrid.Codes.Should().BeEquivalentTo(Engine.Jurisdictions.Select(j => j.Code), "the grid places every jurisdiction the data holds");
    }

    [Fact]
    public void Svg_tiles_carry_the_scan_outcomes_in_kebab_case_with_a_title_giving_outcome_and_citation()
    {
        var scan = Engine.Scan("opioid use disorder", Day);
        var svg = XDocument.Parse(OudMap().ToSvg());
        var tiles = Tiles(svg);

        tiles.Should().HaveCount(56);
        foreach (var decision in scan)
        {
            var tile = tiles.Single(t => t.Attribute("data-jurisdiction")!.Value == decision.Jurisdiction);
            tile.Attribute("data-outcome")!.Value.Should().Be(Kebab(decision.Outcome), decision.Jurisdiction);
            var title = tile.Elements().Single(e => e.Name.LocalName == "title").Value;
            title.Should().StartWith($"{decision.JurisdictionName} ({decision.Jurisdiction}): ");
            if (decision.Conditions[0].Citation is { } citation)
            {
                title.Should().Contain(citation);
            }

            tile.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).Should().Contain(decision.Jurisdiction);
        }
    }

    [Fact]
    public void Svg_title_names_the_condition_as_read_and_the_day()
    {
        var map = EligibilityMap.Create(Engine, new EligibilityQuery { Jurisdiction = "", Conditions = ["heroin addiction"], AsOf = Day });
        var svg = XDocument.Parse(map.ToSvg());
        var root = svg.Root!;

        root.Elements().First(e => e.Name.LocalName == "title").Value.Should().StartWith("Opioid use disorder, as of 2026-11-22");
        root.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).Should().Contain("Opioid use disorder, as of 2026-11-22");
        root.Attribute("role")!.Value.Should().Be("img");
    }

    [Fact]
    public void Svg_has_a_legend_entry_for_every_outcome_with_its_count_and_a_not_legal_advice_line()
    {
        var map = OudMap();
        var svg = XDocument.Parse(map.ToSvg());
        var legend = svg.Descendants().Single(e => (string?)e.Attribute("data-role") == "legend");
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();

        legend.Elements().Select(e => e.Attribute("data-outcome")!.Value).Should().Equal(Enum.GetValues<Outcome>().OrderBy(o => Array.IndexOf(OutcomeStyle.All.Select(s => s.Outcome).ToArray(), o)).Select(Kebab));
        foreach (var style in OutcomeStyle.All)
        {
            texts.Should().Contain($"{style.Label} ({map.Tiles.Count(t => t.Outcome == style.Outcome)})");
        }

        texts.Should().Contain(t => t.StartsWith("Not legal advice", StringComparison.Ordinal));
        svg.Descendants().Should().NotContain(e => e.Name.LocalName == "style" || e.Name.LocalName == "script", "a strict Content-Security-Policy blocks inline style elements");
    }

    [Fact]
    public void Svg_escapes_every_text_so_hostile_data_cannot_break_out_of_the_document()
    {
        var decisions = Engine.Scan("opioid use disorder", Day);
        const string hostile = "</title><script>alert(1)</script>&amp; \"q\" 'a' \u0001\u001b[31m \ud800";
        var tampered = decisions.Select(d => d with
        {
            JurisdictionName = hostile,
            Conditions = [d.Conditions[0] with { Citation = hostile, ConditionName = hostile }],
        }).ToList();

        var svgText = EligibilityMap.FromDecisions(tampered).ToSvg();
        var svg = XDocument.Parse(svgText); // well-formed despite the control characters and the lone surrogate

        svg.Descendants().Should().NotContain(e => e.Name.LocalName == "script");
        Tiles(svg).Should().HaveCount(56);
        var title = Tiles(svg)[0].Elements().Single(e => e.Name.LocalName == "title").Value;
        title.Should().Contain("</title><script>alert(1)</script>&amp; \"q\" 'a'");
        svgText.Should().NotContain("\u0001").And.NotContain("\u001b");
    }

    [Theory]
    [InlineData("qualifies", 'Q')]
    [InlineData("no-program", 'X')]
    public void Outcome_styles_name_outcomes_as_the_json_contract_does(string kebab, char mark)
    {
        var style = OutcomeStyle.All.Single(s => s.Kebab == kebab);
        style.Mark.Should().Be(mark);
        OutcomeStyle.All.Select(s => s.Outcome).Should().BeEquivalentTo(Enum.GetValues<Outcome>());
        OutcomeStyle.All.Should().OnlyContain(s => s.Kebab == Kebab(s.Outcome));
    }

    [Fact]
    public void Outcome_colours_are_distinct_marked_and_hold_WCAG_AA_contrast_for_their_text()
    {
        OutcomeStyle.All.Select(s => s.Fill).Should().OnlyHaveUniqueItems();
        OutcomeStyle.All.Select(s => s.Mark).Should().OnlyHaveUniqueItems("no outcome is told by colour alone");
        foreach (var style in OutcomeStyle.All)
        {
            Contrast(style.Fill, style.Text).Should().BeGreaterThanOrEqualTo(4.5, $"{style.Kebab}'s text on its fill");
        }

        // Qualifying and not-qualifying fills differ in lightness too, so they part even in greyscale.
        Contrast(OutcomeStyle.Of(Outcome.QualifiesWithRequirements).Fill, OutcomeStyle.Of(Outcome.NoProgram).Fill).Should().BeGreaterThan(3);
        Contrast(OutcomeStyle.Of(Outcome.Qualifies).Fill, OutcomeStyle.Of(Outcome.NotQualifying).Fill).Should().BeGreaterThan(3);
    }

    [Fact]
    public void Text_grid_shows_codes_with_outcome_marks_in_grid_positions_and_a_legend()
    {
        var text = OudMap().ToText();
        var lines = text.Split('\n');

        lines[0].Should().Be("Opioid use disorder, as of 2026-11-22");
        text.Should().Contain("NJ Q").And.Contain("ID X");
        lines.Should().Contain(l => l.StartsWith("AK ", StringComparison.Ordinal) && l.IndexOf("ME ", StringComparison.Ordinal) == 10 * 6, "Alaska and Maine share the top row");
        var nj = lines.Single(l => l.Contains("NJ Q", StringComparison.Ordinal));
        nj.IndexOf("NJ", StringComparison.Ordinal).Should().Be(8 * 6, "NJ sits in column 8 of the grid");
        lines.Should().Contain(l => l.Contains("no-program", StringComparison.Ordinal) && l.TrimStart().StartsWith('X'));
        text.Should().Contain("Not legal advice");
    }

    [Fact]
    public void Json_gives_the_per_jurisdiction_outcomes_in_kebab_case()
    {
        var json = JsonSerializer.Serialize(OudMap(), EligibilityJsonContext.Default.EligibilityMap);
        using var doc = JsonDocument.Parse(json);

        doc.RootElement.GetProperty("condition").GetString().Should().Be("opioid-use-disorder");
        doc.RootElement.GetProperty("asOf").GetString().Should().Be("2026-11-22");
        var tiles = doc.RootElement.GetProperty("tiles").EnumerateArray().ToList();
        tiles.Should().HaveCount(56);
        tiles.Single(t => t.GetProperty("jurisdiction").GetString() == "NJ").GetProperty("outcome").GetString().Should().Be("qualifies");
        tiles.Single(t => t.GetProperty("jurisdiction").GetString() == "ID").GetProperty("outcome").GetString().Should().Be("no-program");
    }

    [Theory]
    [InlineData("opioid use disorder", "2026-11-22")]
    [InlineData("chronic pain", "2026-11-22")]
    [InlineData("opioid withdrawal", "2019-01-01")]
    [InlineData("F11.20", "2015-06-30")]
    public void Scan_over_a_plain_template_is_the_engine_scan(string condition, string day)
    {
        var asOf = DateOnly.Parse(day, CultureInfo.InvariantCulture);
        var scan = Engine.Scan(condition, asOf);
        var viaTemplate = Engine.Scan(new EligibilityQuery { Jurisdiction = "", Conditions = [condition], AsOf = asOf });

        viaTemplate.Select(d => (d.Jurisdiction, d.Outcome)).Should().Equal(scan.Select(d => (d.Jurisdiction, d.Outcome)));
    }

    [Fact]
    public void Scan_over_a_patient_template_answers_as_evaluate_does_in_each_jurisdiction()
    {
        var template = new EligibilityQuery { Jurisdiction = "ignored", Conditions = ["chronic pain"], AsOf = Day, Age = 17, Visitor = true };
        var scan = Engine.Scan(template);

        scan.Should().HaveCount(56);
        foreach (var decision in scan)
        {
            var single = Engine.Evaluate(template with { Jurisdiction = decision.Jurisdiction });
            decision.Outcome.Should().Be(single.Outcome, decision.Jurisdiction);
            decision.Query!.Age.Should().Be(17);
            decision.Query.Visitor.Should().BeTrue();
        }

        var plain = Engine.Scan("chronic pain", Day);
        scan.Select(d => d.Outcome).Should().NotEqual(plain.Select(d => d.Outcome), "a 17-year-old visitor is answered differently somewhere");
    }

    [Fact]
    public void Visitor_map_shows_the_blocked_outcome_and_cites_the_requirement_that_blocks_it()
    {
        var map = EligibilityMap.Create(Engine, new EligibilityQuery { Jurisdiction = "", Conditions = ["opioid use disorder"], AsOf = Day, Visitor = true });
        var plain = OudMap();

        map.Visitor.Should().BeTrue();
        map.ToSvg().Should().Contain("for a visitor (not a resident)");
        var blocked = map.Tiles.Where(t => plain.Tiles.Single(p => p.Jurisdiction == t.Jurisdiction).Outcome != t.Outcome).ToList();
        blocked.Should().NotBeEmpty("somewhere visitors cannot register");
        foreach (var tile in blocked)
        {
            var decision = Engine.Evaluate(new EligibilityQuery { Jurisdiction = tile.Jurisdiction, Conditions = ["opioid use disorder"], AsOf = Day, Visitor = true });
            tile.Outcome.Should().Be(decision.Outcome);
            var cited = decision.Requirements.Where(r => r.Kind == RequirementKind.Blocking && r.Citation is not null)
                .Concat(decision.Requirements.Where(r => r.Kind == RequirementKind.Additional && r.Citation is not null))
                .Select(r => r.Citation).FirstOrDefault();
            tile.Citation.Should().Be(cited ?? decision.Conditions[0].Citation);
        }
    }

    [Fact]
    public void A_text_naming_two_conditions_gives_a_map_of_each_and_Create_says_which_to_choose()
    {
        var template = new EligibilityQuery { Jurisdiction = "", Conditions = ["OUD and chronic back pain"], AsOf = Day };

        var maps = EligibilityMap.CreateEach(Engine, template);
        maps.Select(m => m.Condition).Should().Equal("opioid-use-disorder", "chronic-pain");
        maps[0].Tiles.Single(t => t.Jurisdiction == "NJ").Outcome.Should().Be(Outcome.Qualifies);

        var create = () => EligibilityMap.Create(Engine, template);
        create.Should().Throw<ArgumentException>().WithMessage("*2 conditions (opioid-use-disorder, chronic-pain)*send one*")
            .Which.Message.Should().NotContain("back pain", "the client's text is never echoed");
    }

    [Fact]
    public void An_unrecognised_condition_maps_every_tile_as_unknown_condition()
    {
        var map = EligibilityMap.Create(Engine, new EligibilityQuery { Jurisdiction = "", Conditions = ["qwzx plorb"], AsOf = Day });

        map.Condition.Should().BeNull();
        map.Tiles.Should().HaveCount(56).And.OnlyContain(t => t.Outcome == Outcome.UnknownCondition);
        map.ToSvg().Should().Contain("Condition not recognised, as of 2026-11-22").And.NotContain("plorb");
    }

    [Fact]
    public void FromDecisions_rejects_what_is_not_one_map()
    {
        var scan = Engine.Scan("cancer", Day);
        var other = Engine.Scan("cancer", Day.AddDays(-1));

        FluentActions.Invoking(() => EligibilityMap.FromDecisions([])).Should().Throw<ArgumentException>().WithMessage("*at least one decision*");
        FluentActions.Invoking(() => EligibilityMap.FromDecisions([scan[0], scan[0]])).Should().Throw<ArgumentException>().WithMessage("Two decisions for AK*");
        FluentActions.Invoking(() => EligibilityMap.FromDecisions([scan[0], other[1]])).Should().Throw<ArgumentException>().WithMessage("*one condition on one day*");
        var twoConditions = Engine.Evaluate(new EligibilityQuery { Jurisdiction = "NJ", Conditions = ["cancer", "glaucoma"], AsOf = Day });
        FluentActions.Invoking(() => EligibilityMap.FromDecisions([twoConditions])).Should().Throw<ArgumentException>().WithMessage("*one condition*has 2*");
    }

    [Fact]
    public void A_jurisdiction_the_grid_does_not_know_still_gets_a_tile_of_its_own()
    {
        var scan = Engine.Scan("cancer", Day);
        var custom = scan.Select(d => d.Jurisdiction == "AS" ? d with { Jurisdiction = "ZZ" } : d).ToList();

        var map = EligibilityMap.FromDecisions(custom);

        map.Tiles.Should().HaveCount(56);
        map.Tiles.Select(t => (t.Column, t.Row)).Should().OnlyHaveUniqueItems();
        Tiles(XDocument.Parse(map.ToSvg())).Select(t => t.Attribute("data-jurisdiction")!.Value).Should().Contain("ZZ");
    }

    private static string Kebab(Outcome outcome) => JsonSerializer.Serialize(outcome, EligibilityJsonContext.Default.Outcome).Trim('"');

    /// <summary>WCAG 2 contrast ratio of two #RRGGBB colours.</summary>
    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int i)
        {
            var c = int.Parse(hex.AsSpan(1 + (2 * i), 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(0)) + (0.7152 * Channel(1)) + (0.0722 * Channel(2));
    }
}
