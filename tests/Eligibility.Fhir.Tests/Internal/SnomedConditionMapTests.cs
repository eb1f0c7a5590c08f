using System.Text.RegularExpressions;
using Eligibility.Fhir.Internal;

namespace Eligibility.Fhir.Tests.Internal;

public sealed class SnomedConditionMapTests
{
    private static readonly SnomedConditionMap Map = SnomedConditionMap.Default;

    [Fact]
    public void Every_row_maps_to_a_condition_the_catalog_knows()
    {
        Map.Table.Concepts.Should().NotBeEmpty();
        foreach (var concept in Map.Table.Concepts)
        {
            ConditionCatalog.Default.Contains(concept.Condition).Should().BeTrue($"SNOMED CT {concept.Code} maps to '{concept.Condition}'");
        }
    }

    [Fact]
    public void Every_row_has_an_id_a_term_a_source_and_a_retrieval_date()
    {
        Map.Table.System.Should().Be("http://snomed.info/sct");
        foreach (var concept in Map.Table.Concepts)
        {
            concept.Code.Should().MatchRegex("^[0-9]{6,18}$");
            concept.Term.Should().NotBeNullOrWhiteSpace();
            concept.Source.Should().StartWith("https://");
            DateOnly.TryParseExact(concept.Retrieved, "yyyy-MM-dd", out _).Should().BeTrue(concept.Code);
        }
    }

    [Fact]
    public void Every_concept_id_passes_the_snomed_ct_verhoeff_check()
    {
        // SNOMED CT ids end in a Verhoeff check digit: a mistyped id fails it.
        foreach (var concept in Map.Table.Concepts)
        {
            Verhoeff(concept.Code).Should().BeTrue($"{concept.Code} ({concept.Term}) should carry a valid check digit");
        }
    }

    [Theory]
    [InlineData("82423001", "chronic-pain")]
    [InlineData("75544000", "opioid-use-disorder")]
    [InlineData("231477003", "opioid-use-disorder")]
    [InlineData("87132004", "opioid-withdrawal")]
    [InlineData("363346000", "cancer")]
    [InlineData("84757009", "epilepsy")]
    [InlineData("24700007", "multiple-sclerosis")]
    [InlineData("47505003", "ptsd")]
    [InlineData("23986001", "glaucoma")]
    [InlineData("86406008", "hiv-aids")]
    [InlineData("34000006", "crohns-disease")]
    [InlineData("86044005", "als")]
    [InlineData("49049000", "parkinsons-disease")]
    [InlineData("238108007", "cachexia")]
    [InlineData("422587007", "severe-nausea")]
    public void Focus_and_common_conditions_are_mapped(string code, string condition) =>
        Map.Find(code)!.Condition.Should().Be(condition);

    [Theory]
    [InlineData("45352006")]  // Spasm: also smooth muscle
    [InlineData("32798002")]  // Parkinsonism is not Parkinson's disease
    [InlineData("16402000")]  // Sickle cell trait
    [InlineData("1148649003")] // opioid poisoning is not opioid use disorder
    public void Concepts_deliberately_left_out_are_not_mapped(string code) =>
        Map.Find(code).Should().BeNull();

    [Fact]
    public void A_duplicate_concept_is_refused()
    {
        var row = Map.Table.Concepts[0];
        var act = () => new SnomedConditionMap(Map.Table with { Concepts = [row, row] });

        act.Should().Throw<InvalidDataException>().WithMessage($"*{row.Code} appears twice*");
    }

    private static bool Verhoeff(string number)
    {
        int[,] d =
        {
            { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 }, { 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 },
            { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 }, { 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 }, { 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 },
            { 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 }, { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 }, { 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 },
            { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 },
        };
        int[,] p =
        {
            { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 }, { 5, 8, 0, 3, 7, 9, 6, 1, 4, 2 },
            { 8, 9, 1, 6, 0, 4, 3, 5, 2, 7 }, { 9, 4, 5, 3, 1, 2, 6, 8, 7, 0 }, { 4, 2, 8, 6, 5, 7, 3, 9, 0, 1 },
            { 2, 7, 9, 3, 8, 0, 6, 4, 1, 5 }, { 7, 0, 4, 6, 9, 1, 3, 2, 5, 8 },
        };
        var c = 0;
        for (var i = 0; i < number.Length; i++)
        {
            c = d[c, p[i % 8, number[number.Length - 1 - i] - '0']];
        }

        return c == 0;
    }
}

public sealed class SnomedConditionSchemaTests
{
    [Fact]
    public void The_schema_requires_what_the_reader_requires()
    {
        var schemaPath = Path.Combine(AppContext.BaseDirectory, "snomed-ct-conditions.schema.json");
        using var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllText(schemaPath));
        var item = schema.RootElement.GetProperty("properties").GetProperty("concepts").GetProperty("items");

        item.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Should()
            .BeEquivalentTo("code", "term", "condition", "source", "retrieved");
        item.GetProperty("properties").EnumerateObject().Select(p => p.Name).Should()
            .BeEquivalentTo("code", "term", "condition", "source", "retrieved", "note");
        Eligibility.Fhir.Internal.SnomedConditionMap.Default.Table.Schema.Should().Be("./snomed-ct-conditions.schema.json");
    }
}
