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
        var source = LawSource.FromOptions(options);

        // Three independent pieces of start-up work run side by side (a one-answer process spends most of its life
        // here): compiling the rules, indexing the catalog's phrases for the resolver, and loading the law.
        var rules = Task.Run(() => DefaultEligibilityEngine.CompileRules(options.AdditionalRules, compiler));
        var resolver = Task.Run(() => new ConditionResolver(ConditionCatalog.Default, time));
        var law = source.Load();
        return new DefaultEligibilityEngine(source, ConditionCatalog.Default, resolver.GetAwaiter().GetResult(), rules.GetAwaiter().GetResult(), time,
            (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<DefaultEligibilityEngine>(), options.WatchDataDirectory, decisionCacheSize: options.DecisionCacheSize, loaded: law);
    }
}
