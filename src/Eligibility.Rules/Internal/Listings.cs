using Eligibility.Law;

namespace Eligibility.Rules.Internal;

/// <summary>Shared reading of listing entries against a claim.</summary>
internal static class Listings
{
    public static bool IsMet(Qualifier qualifier, ConditionClaim claim) =>
        claim.Attested.Contains(qualifier.Kind) ||
        (qualifier.Kind == QualifierKind.MinimumDuration && claim.DurationMonths >= qualifier.Months);

    /// <summary>The qualifiers a claim must show under a listing: those its derivation adds, then the entry's, each kind once (free-text ones by text).</summary>
    public static IEnumerable<Qualifier> Required(ConditionEntry entry, IClaim claim) =>
        claim.AddedQualifiers.Concat(entry.Qualifiers).DistinctBy(q => (q.Kind, q.Kind is QualifierKind.Other or QualifierKind.SpecialistCertification or QualifierKind.CausedByUnderlyingCondition ? q.Text : null));

    public static IReadOnlyList<string> UnmetRequirements(ConditionEntry entry, IClaim claim)
    {
        // Requirements speak of the patient's own condition, except where it is judged as another condition (OUD for withdrawal).
        var name = (claim.ListingBasis == Basis.ImpliedCondition ? claim.ConditionName : claim.Origin.ConditionName).ToLowerInvariant();
        List<string>? unmet = null;
        foreach (var qualifier in Required(entry, claim))
        {
            if (!IsMet(qualifier, claim.Origin))
            {
                (unmet ??= []).Add(qualifier.Describe(name));
            }
        }

        return unmet ?? (IReadOnlyList<string>)[];
    }

    public static bool AllQualifiersMet(ConditionEntry entry, IClaim claim)
    {
        foreach (var qualifier in Required(entry, claim))
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
        Basis.NarrowerCondition => $"{jurisdiction} lists \"{entry.Wording}\" ({entry.Provenance.Citation}), a narrower form of {claim.Origin.ConditionName.ToLowerInvariant()}",
        Basis.ImpliedCondition => $"{jurisdiction} lists \"{entry.Wording}\" ({entry.Provenance.Citation}); {claim.Origin.ConditionName} is judged under that listing",
        _ => $"{jurisdiction} lists \"{entry.Wording}\" ({entry.Provenance.Citation})",
    };

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
