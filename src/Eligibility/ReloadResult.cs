using Eligibility.Data;

namespace Eligibility;

/// <summary>The outcome of <see cref="IEligibilityEngine.Reload"/>.</summary>
/// <param name="Succeeded">True when the new law was valid and now answers; false when the old law keeps answering.</param>
/// <param name="OldDataVersion">The data version that answered before the reload.</param>
/// <param name="NewDataVersion">The data version that answers after it: the new law's, or <paramref name="OldDataVersion"/> when the reload failed. Equal to the old one also when nothing changed.</param>
/// <param name="Problems">Why the reload failed: every problem found, each with file, JSON path and line; empty on success.</param>
public sealed record ReloadResult(bool Succeeded, string OldDataVersion, string NewDataVersion, IReadOnlyList<LawDataProblem> Problems)
{
    /// <summary>Whether the law answering changed.</summary>
    public bool Changed => Succeeded && OldDataVersion != NewDataVersion;
}
