namespace Eligibility;

/// <summary>A question: do these conditions qualify this patient in this jurisdiction on this date?</summary>
public sealed record EligibilityQuery
{
    /// <summary>Most conditions one query may hold.</summary>
    public const int MaxConditions = 50;

    /// <summary>Longest condition text accepted, in characters; also the longest medication name.</summary>
    public const int MaxConditionLength = 500;

    /// <summary>Most medications one query may hold.</summary>
    public const int MaxMedications = 50;

    /// <summary>USPS code of the jurisdiction (any case; surrounding whitespace ignored), e.g. <c>NY</c>.</summary>
    public required string Jurisdiction { get; init; }

    /// <summary>
    /// The conditions as typed: ids, names, phrases or ICD-10-CM codes. One to <see cref="MaxConditions"/>, each
    /// non-blank, at most <see cref="MaxConditionLength"/> characters and without control characters (surrounding
    /// whitespace is ignored).
    /// </summary>
    public required IReadOnlyList<string> Conditions { get; init; }

    /// <summary>
    /// The day the law is read on; null for today (from the engine's <see cref="TimeProvider"/>). Any day is accepted,
    /// from <see cref="DateOnly.MinValue"/> (before any program: <c>no-program</c>) to <see cref="DateOnly.MaxValue"/>.
    /// </summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The patient's age in years (0 to 130), if known.</summary>
    public int? Age { get; init; }

    /// <summary>True when the patient is not a resident of the jurisdiction.</summary>
    public bool Visitor { get; init; }

    // The init accessors turn null into empty: System.Text.Json's source-generated deserializer sets every init-only
    // property, so a query read from JSON without "medications" or "attested" would otherwise hold null.

    /// <summary>
    /// Medications the patient takes (names), for advisories: at most <see cref="MaxMedications"/>, each non-blank, at
    /// most <see cref="MaxConditionLength"/> characters and without control characters. Empty, not null, for none.
    /// </summary>
    public IReadOnlyList<string> Medications { get; init => field = value ?? []; } = [];

    /// <summary>Qualifiers a practitioner has already attested for the conditions (e.g. intractable); they are not returned as requirements. Empty, not null, for none.</summary>
    public IReadOnlyList<QualifierKind> Attested { get; init => field = value ?? []; } = [];

    /// <summary>How long the condition has lasted, in months, if known (meets minimum-duration qualifiers).</summary>
    public int? DurationMonths { get; init; }

    /// <summary>Adds near-misses (rules that did not fire and the condition that failed) to the decision.</summary>
    public bool Explain { get; init; }
}
