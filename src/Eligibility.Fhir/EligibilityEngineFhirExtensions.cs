using Hl7.Fhir.Model;

namespace Eligibility.Fhir;

/// <summary>Decides eligibility straight from FHIR R4 records.</summary>
public static class EligibilityEngineFhirExtensions
{
    /// <summary>Builds a query from a Bundle (with <see cref="FhirQueryBuilder.Default"/>) and decides it.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="bundle">One patient's records: a Patient, its Conditions, MedicationStatements and MedicationRequests.</param>
    /// <param name="asOf">The day the law is read on and the age is computed for.</param>
    /// <param name="options">Overrides and facts the records cannot hold; null for none.</param>
    /// <param name="cancellationToken">Stops the evaluation.</param>
    /// <returns>The mapping (query and notes) and the decision, which is null when no query could be built.</returns>
    public static FhirEligibilityResult EvaluateFhir(this IEligibilityEngine engine, Bundle bundle, DateOnly asOf, FhirMappingOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return engine.EvaluateFhir(FhirQueryBuilder.Default.FromBundle(bundle, asOf, options), cancellationToken);
    }

    /// <summary>Reads a Bundle from JSON, builds a query from it and decides it.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="bundleJson">One patient's records as a FHIR R4 Bundle in JSON.</param>
    /// <param name="asOf">The day the law is read on and the age is computed for.</param>
    /// <param name="options">Overrides and facts the records cannot hold; null for none.</param>
    /// <param name="cancellationToken">Stops the evaluation.</param>
    /// <returns>The mapping (query and notes) and the decision, which is null when no query could be built.</returns>
    /// <exception cref="FormatException">The JSON is malformed or not a FHIR R4 Bundle; the message says where, without repeating the content.</exception>
    public static FhirEligibilityResult EvaluateFhir(this IEligibilityEngine engine, string bundleJson, DateOnly asOf, FhirMappingOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return engine.EvaluateFhir(FhirJson.ParseBundle(bundleJson), asOf, options, cancellationToken);
    }

    /// <summary>Decides a query already built from FHIR records (e.g. by a <see cref="FhirQueryBuilder"/> of your own).</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="mapping">The mapping.</param>
    /// <param name="cancellationToken">Stops the evaluation.</param>
    /// <returns>The mapping and the decision, which is null when the mapping has no query or the engine refused it (an error note then says why).</returns>
    public static FhirEligibilityResult EvaluateFhir(this IEligibilityEngine engine, FhirMappingResult mapping, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(mapping);
        if (mapping.Query is null)
        {
            return new FhirEligibilityResult(mapping, null);
        }

        try
        {
            return new FhirEligibilityResult(mapping, engine.Evaluate(mapping.Query, cancellationToken));
        }
        catch (ArgumentException e)
        {
            // The mapper builds only valid queries; an engine with other law data may still lack the jurisdiction.
            var refused = mapping with
            {
                Query = null,
                Conditions = [],
                Notes = [.. mapping.Notes, new FhirMappingNote(FhirNoteKind.Error, "query", "jurisdiction", Without(e.Message))],
            };
            return new FhirEligibilityResult(refused, null);
        }
    }

    private static string Without(string message)
    {
        var cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
