using Eligibility.Law;

namespace Eligibility.Rules;

/// <summary>A derived fact that can say what it concludes, in one plain sentence, and on what authority.</summary>
public interface IExplainable
{
    /// <summary>The conclusion in one plain sentence.</summary>
    string Summary { get; }

    /// <summary>The law behind it, if any.</summary>
    Provenance? Provenance { get; }
}
