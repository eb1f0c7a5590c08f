using NRules.Fluent.Dsl;

namespace Eligibility;

/// <summary>Options of an eligibility engine.</summary>
public sealed class EligibilityOptions
{
    /// <summary>A directory of jurisdiction files to load instead of the embedded data; null for the embedded data.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// Reload the law automatically when a <c>*.json</c> file in <see cref="DataDirectory"/> is created, changed, renamed
    /// or deleted, once the directory has been quiet for half a second (so that saving several files gives one reload).
    /// A reload that finds invalid data keeps the old law answering and logs a warning; see
    /// <see cref="IEligibilityEngine.Reload"/>. Default false; ignored for the embedded data. Dispose the engine to stop
    /// watching.
    /// </summary>
    public bool WatchDataDirectory { get; set; }

    /// <summary>
    /// Let a reload drop a jurisdiction that is loaded now (its file deleted or renamed). Default false: such a reload
    /// is refused like invalid data (the old law keeps answering, <see cref="ReloadResult.Problems"/> names each
    /// jurisdiction that would be lost, a warning is logged), so a file that goes missing for a moment never makes a
    /// jurisdiction's queries fail. The watcher sees changes to files in <see cref="DataDirectory"/> itself; a
    /// symbolic link's target edited in another directory is not seen: call <see cref="IEligibilityEngine.Reload"/>.
    /// </summary>
    public bool AllowJurisdictionRemoval { get; set; }

    /// <summary>The clock for the default as-of date (today); null for <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// NRules rules of the consumer's own (<see cref="Rule"/> instances), added after the standard rules (e.g. a clinic
    /// policy); declaration order breaks ties between equal priorities. Give each a unique <c>[Name]</c> and, ideally, a
    /// <see cref="Rules.RuleIdAttribute"/>.
    /// </summary>
    public IList<Rule> AdditionalRules { get; } = [];

    /// <summary>
    /// How many recent decisions to keep and answer again without running the rules, keyed by the law's data version,
    /// the as-of date and the whole query; 0 (the default) keeps none. A cache holds recent queries — patient data — in
    /// memory for as long as they stay in it, so it is off unless you choose it. A reload changes the data version, so
    /// no answer from old law is given. At most 100,000.
    /// </summary>
    public int DecisionCacheSize { get; set; }
}
