using Eligibility.Law;

namespace Eligibility.Rules;

/// <summary>A derived fact that can say what it concludes, in one plain sentence, and on what authority.</summary>
public interface IExplainable
{
    /// <summary>The conclusion in one plain sentence.</summary>
    string Summary { get; }

    /// <summary>The law behind it, if any.</summary>
    Provenance? Provenance { get; }

    /// <summary>Facts this one was concluded from beyond the rule's matched facts (e.g. the finding a result chose); empty by default.</summary>
    IEnumerable<object> DerivedFrom => [];
}
