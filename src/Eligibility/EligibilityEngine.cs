using Eligibility.Data;
using Eligibility.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Eligibility;

/// <summary>Creates eligibility engines outside dependency injection.</summary>
public static class EligibilityEngine
{
    /// <summary>An engine over the embedded law data and the standard rules, with the system clock.</summary>
    /// <returns>The engine.</returns>
    public static IEligibilityEngine CreateDefault() => Create(new EligibilityOptions());

    /// <summary>An engine configured by options. Dispose it when <see cref="EligibilityOptions.WatchDataDirectory"/> is set, to stop the watcher.</summary>
    /// <param name="options">Data directory, watching, clock and additional rules.</param>
    /// <param name="loggerFactory">Logging; null for none.</param>
    /// <returns>The engine.</returns>
    /// <exception cref="LawDataException">The data is invalid; every problem names file, JSON path and line.</exception>
    public static IEligibilityEngine Create(EligibilityOptions options, ILoggerFactory? loggerFactory = null) => Build(options, loggerFactory, null);

    /// <summary>An engine for a process that answers one question and exits: rule expressions are interpreted, not compiled.</summary>
    internal static IEligibilityEngine CreateForOneAnswer(EligibilityOptions options) =>
        Build(options, null, new Rules.Execution.InterpretingExpressionCompiler());

    private static DefaultEligibilityEngine Build(EligibilityOptions options, ILoggerFactory? loggerFactory, NRules.Extensibility.IExpressionCompiler? compiler)
    {
        ArgumentNullException.ThrowIfNull(options);
        var time = options.TimeProvider ?? TimeProvider.System;
        return new DefaultEligibilityEngine(LawSource.FromOptions(options), ConditionCatalog.Default, new ConditionResolver(ConditionCatalog.Default, time),
            DefaultEligibilityEngine.CompileRules(options.AdditionalRules, compiler), time,
            (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<DefaultEligibilityEngine>(), options.WatchDataDirectory, decisionCacheSize: options.DecisionCacheSize);
    }
}
