using Eligibility.Fhir;
using Hl7.Fhir.Model;

namespace Eligibility.Fhir.Tests;

public sealed class FhirQueryBuilderTests
{
    private static FhirMappingResult Map(string bundle, DateOnly? asOf = null, FhirMappingOptions? options = null) =>
        FhirQueryBuilder.Default.FromBundle(Bundles.Load(bundle), asOf ?? Bundles.AsOf, options);

    [Fact]
    public void Nj_adult_with_F11_20_on_buprenorphine_maps_to_oud_in_nj_with_the_medication()
    {
        var result = Map("nj-adult-oud-buprenorphine");

        result.Succeeded.Should().BeTrue(result.Error);
        result.Query!.Jurisdiction.Should().Be("NJ");
        result.Query.Age.Should().Be(42);
        result.Query.AsOf.Should().Be(Bundles.AsOf);
        result.Query.Conditions.Should().Equal("opioid-use-disorder");
        result.Query.Medications.Should().Equal("Buprenorphine 8 MG / Naloxone 2 MG Sublingual Tablet");
        result.Conditions.Should().ContainSingle().Which.Should().Be(new FhirConditionClaim(
            "opioid-use-disorder", "Opioid use disorder", "Condition/oud", "icd-10-cm", FhirQueryBuilder.Icd10CmSystem, "F11.20", "Opioid use disorder"));
        result.Notes.Should().Contain(n => n.Resource == "MedicationRequest/old-rx" && n.Kind == FhirNoteKind.Skipped && n.Message.Contains("'stopped', not active"));
    }

    [Fact]
    public void Texas_patient_with_chronic_pain_coded_only_in_snomed_ct_maps_through_the_table()
    {
        var result = Map("tx-chronic-pain-snomed");

        result.Query!.Jurisdiction.Should().Be("TX", "the address gives the state's name, Texas");
        result.Query.Conditions.Should().Equal("chronic-pain");
        var claim = result.Conditions.Should().ContainSingle().Subject;
        claim.MatchedBy.Should().Be("snomed-ct");
        claim.Code.Should().Be("82423001");
        claim.Term.Should().Be("Chronic pain");
        result.Notes.Should().Contain(n => n.Kind == FhirNoteKind.Used && n.Element == "code.coding[0]" && n.Message.Contains("82423001"));
    }

    [Fact]
    public void Minor_in_pa_gets_an_age_under_18()
    {
        var result = Map("pa-minor-chronic-pain");

        result.Query!.Jurisdiction.Should().Be("PA");
        result.Query.Age.Should().Be(17);
        result.Query.Conditions.Should().Equal("chronic-pain");
    }

    [Fact]
    public void Entered_in_error_refuted_and_resolved_conditions_are_skipped_with_their_reasons()
    {
        var result = Map("nj-entered-in-error");

        result.Query!.Conditions.Should().Equal("chronic-pain");
        result.Notes.Should().Contain(n => n.Resource == "Condition/oud-error" && n.Kind == FhirNoteKind.Skipped && n.Message == "entered in error.");
        result.Notes.Should().Contain(n => n.Resource == "Condition/ms-refuted" && n.Kind == FhirNoteKind.Skipped && n.Message.Contains("'refuted', not confirmed"));
        result.Notes.Should().Contain(n => n.Resource == "Condition/ptsd-resolved" && n.Kind == FhirNoteKind.Skipped && n.Message.Contains("'resolved', not active"));
    }

    [Theory]
    [InlineData("2026-11-22", "NJ")]
    [InlineData("2026-06-01", "NJ")]
    [InlineData("2026-05-31", "NY")]
    [InlineData("2026-03-01", "NY")]
    public void Patient_who_moved_states_in_the_as_of_year_is_placed_by_the_address_current_on_the_as_of_date(string asOf, string expected)
    {
        var result = Map("moved-ny-to-nj", DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture));

        result.Query!.Jurisdiction.Should().Be(expected);
        result.Notes.Should().Contain(n => n.Element == "address[2]" && n.Kind == FhirNoteKind.Skipped && n.Message.Contains("'work'"), "a work address never places the patient");
    }

    [Fact]
    public void Bundle_without_an_address_builds_no_query_and_says_how_to_give_the_jurisdiction()
    {
        var result = Map("no-address");

        result.Succeeded.Should().BeFalse();
        result.Query.Should().BeNull();
        result.Conditions.Should().BeEmpty();
        result.Error.Should().Contain("no address").And.Contain("options (Jurisdiction)");
    }

    [Fact]
    public void Bundle_without_an_address_maps_when_the_jurisdiction_is_given()
    {
        var result = Map("no-address", options: new FhirMappingOptions { Jurisdiction = "new mexico" });

        result.Query!.Jurisdiction.Should().Be("NM");
        result.Query.Conditions.Should().Equal("chronic-pain");
    }

    [Theory]
    [InlineData("1984-03-15", 42, FhirNoteKind.Used)]
    [InlineData("2008-12", 17, FhirNoteKind.Assumed)]   // born in December 2008: 17 on 2026-11-22 whichever day
    [InlineData("2008", 17, FhirNoteKind.Assumed)]      // 17 or 18: the youngest is used
    [InlineData("2009-11-22", 17, FhirNoteKind.Used)]   // the birthday itself counts
    [InlineData("2009-11-23", 16, FhirNoteKind.Used)]
    public void Age_is_computed_on_the_as_of_date_and_partial_birth_dates_give_the_youngest_age(string birthDate, int age, FhirNoteKind kind)
    {
        var result = FhirQueryBuilder.Default.FromResources(Patient(birthDate), [ActiveCondition("G89.29")], Bundles.AsOf);

        result.Query!.Age.Should().Be(age);
        result.Notes.Should().Contain(n => n.Element == "birthDate" && n.Kind == kind);
    }

    [Fact]
    public void A_year_only_birth_date_that_may_make_the_patient_older_says_so()
    {
        var result = FhirQueryBuilder.Default.FromResources(Patient("2008"), [ActiveCondition("G89.29")], Bundles.AsOf);

        result.Notes.Should().Contain(n => n.Element == "birthDate" && n.Message.Contains("youngest age") && n.Message.Contains("a year older"));
        result.Notes.Should().NotContain(n => n.Message.Contains("2008"), "notes never repeat a date of birth");
    }

    [Fact]
    public void No_birth_date_leaves_the_age_unknown_and_says_so()
    {
        var result = FhirQueryBuilder.Default.FromResources(Patient(null), [ActiveCondition("G89.29")], Bundles.AsOf);

        result.Query!.Age.Should().BeNull();
        result.Notes.Should().Contain(n => n.Element == "birthDate" && n.Kind == FhirNoteKind.Skipped && n.Message.Contains("age is unknown"));
    }

    [Fact]
    public void Conditions_without_verification_or_clinical_status_are_not_used()
    {
        var unverified = ActiveCondition("G89.29");
        unverified.VerificationStatus = null;
        var noClinical = ActiveCondition("F11.20");
        noClinical.Id = "c2";
        noClinical.ClinicalStatus = null;

        var result = FhirQueryBuilder.Default.FromResources(Patient("1980-01-01"), [unverified, noClinical], Bundles.AsOf);

        result.Succeeded.Should().BeFalse();
        result.Notes.Should().Contain(n => n.Element == "verificationStatus" && n.Message.Contains("only confirmed"));
        result.Notes.Should().Contain(n => n.Element == "clinicalStatus" && n.Message.Contains("only active"));
        result.Error.Should().Contain("no active, confirmed condition");
    }

    [Fact]
    public void A_condition_of_another_patient_is_skipped()
    {
        var other = ActiveCondition("G89.29");
        other.Subject = new ResourceReference("Patient/someone-else");

        var result = FhirQueryBuilder.Default.FromResources(Patient("1980-01-01"), [other], Bundles.AsOf);

        result.Notes.Should().Contain(n => n.Element == "subject" && n.Message.Contains("another patient"));
        result.Succeeded.Should().BeFalse();
    }

    [Fact]
    public void Icd_10_cm_coding_wins_over_snomed_ct_and_a_disagreement_is_reported()
    {
        var condition = ActiveCondition("G89.29");
        condition.Code!.Coding.Add(new Coding(FhirQueryBuilder.SnomedCtSystem, "75544000"));

        var result = FhirQueryBuilder.Default.FromResources(Patient("1980-01-01"), [condition], Bundles.AsOf);

        result.Query!.Conditions.Should().Equal("chronic-pain");
        result.Notes.Should().Contain(n => n.Message.Contains("differs from the ICD-10-CM one") && n.Message.Contains("opioid-use-disorder"));
    }

    [Fact]
    public void Unmapped_codes_fall_back_to_the_text_and_the_claim_keeps_no_free_text()
    {
        var condition = new Condition
        {
            Id = "text-only",
            ClinicalStatus = Status("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
            VerificationStatus = Status("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed"),
            Code = new CodeableConcept("http://example.org/local-codes", "X-17") { Text = "heroin addiction" },
            Subject = new ResourceReference("Patient/p1"),
        };

        var result = FhirQueryBuilder.Default.FromResources(Patient("1980-01-01"), [condition], Bundles.AsOf);

        result.Query!.Conditions.Should().Equal("opioid-use-disorder");
        result.Conditions.Single().Should().Match<FhirConditionClaim>(c => c.MatchedBy == "text" && c.Code == null && c.Term == null);
        result.Notes.Should().Contain(n => n.Element == "code.coding[0]" && n.Kind == FhirNoteKind.Skipped && n.Message.Contains("not mapped"));
        result.Notes.Should().NotContain(n => n.Message.Contains("heroin"), "notes never repeat the record's free text");
    }

    [Fact]
    public void Negated_text_is_not_a_condition()
    {
        var condition = ActiveCondition("ZZZ");
        condition.Code = new CodeableConcept { Text = "no history of cancer" };

        var result = FhirQueryBuilder.Default.FromResources(Patient("1980-01-01"), [condition], Bundles.AsOf);

        result.Succeeded.Should().BeFalse();
        result.Notes.Should().Contain(n => n.Element == "code.text" && n.Message.Contains("negated"));
    }

    [Fact]
    public void Excluded_icd_code_maps_to_nothing()
    {
        var result = FhirQueryBuilder.Default.FromResources(Patient("1980-01-01"), [ActiveCondition("F12.20")], Bundles.AsOf);

        result.Succeeded.Should().BeFalse();
        result.Notes.Should().Contain(n => n.Message.StartsWith("ICD-10-CM F12.20 maps to no eligibility condition", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_condition_twice_is_sent_once()
    {
        var second = ActiveCondition("F11.21");
        second.Id = "c2";

        var result = FhirQueryBuilder.Default.FromResources(Patient("1980-01-01"), [ActiveCondition("F11.20"), second], Bundles.AsOf);

        result.Query!.Conditions.Should().Equal("opioid-use-disorder");
        result.Notes.Should().Contain(n => n.Resource == "Condition/c2" && n.Message.Contains("the same condition (opioid-use-disorder) as Condition/c1"));
    }

    [Fact]
    public void Onset_after_the_as_of_date_and_abatement_before_it_are_skipped()
    {
        var future = ActiveCondition("G89.29");
        future.Onset = new FhirDateTime("2027-01");
        var ended = ActiveCondition("F11.20");
        ended.Id = "c2";
        ended.Abatement = new FhirDateTime("2025-02-03");

        var result = FhirQueryBuilder.Default.FromResources(Patient("1980-01-01"), [future, ended], Bundles.AsOf);

        result.Succeeded.Should().BeFalse();
        result.Notes.Should().Contain(n => n.Element == "onsetDateTime" && n.Message.Contains("after the as-of date"));
        result.Notes.Should().Contain(n => n.Element == "abatement" && n.Message.Contains("abated"));
    }

    [Fact]
    public void Medication_by_reference_is_named_from_the_referenced_medication_and_inactive_ones_are_skipped()
    {
        var methadone = new Medication { Id = "m1", Code = new CodeableConcept(FhirQueryBuilder.RxNormSystem, "999", "methadone hydrochloride 10 MG Oral Tablet") };
        var byReference = new MedicationRequest
        {
            Id = "r1",
            Status = MedicationRequest.MedicationrequestStatus.Active,
            Intent = MedicationRequest.MedicationRequestIntent.Order,
            Medication = new ResourceReference("Medication/m1"),
            Subject = new ResourceReference("Patient/p1"),
        };
        var missing = new MedicationStatement
        {
            Id = "s1",
            Status = MedicationStatement.MedicationStatusCodes.Active,
            Medication = new ResourceReference("Medication/absent"),
            Subject = new ResourceReference("Patient/p1"),
        };
        var completed = new MedicationStatement
        {
            Id = "s2",
            Status = MedicationStatement.MedicationStatusCodes.Completed,
            Medication = new CodeableConcept { Text = "buprenorphine" },
            Subject = new ResourceReference("Patient/p1"),
        };

        var result = FhirQueryBuilder.Default.FromResources(Patient("1980-01-01"), [ActiveCondition("F11.20"), methadone, byReference, missing, completed], Bundles.AsOf);

        result.Query!.Medications.Should().Equal("methadone hydrochloride 10 MG Oral Tablet");
        result.Notes.Should().Contain(n => n.Resource == "MedicationStatement/s1" && n.Message.Contains("not among the records"));
        result.Notes.Should().Contain(n => n.Resource == "MedicationStatement/s2" && n.Message.Contains("'completed', not active"));
    }

    [Fact]
    public void Two_current_home_addresses_in_different_states_are_an_error()
    {
        var patient = Patient("1980-01-01", homeState: null);
        patient.Address.Add(new Address { Use = Address.AddressUse.Home, State = "NJ" });
        patient.Address.Add(new Address { Use = Address.AddressUse.Home, State = "NY" });

        var result = FhirQueryBuilder.Default.FromResources(patient, [ActiveCondition("G89.29")], Bundles.AsOf);

        result.Succeeded.Should().BeFalse();
        result.Error.Should().Contain("2 jurisdictions (NJ, NY)");
    }

    [Fact]
    public void A_foreign_address_or_unknown_state_is_skipped()
    {
        var patient = Patient("1980-01-01", homeState: null);
        patient.Address.Add(new Address { Use = Address.AddressUse.Home, State = "ON", Country = "Canada" });
        patient.Address.Add(new Address { Use = Address.AddressUse.Home, State = "Atlantis" });

        var result = FhirQueryBuilder.Default.FromResources(patient, [ActiveCondition("G89.29")], Bundles.AsOf);

        result.Succeeded.Should().BeFalse();
        result.Notes.Should().Contain(n => n.Message.Contains("country is not the United States"));
        result.Notes.Should().Contain(n => n.Message.Contains("not a US state or territory"));
        result.Notes.Should().NotContain(n => n.Message.Contains("Atlantis"), "notes never repeat the address");
    }

    [Fact]
    public void Territory_addresses_map_by_name()
    {
        var patient = Patient("1980-01-01", homeState: null);
        patient.Address.Add(new Address { Use = Address.AddressUse.Home, State = "Puerto Rico", Country = "PR" });

        var result = FhirQueryBuilder.Default.FromResources(patient, [ActiveCondition("G89.29")], Bundles.AsOf);

        result.Query!.Jurisdiction.Should().Be("PR");
    }

    [Fact]
    public void A_bundle_with_two_different_patients_is_an_error()
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Collection };
        bundle.AddResourceEntry(Patient("1980-01-01"), "urn:uuid:6c1b0b52-9c32-4bd4-8b7e-0b1c2a3d4e5f");
        var other = Patient("1981-01-01");
        other.Id = "p2";
        bundle.AddResourceEntry(other, "urn:uuid:7c1b0b52-9c32-4bd4-8b7e-0b1c2a3d4e5f");

        var result = FhirQueryBuilder.Default.FromBundle(bundle, Bundles.AsOf);

        result.Error.Should().Contain("2 Patient resources");
    }

    [Fact]
    public void A_deceased_patient_gets_no_query()
    {
        var patient = Patient("1950-01-01", homeState: null);
        patient.Address.Add(new Address { Use = Address.AddressUse.Home, State = "NJ" });
        patient.Deceased = new FhirBoolean(true);

        var result = FhirQueryBuilder.Default.FromResources(patient, [ActiveCondition("G89.29")], Bundles.AsOf);

        result.Succeeded.Should().BeFalse();
        result.Error.Should().Contain("deceased");
    }

    [Fact]
    public void Many_conditions_map_in_record_order_without_duplicates()
    {
        var codes = new[] { "G89.29", "F11.20", "F11.23", "C50.911", "G40.909", "G35", "F43.10", "H40.11X0", "B20", "K50.90", "K51.90", "R64", "M62.830", "G12.21", "G20.A1", "F41.1", "G43.909", "M06.9" };
        var conditions = codes.Select((c, i) => { var x = ActiveCondition(c); x.Id = "c" + i; return (Resource)x; }).ToList();

        var result = FhirQueryBuilder.Default.FromResources(Patient("1980-01-01"), conditions, Bundles.AsOf);

        result.Query!.Conditions.Count.Should().BeLessThanOrEqualTo(EligibilityQuery.MaxConditions);
        result.Query.Conditions.Should().OnlyHaveUniqueItems();
        result.Conditions.Select(c => c.ConditionId).Should().Equal(result.Query.Conditions);
    }

    [Fact]
    public void Searchset_bundles_among_the_resources_are_read_entry_by_entry()
    {
        var conditions = new Bundle { Type = Bundle.BundleType.Searchset };
        conditions.AddResourceEntry(ActiveCondition("F11.23"), "http://ehr.example/fhir/Condition/c1");

        var result = FhirQueryBuilder.Default.FromResources(Patient("1980-01-01"), [conditions], Bundles.AsOf);

        result.Query!.Conditions.Should().Equal("opioid-withdrawal");
    }

    [Fact]
    public void The_same_patient_twice_as_a_search_with_include_sends_it_is_one_patient()
    {
        var conditions = new Bundle { Type = Bundle.BundleType.Searchset };
        conditions.AddResourceEntry(ActiveCondition("G89.29"), "http://ehr.example/fhir/Condition/c1");
        conditions.AddResourceEntry(Patient("1980-01-01"), "http://ehr.example/fhir/Patient/p1");

        var result = FhirQueryBuilder.Default.FromResources(Patient("1980-01-01"), [conditions], Bundles.AsOf);

        result.Query!.Conditions.Should().Equal("chronic-pain");
        result.Notes.Should().Contain(n => n.Resource == "Patient/p1" && n.Message.Contains("same patient again"));
    }

    [Fact]
    public void A_proposed_medication_is_not_a_prescription()
    {
        var proposal = new MedicationRequest
        {
            Id = "r1",
            Status = MedicationRequest.MedicationrequestStatus.Active,
            Intent = MedicationRequest.MedicationRequestIntent.Proposal,
            Medication = new CodeableConcept { Text = "methadone" },
            Subject = new ResourceReference("Patient/p1"),
        };

        var result = FhirQueryBuilder.Default.FromResources(Patient("1980-01-01"), [ActiveCondition("F11.20"), proposal], Bundles.AsOf);

        result.Query!.Medications.Should().BeEmpty();
        result.Notes.Should().Contain(n => n.Element == "intent" && n.Message.Contains("proposal"));
    }

    internal static Patient Patient(string? birthDate, string? homeState = "NJ")
    {
        var patient = new Patient { Id = "p1" };
        if (birthDate is not null)
        {
            patient.BirthDateElement = new Date(birthDate);
        }

        if (homeState is not null)
        {
            patient.Address.Add(new Address { Use = Address.AddressUse.Home, State = homeState });
        }

        return patient;
    }

    internal static Condition ActiveCondition(string icd10Cm) => new()
    {
        Id = "c1",
        ClinicalStatus = Status("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
        VerificationStatus = Status("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed"),
        Code = new CodeableConcept(FhirQueryBuilder.Icd10CmSystem, icd10Cm),
        Subject = new ResourceReference("Patient/p1"),
    };

    private static CodeableConcept Status(string system, string code) => new(system, code);
}
