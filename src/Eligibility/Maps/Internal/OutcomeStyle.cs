using Eligibility.Internal;

namespace Eligibility.Maps.Internal;

/// <summary>
/// How each outcome is drawn: a fill from the Okabe-Ito palette (distinguishable with the common colour-vision
/// deficiencies: blues for the outcomes that can lead to a card, orange and dark brown for those that cannot, greys for
/// the unknowns), a text colour holding at least WCAG AA contrast (4.5:1) on it, and a one-character mark, so that no
/// outcome is told by colour alone.
/// </summary>
internal sealed record OutcomeStyle(Outcome Outcome, char Mark, string Label, string Fill, string Text, bool Dashed)
{
    /// <summary>The outcome's name in the JSON contract (e.g. <c>no-program</c>).</summary>
    public string Kebab { get; } = EnumNames.Kebab(Outcome);

    /// <summary>Every outcome, in the legend's order (best for the patient first).</summary>
    public static readonly IReadOnlyList<OutcomeStyle> All =
    [
        new(Outcome.Qualifies, 'Q', "Qualifies", "#005A8C", "#FFFFFF", false),
        new(Outcome.QualifiesWithRequirements, 'R', "Qualifies with requirements", "#56B4E9", "#000000", false),
        new(Outcome.PractitionerDiscretion, 'D', "Practitioner may certify (discretion)", "#CC79A7", "#000000", false),
        new(Outcome.NotQualifying, 'N', "Not a qualifying condition", "#E69F00", "#000000", false),
        new(Outcome.NoProgram, 'X', "No medical-cannabis program", "#8C3B00", "#FFFFFF", false),
        new(Outcome.LawUnknown, '?', "Law not established in the data", "#F0F0F0", "#000000", true),
        new(Outcome.UnknownCondition, 'U', "Condition not recognised", "#BBBBBB", "#000000", false),
    ];

    public static OutcomeStyle Of(Outcome outcome)
    {
        foreach (var style in All)
        {
            if (style.Outcome == outcome)
            {
                return style;
            }
        }

        return All[^1];
    }
}
