using Eligibility.Engine;

namespace Eligibility;

/// <summary>Options of an eligibility engine.</summary>
public sealed class EligibilityOptions
{
    /// <summary>A directory of jurisdiction files to load instead of the embedded data; null for the embedded data.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>The clock for the default as-of date (today); null for <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Rules of the consumer's own, added after the standard rules (e.g. a clinic policy).</summary>
    public IList<Rule> AdditionalRules { get; } = [];
}
