using System.Runtime.CompilerServices;
using Eligibility.Fhir.Internal;
using Hl7.Fhir.Model;

namespace Eligibility.Fhir;

/// <summary>
/// Builds an <see cref="EligibilityQuery"/> from FHIR R4 records: the jurisdiction from the patient's current home
/// address, the age on the as-of date from <c>birthDate</c>, conditions from active, confirmed <c>Condition</c>
/// resources (ICD-10-CM through the condition resolver, SNOMED CT through an embedded mapping table, else
/// <c>code.text</c>), and medications from active <c>MedicationStatement</c> and <c>MedicationRequest</c> resources
/// (RxNorm or text). Every decision is reported as a <see cref="FhirMappingNote"/>; bad or partial resources are
/// skipped with their reason, and a query that cannot be built comes back null with error notes, never an exception.
/// Immutable and thread-safe.
/// </summary>
public sealed class FhirQueryBuilder
{
    /// <summary>ICD-10-CM's code system URI.</summary>
    public const string Icd10CmSystem = "http://hl7.org/fhir/sid/icd-10-cm";

    /// <summary>SNOMED CT's code system URI.</summary>
    public const string SnomedCtSystem = "http://snomed.info/sct";

    /// <summary>RxNorm's code system URI.</summary>
    public const string RxNormSystem = "http://www.nlm.nih.gov/research/umls/rxnorm";


    private static readonly Lazy<FhirQueryBuilder> DefaultBuilder = new(() => new FhirQueryBuilder(new ConditionResolver(ConditionCatalog.Default)));

    private readonly IConditionResolver resolver;
    private readonly SnomedConditionMap snomed;

    /// <summary>Creates a builder that resolves ICD-10-CM codes and text with <paramref name="resolver"/>.</summary>
    /// <param name="resolver">The condition resolver (the one the engine uses).</param>
    public FhirQueryBuilder(IConditionResolver resolver)
        : this(resolver, SnomedConditionMap.Default)
    {
    }

    internal FhirQueryBuilder(IConditionResolver resolver, SnomedConditionMap snomed)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        this.resolver = resolver;
        this.snomed = snomed;
    }

    /// <summary>A builder over the default condition catalog.</summary>
    public static FhirQueryBuilder Default => DefaultBuilder.Value;

    /// <summary>Builds a query from a Bundle holding one Patient and its Condition, MedicationStatement, MedicationRequest (and Medication) resources.</summary>
    /// <param name="bundle">The bundle (any type: collection, searchset, document, ...).</param>
    /// <param name="asOf">The day the law is read on and the age is computed for.</param>
    /// <param name="options">Overrides and facts the records cannot hold; null for none.</param>
    /// <returns>The query (or null) and every mapping decision.</returns>
    public FhirMappingResult FromBundle(Bundle bundle, DateOnly asOf, FhirMappingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var resources = new List<(Resource Resource, string? FullUrl)>();
        foreach (var entry in bundle.Entry)
        {
            if (entry?.Resource is { } resource)
            {
                resources.Add((resource, entry.FullUrl));
            }
        }

        return Build(resources, asOf, options ?? FhirMappingOptions.Default);
    }

    /// <summary>Builds a query from a Patient and its resources (Condition, MedicationStatement, MedicationRequest, Medication; Bundles among them are read entry by entry, as CDS Hooks prefetch sends searches).</summary>
    /// <param name="patient">The patient.</param>
    /// <param name="resources">Its other resources; others types are skipped with a note.</param>
    /// <param name="asOf">The day the law is read on and the age is computed for.</param>
    /// <param name="options">Overrides and facts the records cannot hold; null for none.</param>
    /// <returns>The query (or null) and every mapping decision.</returns>
    public FhirMappingResult FromResources(Patient patient, IEnumerable<Resource> resources, DateOnly asOf, FhirMappingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(resources);
        var all = new List<(Resource Resource, string? FullUrl)> { (patient, null) };
        foreach (var resource in resources)
        {
            if (resource is Bundle bundle)
            {
                all.AddRange(bundle.Entry.Where(e => e?.Resource is not null).Select(e => (e.Resource!, (string?)e.FullUrl)));
            }
            else if (resource is not null)
            {
                all.Add((resource, null));
            }
        }

        return Build(all, asOf, options ?? FhirMappingOptions.Default);
    }

    private FhirMappingResult Build(List<(Resource Resource, string? FullUrl)> resources, DateOnly asOf, FhirMappingOptions options)
    {
        var run = new MappingRun(resolver, snomed, asOf);
        var labels = Label(resources);
        // The same patient may come twice (a search with _include repeats it); two different patients are an error.
        var patients = resources.Where(r => r.Resource is Patient).ToList();
        var distinct = patients.Select(p => p.Resource.Id ?? p.FullUrl ?? $"#{RuntimeHelpers.GetHashCode(p.Resource)}").Distinct(StringComparer.Ordinal).Count();
        if (distinct != 1)
        {
            run.Note(FhirNoteKind.Error, "Bundle", "entry", distinct == 0
                ? "no Patient resource: send the patient with its conditions."
                : $"{distinct} Patient resources: send one patient's records at a time.");
            return run.Result(null);
        }

        var (patientResource, patientUrl) = patients[0];
        var patient = (Patient)patientResource;
        var patientLabel = labels[patientResource];
        var references = PatientReferences(patient, patientUrl);
        var contained = resources.Select(r => r.Resource).OfType<Medication>().ToList();

        var deceased = run.Deceased(patient, patientLabel);
        var jurisdiction = options.Jurisdiction is { } given ? run.GivenJurisdiction(given) : run.Jurisdiction(patient, patientLabel);
        var age = run.Age(patient, patientLabel);

        foreach (var (resource, fullUrl) in resources)
        {
            var label = labels[resource];
            switch (resource)
            {
                case Patient when !ReferenceEquals(resource, patientResource):
                    run.Note(FhirNoteKind.Skipped, label, "resourceType", "the same patient again; the first copy was read.");
                    break;
                case Patient:
                    break;
                case Condition condition:
                    run.Condition(condition, label, references);
                    break;
                case MedicationStatement statement:
                    run.MedicationStatement(statement, label, references, contained);
                    break;
                case MedicationRequest request:
                    run.MedicationRequest(request, label, references, contained);
                    break;
                case Medication:
                    break; // read through the references that name it
                default:
                    run.Note(FhirNoteKind.Skipped, label, "resourceType", $"{resource.TypeName} resources are not read for eligibility.");
                    break;
            }
        }

        if (run.ConditionCount == 0)
        {
            run.Note(FhirNoteKind.Error, "Condition", "code", "no active, confirmed condition could be mapped to a known condition.");
        }

        if (deceased || jurisdiction is null || run.ConditionCount == 0)
        {
            return run.Result(null);
        }

        return run.Result(new EligibilityQuery
        {
            Jurisdiction = jurisdiction,
            Conditions = run.ConditionIds,
            AsOf = asOf,
            Age = age,
            Visitor = options.Visitor,
            Medications = run.Medications,
            Attested = options.Attested,
            Explain = options.Explain,
        });
    }

    /// <summary>Labels for notes: Type/id, or Type[n] (its position) when it has no id.</summary>
    private static Dictionary<Resource, string> Label(List<(Resource Resource, string? FullUrl)> resources)
    {
        var labels = new Dictionary<Resource, string>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < resources.Count; i++)
        {
            var resource = resources[i].Resource;
            labels[resource] = string.IsNullOrEmpty(resource.Id) ? $"{resource.TypeName}[{i}]" : $"{resource.TypeName}/{resource.Id}";
        }

        return labels;
    }

    /// <summary>The reference forms that point at the patient: Patient/id (relative or absolute) and its bundle fullUrl.</summary>
    private static PatientReference PatientReferences(Patient patient, string? fullUrl) => new(patient.Id, fullUrl);
}

/// <summary>How a reference to the patient may be written.</summary>
internal sealed record PatientReference(string? Id, string? FullUrl)
{
    /// <summary>Null when the subject is absent; true when it points at the patient.</summary>
    public bool? Matches(ResourceReference? subject)
    {
        var reference = subject?.Reference?.Trim();
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        if (FullUrl is not null && string.Equals(reference, FullUrl, StringComparison.Ordinal))
        {
            return true;
        }

        if (Id is null)
        {
            return false;
        }

        var history = reference.IndexOf("/_history/", StringComparison.Ordinal);
        if (history > 0)
        {
            reference = reference[..history];
        }

        return reference == $"Patient/{Id}" || reference.EndsWith($"/Patient/{Id}", StringComparison.Ordinal);
    }
}
