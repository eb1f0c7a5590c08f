using Eligibility.Law;

namespace Eligibility.Rules.Internal;

/// <summary>Shared reading of listing entries against a claim.</summary>
internal static class Listings
{
    public static bool IsMet(Qualifier qualifier, ConditionClaim claim) =>
        claim.Attested.Contains(qualifier.Kind) ||
        (qualifier.Kind == QualifierKind.MinimumDuration && claim.DurationMonths >= qualifier.Months);

    public static IReadOnlyList<string> UnmetRequirements(ConditionEntry entry, IClaim claim)
    {
        List<string>? unmet = null;
        foreach (var qualifier in entry.Qualifiers)
        {
            if (!IsMet(qualifier, claim.Origin))
            {
                (unmet ??= []).Add(qualifier.Describe(claim.ConditionName.ToLowerInvariant()));
            }
        }

        return unmet ?? (IReadOnlyList<string>)[];
    }

    public static bool AllQualifiersMet(ConditionEntry entry, IClaim claim)
    {
        foreach (var qualifier in entry.Qualifiers)
        {
            if (!IsMet(qualifier, claim.Origin))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>How the listing relates to the stated condition, for sentences.</summary>
    public static string Via(IClaim claim, string jurisdiction, ConditionEntry entry) => claim.ListingBasis switch
    {
        Basis.BroaderCondition => $"{jurisdiction} lists \"{entry.Wording}\" ({entry.Provenance.Citation}); {claim.Origin.ConditionName} is a kind of {claim.ConditionName.ToLowerInvariant()}, so it counts under that listing",
        Basis.ImpliedCondition => $"{jurisdiction} lists \"{entry.Wording}\" ({entry.Provenance.Citation}); {claim.Origin.ConditionName} is judged under that listing",
        _ => $"{jurisdiction} lists \"{entry.Wording}\" ({entry.Provenance.Citation})",
    };

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
