using Eligibility.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// In the DI namespace so that AddEligibility is found without an extra using (as Microsoft.Extensions.* do).
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the eligibility engine with dependency injection.</summary>
public static class EligibilityServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="Eligibility.IEligibilityEngine"/> (singleton: law loaded and rules compiled once, on first use;
    /// disposed with the container, which stops a data-directory watcher) and
    /// <see cref="Eligibility.IConditionResolver"/>. Calling it again is harmless: the first registration wins, and
    /// further <paramref name="configure"/> delegates still apply to the options.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options: data directory, watching, clock, additional rules.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddEligibility(this IServiceCollection services, Action<Eligibility.EligibilityOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<Eligibility.EligibilityOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<Eligibility.IConditionResolver>(provider => new Eligibility.ConditionResolver(Eligibility.ConditionCatalog.Default,
            provider.GetRequiredService<IOptions<Eligibility.EligibilityOptions>>().Value.TimeProvider ?? provider.GetService<TimeProvider>() ?? TimeProvider.System));
        // The rules (standard, then the caller's) compiled once: an NRules session factory shared by every query.
        services.TryAddSingleton(provider => DefaultEligibilityEngine.CompileRules(provider.GetRequiredService<IOptions<Eligibility.EligibilityOptions>>().Value.AdditionalRules));
        services.TryAddSingleton<NRules.ISessionFactory>(provider => provider.GetRequiredService<Eligibility.Rules.Execution.CompiledRules>().Factory);
        services.TryAddSingleton<Eligibility.IEligibilityEngine>(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<Eligibility.EligibilityOptions>>().Value;
            var time = settings.TimeProvider ?? provider.GetService<TimeProvider>() ?? TimeProvider.System;
            var logger = (provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<DefaultEligibilityEngine>();
            return new DefaultEligibilityEngine(LawSource.FromOptions(settings), Eligibility.ConditionCatalog.Default, provider.GetRequiredService<Eligibility.IConditionResolver>(),
                provider.GetRequiredService<Eligibility.Rules.Execution.CompiledRules>(), time, logger, settings.WatchDataDirectory, decisionCacheSize: settings.DecisionCacheSize);
        });
        return services;
    }
}
