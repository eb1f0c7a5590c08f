namespace Eligibility;

/// <summary>How one input of a query was read: the kind of match, the words or code it rests on, and a duration it states.</summary>
public sealed record ConditionReading
{
    /// <summary>How the input matched, in lower case: id, name, synonym, abbreviation, layphrase, code, fuzzy, composed, duration, medication, spanish, negated or none.</summary>
    public required string Kind { get; init; }

    /// <summary>The words or code the reading rests on, or <see langword="null"/> when nothing matched.</summary>
    public string? Matched { get; init; }

    /// <summary>The duration the input states, in whole months, or <see langword="null"/>.</summary>
    public int? DurationMonths { get; init; }

    /// <summary>What the reader should know about the reading (why nothing matched, or that it came from a medication alone).</summary>
    public string? Note { get; init; }

    /// <summary>The reading of a resolution.</summary>
    /// <param name="resolution">The resolution.</param>
    /// <returns>The reading.</returns>
    public static ConditionReading From(ConditionResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        return new ConditionReading
        {
            Kind = resolution.Kind.ToString().ToLowerInvariant(),
            Matched = resolution.MatchedText,
            DurationMonths = resolution.DurationMonths,
            Note = resolution.Note,
        };
    }
}
