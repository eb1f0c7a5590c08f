using Eligibility.Fhir;
using Hl7.Fhir.Model;

namespace Eligibility.Fhir.Tests;

/// <summary>Bad or partial records give a skip with its reason or a clear error, never an exception from deep inside.</summary>
public sealed class HostileRecordsTests
{
    private static FhirMappingResult Map(params Resource[] resources) =>
        FhirQueryBuilder.Default.FromResources(FhirQueryBuilderTests.Patient("1980-01-01"), resources, Bundles.AsOf);

    [Fact]
    public void A_condition_without_a_code_is_skipped()
    {
        var condition = FhirQueryBuilderTests.ActiveCondition("G89.29");
        condition.Code = null;

        Map(condition).Notes.Should().Contain(n => n.Element == "code" && n.Message.Contains("not named"));
    }

    [Fact]
    public void Codes_with_control_characters_or_absurd_length_are_not_read()
    {
        var control = FhirQueryBuilderTests.ActiveCondition("G89\u000129");
        var huge = FhirQueryBuilderTests.ActiveCondition(new string('9', 5000));
        huge.Id = "c2";

        var result = Map(control, huge);

        result.Succeeded.Should().BeFalse();
        result.Notes.Where(n => n.Message == "no usable code.").Should().HaveCount(2);
    }

    [Fact]
    public void Text_longer_than_a_query_allows_is_skipped_and_text_with_control_characters_is_cleaned()
    {
        var longText = FhirQueryBuilderTests.ActiveCondition("ZZZ");
        longText.Code = new CodeableConcept { Text = new string('x', EligibilityQuery.MaxConditionLength + 1) };
        var newlines = FhirQueryBuilderTests.ActiveCondition("ZZZ");
        newlines.Id = "c2";
        newlines.Code = new CodeableConcept { Text = "chronic\r\npain" };

        var result = Map(longText, newlines);

        result.Notes.Should().Contain(n => n.Resource == "Condition/c1" && n.Message.Contains("longer than 500"));
        result.Query!.Conditions.Should().Equal("chronic-pain");
    }

    [Fact]
    public void Other_resource_types_are_skipped_by_type()
    {
        var result = Map(FhirQueryBuilderTests.ActiveCondition("G89.29"), new Observation { Id = "o1", Status = ObservationStatus.Final, Code = new CodeableConcept("http://loinc.org", "1-8") });

        result.Notes.Should().Contain(n => n.Resource == "Observation/o1" && n.Message.Contains("not read"));
        result.Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Resources_without_ids_are_named_by_position()
    {
        var condition = FhirQueryBuilderTests.ActiveCondition("G89.29");
        condition.Id = null;
        condition.VerificationStatus = null;

        Map(condition).Notes.Should().Contain(n => n.Resource == "Condition[1]");
    }

    [Fact]
    public void A_medication_without_any_name_is_skipped()
    {
        var statement = new MedicationStatement
        {
            Id = "s1",
            Status = MedicationStatement.MedicationStatusCodes.Active,
            Medication = new CodeableConcept(FhirQueryBuilder.RxNormSystem, "352364"),
            Subject = new ResourceReference("Patient/p1"),
        };

        var result = Map(FhirQueryBuilderTests.ActiveCondition("F11.20"), statement);

        result.Query!.Medications.Should().BeEmpty();
        result.Notes.Should().Contain(n => n.Resource == "MedicationStatement/s1" && n.Message.Contains("cannot be named"));
    }

    [Fact]
    public void Deeply_nested_json_is_a_format_exception()
    {
        var json = """{"resourceType":"Bundle","type":"collection","meta":""" + new string('[', 200) + new string(']', 200) + "}";

        var act = () => FhirJson.ParseBundle(json);

        act.Should().Throw<FormatException>();
    }

    [Fact]
    public void Regression_an_empty_entry_array_is_invalid_fhir_and_says_where()
    {
        // FHIR forbids empty arrays; a first version of the CDS examples sent "entry": [] and got an unexplained 400.
        var act = () => FhirJson.ParseBundle("""{"resourceType":"Bundle","type":"searchset","entry":[]}""");

        act.Should().Throw<FormatException>().Which.Message.Should().Contain("Bundle.entry");
    }
}
