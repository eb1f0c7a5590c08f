using Hl7.Fhir.Model;

namespace Eligibility.Fhir.Internal;

/// <summary>The state of one mapping: the notes, conditions and medications gathered so far.</summary>
internal sealed class MappingRun(IConditionResolver resolver, SnomedConditionMap snomed, DateOnly asOf)
{
    private const string ClinicalStatusSystem = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    private const string VerificationStatusSystem = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

    private readonly List<FhirMappingNote> notes = [];
    private readonly List<FhirConditionClaim> claims = [];
    private readonly Dictionary<string, string> claimedBy = new(StringComparer.Ordinal);
    private readonly List<string> medications = [];

    public int ConditionCount => claims.Count;

    public IReadOnlyList<string> ConditionIds => [.. claims.Select(c => c.ConditionId)];

    public IReadOnlyList<string> Medications => [.. medications];

    public void Note(FhirNoteKind kind, string resource, string element, string message) =>
        notes.Add(new FhirMappingNote(kind, resource, element, message));

    public FhirMappingResult Result(EligibilityQuery? query) => new()
    {
        Query = query,
        Conditions = query is null ? [] : [.. claims],
        Notes = [.. notes],
    };

    public bool Deceased(Patient patient, string label)
    {
        var deceased = patient.Deceased switch
        {
            FhirBoolean { Value: true } => true,
            FhirDateTime { Value: var when } => PartialDate.Parse(when) is { } day && day.Earliest <= asOf,
            _ => false,
        };
        if (deceased)
        {
            Note(FhirNoteKind.Error, label, "deceased", "the patient is recorded as deceased on or before the as-of date.");
        }

        return deceased;
    }

    public string? GivenJurisdiction(string given)
    {
        var code = UsJurisdictions.Find(given);
        if (code is null)
        {
            Note(FhirNoteKind.Error, "options", "Jurisdiction", "the jurisdiction given in the options is not a US state or territory code or name.");
            return null;
        }

        Note(FhirNoteKind.Used, "options", "Jurisdiction", $"jurisdiction {code} as given in the options; the patient's addresses were not read.");
        return code;
    }

    /// <summary>The current home address's state: use home (or no use), its period covering the as-of date, in the US.</summary>
    public string? Jurisdiction(Patient patient, string label)
    {
        var found = new List<(int Index, string Code, bool Assumed)>();
        for (var i = 0; i < patient.Address.Count; i++)
        {
            var address = patient.Address[i];
            var element = $"address[{i}]";
            if (address is null)
            {
                continue;
            }

            if (address.Use is { } use && use != Address.AddressUse.Home)
            {
                Note(FhirNoteKind.Skipped, label, element, $"its use is '{Hl7.Fhir.Utility.EnumUtility.GetLiteral(use)}', not 'home'.");
                continue;
            }

            if (address.Type == Address.AddressType.Postal)
            {
                Note(FhirNoteKind.Skipped, label, element, "a postal (mailing) address says where mail goes, not where the patient lives.");
                continue;
            }

            if (!Covers(address.Period, out var why))
            {
                Note(FhirNoteKind.Skipped, label, element, why);
                continue;
            }

            if (!UsJurisdictions.IsUsCountry(address.Country))
            {
                Note(FhirNoteKind.Skipped, label, element, "its country is not the United States.");
                continue;
            }

            var code = UsJurisdictions.Find(address.State) ?? (string.IsNullOrWhiteSpace(address.State) ? UsJurisdictions.Find(address.Country) : null);
            if (code is null)
            {
                Note(FhirNoteKind.Skipped, label, $"{element}.state", string.IsNullOrWhiteSpace(address.State)
                    ? "the address has no state."
                    : "the state is not a US state or territory code or name.");
                continue;
            }

            found.Add((i, code, address.Use is null));
        }

        if (found.Count == 0)
        {
            Note(FhirNoteKind.Error, label, "address", patient.Address.Count == 0
                ? "the patient has no address, so the jurisdiction is unknown; give it in the options (Jurisdiction) or add the home address."
                : "no current home address with a US state or territory, so the jurisdiction is unknown; give it in the options (Jurisdiction).");
            return null;
        }

        var codes = found.Select(f => f.Code).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count > 1)
        {
            Note(FhirNoteKind.Error, label, "address", $"current home addresses in {codes.Count} jurisdictions ({string.Join(", ", codes)}) on the as-of date; give the jurisdiction in the options.");
            return null;
        }

        var first = found[0];
        Note(first.Assumed ? FhirNoteKind.Assumed : FhirNoteKind.Used, label, $"address[{first.Index}].state", first.Assumed
            ? $"jurisdiction {first.Code}, from an address without a 'use', taken as the home address."
            : $"jurisdiction {first.Code}, from the home address current on the as-of date.");
        return first.Code;
    }

    private bool Covers(Period? period, out string why)
    {
        why = "";
        if (period is null)
        {
            return true;
        }

        // A partial date covers its whole year or month: the period runs from the earliest day of its start to the
        // latest day of its end (FHIR's end is inclusive).
        if (!string.IsNullOrEmpty(period.Start))
        {
            if (PartialDate.Parse(period.Start) is not { } start)
            {
                why = "its period start is not a date.";
                return false;
            }

            if (start.Earliest > asOf)
            {
                why = "its period starts after the as-of date.";
                return false;
            }
        }

        if (!string.IsNullOrEmpty(period.End))
        {
            if (PartialDate.Parse(period.End) is not { } end)
            {
                why = "its period end is not a date.";
                return false;
            }

            if (end.Latest < asOf)
            {
                why = "its period ended before the as-of date.";
                return false;
            }
        }

        return true;
    }

    public int? Age(Patient patient, string label)
    {
        var text = patient.BirthDateElement?.Value;
        if (string.IsNullOrWhiteSpace(text))
        {
            Note(FhirNoteKind.Skipped, label, "birthDate", "no birth date: the age is unknown, so rules on minors are not applied; check the patient's age yourself.");
            return null;
        }

        if (PartialDate.Parse(text) is not { } birth)
        {
            Note(FhirNoteKind.Skipped, label, "birthDate", "the birth date is not a FHIR date: the age is unknown.");
            return null;
        }

        if (birth.Earliest > asOf)
        {
            Note(FhirNoteKind.Skipped, label, "birthDate", "the birth date is after the as-of date: the age is unknown.");
            return null;
        }

        // Conservative: the latest day the birth date can mean gives the youngest age the patient can be, so rules on
        // minors apply whenever they might.
        var latest = birth.Latest > asOf ? asOf : birth.Latest;
        var age = PartialDate.AgeOn(latest, asOf);
        if (age > 130)
        {
            Note(FhirNoteKind.Skipped, label, "birthDate", "the birth date gives an age over 130: the age is not used.");
            return null;
        }

        if (birth.IsPartial)
        {
            var oldest = PartialDate.AgeOn(birth.Earliest, asOf);
            Note(FhirNoteKind.Assumed, label, "birthDate", oldest == age
                ? $"the birth date gives only the {birth.Precision}; the age is the same whichever day it was."
                : $"the birth date gives only the {birth.Precision}; the youngest age it allows is used (the patient may be a year older), so rules on minors apply whenever they might.");
        }
        else
        {
            Note(FhirNoteKind.Used, label, "birthDate", "age on the as-of date, from the birth date.");
        }

        return age;
    }

    public void Condition(Condition condition, string label, PatientReference patient)
    {
        switch (patient.Matches(condition.Subject))
        {
            case null:
                Note(FhirNoteKind.Skipped, label, "subject", "no subject: it cannot be told whose condition this is.");
                return;
            case false:
                Note(FhirNoteKind.Skipped, label, "subject", "it belongs to another patient.");
                return;
        }

        var verification = Code(condition.VerificationStatus, VerificationStatusSystem);
        switch (verification)
        {
            case "confirmed":
                break;
            case null:
                Note(FhirNoteKind.Skipped, label, "verificationStatus", "no verification status: only confirmed conditions are used.");
                return;
            case "entered-in-error":
                Note(FhirNoteKind.Skipped, label, "verificationStatus", "entered in error.");
                return;
            default:
                Note(FhirNoteKind.Skipped, label, "verificationStatus", $"'{Safe(verification)}', not confirmed: only confirmed conditions are used.");
                return;
        }

        var clinical = Code(condition.ClinicalStatus, ClinicalStatusSystem);
        switch (clinical)
        {
            case "active" or "recurrence" or "relapse":
                break;
            case null:
                Note(FhirNoteKind.Skipped, label, "clinicalStatus", "no clinical status: only active conditions are used.");
                return;
            default:
                Note(FhirNoteKind.Skipped, label, "clinicalStatus", $"'{Safe(clinical)}', not active.");
                return;
        }

        if (condition.Onset is FhirDateTime { Value: var onset } && PartialDate.Parse(onset) is { } onsetDay && onsetDay.Earliest > asOf)
        {
            Note(FhirNoteKind.Skipped, label, "onsetDateTime", "its onset is after the as-of date.");
            return;
        }

        if (condition.Abatement is { } abatement)
        {
            if (abatement is not FhirDateTime { Value: var ended } || PartialDate.Parse(ended) is not { } endDay || endDay.Earliest <= asOf)
            {
                Note(FhirNoteKind.Skipped, label, "abatement", "it has abated (ended) by the as-of date.");
                return;
            }
        }

        var code = condition.Code;
        if (code is null)
        {
            Note(FhirNoteKind.Skipped, label, "code", "no code: the condition is not named.");
            return;
        }

        var claim = FromCodings(code, label) ?? FromText(code, label);
        if (claim is null)
        {
            return;
        }

        if (claimedBy.TryGetValue(claim.ConditionId, out var first))
        {
            Note(FhirNoteKind.Skipped, label, "code", $"the same condition ({claim.ConditionId}) as {first}.");
            return;
        }

        if (claims.Count >= EligibilityQuery.MaxConditions)
        {
            Note(FhirNoteKind.Skipped, label, "code", $"a query holds at most {EligibilityQuery.MaxConditions} conditions.");
            return;
        }

        claimedBy[claim.ConditionId] = label;
        claims.Add(claim);
    }

    private FhirConditionClaim? FromCodings(CodeableConcept code, string label)
    {
        // ICD-10-CM first (the resolver's codes, with their exclusions), then SNOMED CT; other codings are reported.
        FhirConditionClaim? icd = null, sct = null;
        for (var i = 0; i < code.Coding.Count; i++)
        {
            var coding = code.Coding[i];
            var element = $"code.coding[{i}]";
            var system = coding?.System?.Trim();
            var value = coding?.Code?.Trim();
            if (string.IsNullOrEmpty(value) || value.Length > 40 || value.Any(char.IsControl))
            {
                Note(FhirNoteKind.Skipped, label, element, "no usable code.");
                continue;
            }

            switch (system)
            {
                case FhirQueryBuilder.Icd10CmSystem:
                    var resolution = resolver.Resolve(value);
                    if (resolution is { Kind: MatchKind.Code, ConditionId: { } id })
                    {
                        icd ??= new FhirConditionClaim(id, resolution.ConditionName ?? id, label, "icd-10-cm", system, value, resolution.ConditionName);
                        Note(icd.Code == value ? FhirNoteKind.Used : FhirNoteKind.Skipped, label, element, icd.Code == value
                            ? $"ICD-10-CM {value} is {id}."
                            : $"ICD-10-CM {value} is {id}; an earlier ICD-10-CM coding was used.");
                    }
                    else
                    {
                        Note(FhirNoteKind.Skipped, label, element, $"ICD-10-CM {value} maps to no eligibility condition{(resolution.Note is { } why ? $" ({Safe(why)})" : "")}.");
                    }

                    break;
                case FhirQueryBuilder.SnomedCtSystem:
                    if (snomed.Find(value) is { } concept)
                    {
                        sct ??= new FhirConditionClaim(concept.Condition, resolver.Resolve(concept.Condition).ConditionName ?? concept.Condition, label, "snomed-ct", system, value, concept.Term);
                        Note(FhirNoteKind.Used, label, element, $"SNOMED CT {value} |{concept.Term}| is {concept.Condition}.");
                    }
                    else
                    {
                        Note(FhirNoteKind.Skipped, label, element, $"SNOMED CT {value} is not in the mapping table.");
                    }

                    break;
                default:
                    Note(FhirNoteKind.Skipped, label, element, string.IsNullOrEmpty(system)
                        ? "a coding without a system cannot be read."
                        : $"codes of {Safe(system)} are not mapped; ICD-10-CM and SNOMED CT are.");
                    break;
            }
        }

        if (icd is not null && sct is not null)
        {
            Note(FhirNoteKind.Skipped, label, "code", icd.ConditionId == sct.ConditionId
                ? "the SNOMED CT coding says the same as the ICD-10-CM one, which was used."
                : $"the SNOMED CT coding ({sct.ConditionId}) differs from the ICD-10-CM one ({icd.ConditionId}); ICD-10-CM was used.");
        }

        return icd ?? sct;
    }

    private FhirConditionClaim? FromText(CodeableConcept code, string label)
    {
        var text = Clean(code.Text);
        if (text is null)
        {
            Note(FhirNoteKind.Skipped, label, "code", code.Coding.Count == 0 ? "no coding and no text." : "no coding maps to a condition, and there is no text.");
            return null;
        }

        if (text.Length > EligibilityQuery.MaxConditionLength)
        {
            Note(FhirNoteKind.Skipped, label, "code.text", $"the text is longer than {EligibilityQuery.MaxConditionLength} characters.");
            return null;
        }

        var resolution = resolver.Resolve(text);
        if (resolution is not { ConditionId: { } id } || resolution.Kind is MatchKind.Negated or MatchKind.None)
        {
            Note(FhirNoteKind.Skipped, label, "code.text", resolution.Kind == MatchKind.Negated
                ? "the text mentions a condition only negated, as uncertain or as someone else's."
                : "the text names no known condition.");
            return null;
        }

        var kind = resolution.Kind.ToString().ToLowerInvariant();
        Note(resolution.Kind == MatchKind.Fuzzy ? FhirNoteKind.Assumed : FhirNoteKind.Used, label, "code.text", resolution.Kind == MatchKind.Fuzzy
            ? $"no coding maps; the text matches {id} approximately (score {resolution.Score:0.00}): check it."
            : $"no coding maps; the text names {id} ({kind} match).");
        return new FhirConditionClaim(id, resolution.ConditionName ?? id, label, "text", null, null, null);
    }

    public void MedicationStatement(MedicationStatement statement, string label, PatientReference patient, List<Medication> medicationResources)
    {
        if (!IsPatients(statement.Subject, label, patient))
        {
            return;
        }

        if (statement.Status != Hl7.Fhir.Model.MedicationStatement.MedicationStatusCodes.Active)
        {
            Note(FhirNoteKind.Skipped, label, "status", statement.Status is { } status
                ? $"'{Hl7.Fhir.Utility.EnumUtility.GetLiteral(status)}', not active."
                : "no status: only active medications are used.");
            return;
        }

        if (statement.Effective is Period { End: { Length: > 0 } end } && PartialDate.Parse(end) is { } endDay && endDay.Latest < asOf)
        {
            Note(FhirNoteKind.Skipped, label, "effectivePeriod", "it ended before the as-of date.");
            return;
        }

        Medication(statement.Medication, statement, label, medicationResources);
    }

    public void MedicationRequest(MedicationRequest request, string label, PatientReference patient, List<Medication> medicationResources)
    {
        if (!IsPatients(request.Subject, label, patient))
        {
            return;
        }

        if (request.Status != Hl7.Fhir.Model.MedicationRequest.MedicationrequestStatus.Active)
        {
            Note(FhirNoteKind.Skipped, label, "status", request.Status is { } status
                ? $"'{Hl7.Fhir.Utility.EnumUtility.GetLiteral(status)}', not active."
                : "no status: only active prescriptions are used.");
            return;
        }

        if (request.Intent is Hl7.Fhir.Model.MedicationRequest.MedicationRequestIntent.Proposal)
        {
            Note(FhirNoteKind.Skipped, label, "intent", "a proposal, not a prescription.");
            return;
        }

        Medication(request.Medication, request, label, medicationResources);
    }

    private bool IsPatients(ResourceReference? subject, string label, PatientReference patient)
    {
        switch (patient.Matches(subject))
        {
            case null:
                Note(FhirNoteKind.Skipped, label, "subject", "no subject: it cannot be told whose medication this is.");
                return false;
            case false:
                Note(FhirNoteKind.Skipped, label, "subject", "it belongs to another patient.");
                return false;
            default:
                return true;
        }
    }

    private void Medication(DataType? medication, DomainResource owner, string label, List<Medication> medicationResources)
    {
        CodeableConcept? concept;
        var element = "medicationCodeableConcept";
        switch (medication)
        {
            case CodeableConcept cc:
                concept = cc;
                break;
            case ResourceReference reference:
                element = "medicationReference";
                concept = Referenced(reference, owner, medicationResources)?.Code;
                if (concept is null)
                {
                    Note(FhirNoteKind.Skipped, label, element, "the referenced Medication is not among the records sent (or has no code).");
                    return;
                }

                break;
            default:
                Note(FhirNoteKind.Skipped, label, "medication", "no medication is named.");
                return;
        }

        // RxNorm's display names the ingredients ("buprenorphine 8 MG / naloxone 2 MG Sublingual Film"), which is
        // what the advisories read; the text is the fallback.
        var rxnorm = concept.Coding.FirstOrDefault(c => c?.System?.Trim() == FhirQueryBuilder.RxNormSystem && !string.IsNullOrWhiteSpace(c.Display));
        var name = Clean(rxnorm?.Display) ?? Clean(concept.Text);
        var source = rxnorm is not null && Clean(rxnorm.Display) is not null ? $"RxNorm {Safe(rxnorm.Code ?? "")}".TrimEnd() : "text";
        if (name is null)
        {
            var rxCode = concept.Coding.FirstOrDefault(c => c?.System?.Trim() == FhirQueryBuilder.RxNormSystem)?.Code;
            Note(FhirNoteKind.Skipped, label, element, rxCode is not null
                ? $"RxNorm {Safe(rxCode)} has no display and the medication no text: it cannot be named."
                : "no RxNorm coding with a display, and no text: the medication cannot be named.");
            return;
        }

        if (name.Length > EligibilityQuery.MaxConditionLength)
        {
            Note(FhirNoteKind.Skipped, label, element, $"the name is longer than {EligibilityQuery.MaxConditionLength} characters.");
            return;
        }

        if (medications.Count >= EligibilityQuery.MaxMedications)
        {
            Note(FhirNoteKind.Skipped, label, element, $"a query holds at most {EligibilityQuery.MaxMedications} medications.");
            return;
        }

        if (medications.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            Note(FhirNoteKind.Skipped, label, element, "the same medication is already in the query.");
            return;
        }

        medications.Add(name);
        Note(FhirNoteKind.Used, label, element, $"an active medication, named from {source}.");
    }

    private static Medication? Referenced(ResourceReference reference, DomainResource owner, List<Medication> medicationResources)
    {
        var target = reference.Reference?.Trim();
        if (string.IsNullOrEmpty(target))
        {
            return null;
        }

        if (target.StartsWith('#'))
        {
            return owner.Contained.OfType<Medication>().FirstOrDefault(m => m.Id == target[1..]);
        }

        var id = target.Split('/') is [.., "Medication", var last] ? last : null;
        return id is null ? null : medicationResources.FirstOrDefault(m => m.Id == id);
    }

    /// <summary>The code of a status concept in its system (a coding without a system is accepted).</summary>
    private static string? Code(CodeableConcept? concept, string system) =>
        concept?.Coding.FirstOrDefault(c => c is not null && (c.System is null || c.System == system) && !string.IsNullOrWhiteSpace(c.Code))?.Code?.Trim();

    /// <summary>Text with control characters and runs of whitespace made single spaces; null when blank.</summary>
    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var spaced = new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)]);
        var cleaned = string.Join(' ', spaced.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return cleaned.Length == 0 ? null : cleaned;
    }

    /// <summary>A code or system for a message: short and without control characters.</summary>
    private static string Safe(string value)
    {
        var cleaned = new string([.. value.Where(c => !char.IsControl(c)).Take(80)]);
        return cleaned.Length < value.Length ? cleaned + "…" : cleaned;
    }
}
