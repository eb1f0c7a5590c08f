using Eligibility.Fhir;

namespace Eligibility.Fhir.Tests;

public sealed class FhirJsonTests
{
    [Fact]
    public void Reads_a_bundle()
    {
        var bundle = FhirJson.ParseBundle(Bundles.Json("nj-adult-oud-buprenorphine"));

        bundle.Entry.Should().HaveCount(4);
    }

    [Fact]
    public void Malformed_json_is_a_format_exception_with_the_place_and_without_the_content()
    {
        var act = () => FhirJson.ParseBundle("""{"resourceType":"Bundle","id":"secret-id",""");

        act.Should().Throw<FormatException>()
            .WithMessage("not a valid FHIR R4 Bundle: malformed JSON at line 1, byte *")
            .Which.Message.Should().NotContain("secret-id");
    }

    [Fact]
    public void A_bad_value_is_reported_by_path_without_repeating_the_value()
    {
        var act = () => FhirJson.ParseResource("""{"resourceType":"Patient","birthDate":"SECRET-DATE-OF-BIRTH"}""");

        var message = act.Should().Throw<FormatException>().Which.Message;
        message.Should().Contain("Patient.birthDate").And.Contain("PVAL124").And.Contain("not in the form its FHIR type requires");
        message.Should().NotContain("SECRET");
    }

    [Theory]
    [InlineData("""{"id":"x"}""", "no resourceType")]
    [InlineData("""{"resourceType":"Nope"}""", "unknown resource type")]
    [InlineData("""[1,2]""", "expected one JSON object")]
    [InlineData("""{"resourceType":"Patient","hobby":"x"}""", "element FHIR R4 does not define")]
    public void Non_resources_are_format_exceptions_that_say_what_to_send(string json, string expected)
    {
        var act = () => FhirJson.ParseResource(json);

        act.Should().Throw<FormatException>().Which.Message.Should().Contain(expected);
    }

    [Fact]
    public void A_resource_that_is_not_a_bundle_is_refused_by_ParseBundle()
    {
        var act = () => FhirJson.ParseBundle("""{"resourceType":"Patient","id":"p1"}""");

        act.Should().Throw<FormatException>().WithMessage("expected a FHIR R4 Bundle, found a Patient.");
    }
}
