using Eligibility.Fhir;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the DI namespace so that AddEligibilityFhir is found without an extra using (as AddEligibility is).
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the FHIR query builder with dependency injection.</summary>
public static class EligibilityFhirServiceCollectionExtensions
{
    /// <summary>
    /// Adds the engine (<c>AddEligibility()</c>, if not added yet) and a singleton <see cref="FhirQueryBuilder"/> that
    /// resolves codes and text with the registered <see cref="Eligibility.IConditionResolver"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddEligibilityFhir(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddEligibility();
        services.TryAddSingleton(provider => new FhirQueryBuilder(provider.GetRequiredService<Eligibility.IConditionResolver>()));
        return services;
    }
}
