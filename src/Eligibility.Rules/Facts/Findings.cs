using Eligibility.Law;

namespace Eligibility.Rules;

/// <summary>Derived fact: a medical program is in force on the as-of date.</summary>
/// <param name="Program">The program period.</param>
/// <param name="JurisdictionName">The jurisdiction's name.</param>
public sealed record ProgramInForce(ProgramPeriod Program, string JurisdictionName) : IExplainable
{
    /// <inheritdoc/>
    public string Summary => Program.Kind == ProgramKind.LowThc
        ? $"{JurisdictionName} has a low-THC medical program in force on this date."
        : $"{JurisdictionName} has a medical-cannabis program in force on this date.";

    /// <inheritdoc/>
    public Provenance? Provenance => Program.Provenance;
}

/// <summary>Derived fact: only low-THC products are allowed.</summary>
/// <param name="Scope">The product scope id, <c>low-thc</c>.</param>
/// <param name="Limit">The limit in the law's words, if recorded.</param>
/// <param name="Provenance">Source.</param>
public sealed record ProductScopeLimit(string Scope, string? Limit, Provenance Provenance) : IExplainable
{
    /// <inheritdoc/>
    public string Summary => Limit is null
        ? "Only low-THC products are allowed."
        : $"Only low-THC products are allowed: {Limit}.";
}

/// <summary>Derived fact: the outcome of one claim (stated or derived).</summary>
/// <param name="Claim">The claim.</param>
/// <param name="Outcome">Its outcome.</param>
/// <param name="Basis">Its basis.</param>
/// <param name="Entry">The listing used, if any.</param>
/// <param name="Requirements">Qualifiers still to show, as things a practitioner can attest.</param>
/// <param name="Provenance">The law behind it.</param>
/// <param name="Summary">The conclusion in one plain sentence.</param>
public sealed record ConditionFinding(IClaim Claim, Outcome Outcome, Basis Basis, ConditionEntry? Entry, IReadOnlyList<string> Requirements, Provenance? Provenance, string Summary) : IExplainable
{
    /// <summary>Creation order, so that rules reading a collection of findings break ties the same way on every run.</summary>
    internal long Sequence { get; } = Internal.Sequencer.Next();
}

/// <summary>Derived fact: the final result of a stated claim, the best of its own and its derived claims' findings.</summary>
/// <param name="Claim">The stated claim.</param>
/// <param name="Finding">The deciding finding.</param>
/// <param name="ProductScope">The product scope when limited (e.g. <c>low-thc</c>), else null.</param>
public sealed record ConditionResult(ConditionClaim Claim, ConditionFinding Finding, string? ProductScope) : IExplainable
{
    /// <summary>
    /// Every legal route to a card for the condition — each finding that qualifies it, outright, with requirements or
    /// at a practitioner's discretion — best first (see <see cref="OutcomeText.Rank"/>; on a tie the condition's own
    /// listing before one it is judged under, then the order found). <see cref="Finding"/> is the first route, or the
    /// reason there is none.
    /// </summary>
    public IReadOnlyList<ConditionFinding> Routes { get; init; } = [];

    /// <inheritdoc/>
    public string Summary => $"Result for \"{Claim.ConditionName}\": {OutcomeText.Of(Finding.Outcome)}.";

    /// <inheritdoc/>
    public IEnumerable<object> DerivedFrom => [Finding];

    /// <inheritdoc/>
    public Provenance? Provenance => Finding.Provenance;
}

/// <summary>Derived fact: a patient-level requirement.</summary>
/// <param name="Kind">Procedure, additional or blocking.</param>
/// <param name="Text">The requirement in plain words.</param>
/// <param name="Provenance">The law behind it.</param>
public sealed record PatientRequirement(RequirementKind Kind, string Text, Provenance? Provenance) : IExplainable
{
    /// <summary>Creation order, so that rules reading a collection of requirements see them in a stable order.</summary>
    internal long Sequence { get; } = Internal.Sequencer.Next();

    /// <inheritdoc/>
    public string Summary => Kind == RequirementKind.Blocking ? $"Not eligible: {Text}." : $"Requirement: {Text}.";
}

/// <summary>Derived fact: advice shown with the decision.</summary>
/// <param name="Code">Stable id of the advisory, e.g. <c>opioid-treatment-medication</c>.</param>
/// <param name="Text">The advice.</param>
/// <param name="Provenance">Source, if the advice rests on law.</param>
public sealed record Advisory(string Code, string Text, Provenance? Provenance) : IExplainable
{
    /// <inheritdoc/>
    public string Summary => Text;
}

/// <summary>Derived fact: the overall outcome of the query.</summary>
/// <param name="Outcome">The outcome.</param>
/// <param name="Summary">Why, in one plain sentence.</param>
/// <param name="Results">The condition results it was derived from.</param>
/// <param name="Requirements">The patient requirements it took into account.</param>
public sealed record OverallDecision(Outcome Outcome, string Summary, IReadOnlyList<ConditionResult> Results, IReadOnlyList<PatientRequirement> Requirements) : IExplainable
{
    /// <inheritdoc/>
    public Provenance? Provenance => null;

    /// <inheritdoc/>
    public IEnumerable<object> DerivedFrom => [.. Results, .. Requirements];
}

/// <summary>Plain-words and ranking helpers for outcomes.</summary>
public static class OutcomeText
{
    /// <summary>The outcome in plain words.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>E.g. "qualifies with requirements".</returns>
    public static string Of(Outcome outcome) => outcome switch
    {
        Outcome.Qualifies => "qualifies",
        Outcome.QualifiesWithRequirements => "qualifies with requirements",
        Outcome.PractitionerDiscretion => "a practitioner may certify it at discretion",
        Outcome.NotQualifying => "not a qualifying condition",
        Outcome.NoProgram => "no medical-cannabis program",
        Outcome.LawUnknown => "the law is not established in the data",
        _ => "the condition was not recognized",
    };

    /// <summary>Rank for choosing the best of several outcomes: lower is better for the patient.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>0 for qualifies … 6 for unknown-condition.</returns>
    public static int Rank(Outcome outcome) => outcome switch
    {
        Outcome.Qualifies => 0,
        Outcome.QualifiesWithRequirements => 1,
        Outcome.PractitionerDiscretion => 2,
        Outcome.LawUnknown => 3,
        Outcome.NotQualifying => 4,
        Outcome.NoProgram => 5,
        _ => 6,
    };
}
