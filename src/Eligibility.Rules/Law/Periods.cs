namespace Eligibility.Law;

/// <summary>A period of a medical program.</summary>
/// <param name="Kind">Comprehensive, low-THC or none.</param>
/// <param name="Name">The program's name.</param>
/// <param name="ProductLimit">For low-THC programs, the product limit in the law's words.</param>
/// <param name="Range">When it holds.</param>
/// <param name="Provenance">Source.</param>
public sealed record ProgramPeriod(ProgramKind Kind, string? Name, string? ProductLimit, DateRange Range, Provenance Provenance);

/// <summary>A period of adult-use (recreational) legality.</summary>
/// <param name="Legal">Whether adult use is legal.</param>
/// <param name="Range">When it holds.</param>
/// <param name="Provenance">Source.</param>
public sealed record AdultUsePeriod(bool Legal, DateRange Range, Provenance Provenance);

/// <summary>A period of practitioner discretion: may a practitioner certify conditions the law does not list.</summary>
/// <param name="Allowed">Whether unlisted conditions may be certified.</param>
/// <param name="Wording">The catch-all's words.</param>
/// <param name="MinimumPatientAge">An age below which discretion does not apply, if any.</param>
/// <param name="Range">When it holds.</param>
/// <param name="Provenance">Source.</param>
public sealed record DiscretionPeriod(bool Allowed, string? Wording, int? MinimumPatientAge, DateRange Range, Provenance Provenance);

/// <summary>A period of kratom's legal status.</summary>
/// <param name="Status">Legal, regulated, banned or unknown.</param>
/// <param name="MinimumAge">Minimum purchase age, if regulated.</param>
/// <param name="Range">When it holds.</param>
/// <param name="Provenance">Source.</param>
public sealed record KratomPeriod(KratomStatus Status, int? MinimumAge, DateRange Range, Provenance Provenance);

/// <summary>The qualifying-condition list as a whole.</summary>
/// <param name="Complete">True when the data holds the complete list, so an unlisted condition is not qualifying.</param>
/// <param name="Provenance">The list's citation and source.</param>
public sealed record ConditionListInfo(bool Complete, Provenance Provenance);

/// <summary>One listing of a condition in one period.</summary>
/// <param name="ConditionId">Canonical condition id.</param>
/// <param name="Wording">The law's own short wording.</param>
/// <param name="Status">Listed, or unknown.</param>
/// <param name="Qualifiers">Qualifiers the law attaches.</param>
/// <param name="Range">When it holds.</param>
/// <param name="Provenance">Source.</param>
public sealed record ConditionEntry(string ConditionId, string Wording, ListingStatus Status, IReadOnlyList<Qualifier> Qualifiers, DateRange Range, Provenance Provenance);
