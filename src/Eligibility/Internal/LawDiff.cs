using Eligibility.Law;

namespace Eligibility.Internal;

/// <summary>Compares a jurisdiction's law on two days: programs, listed conditions, discretion and adult use.</summary>
internal static class LawDiff
{
    /// <summary>Every change from <paramref name="from"/> to <paramref name="to"/>, step by step through each change point between them.</summary>
    public static IEnumerable<LawChange> Between(JurisdictionLaw law, DateOnly from, DateOnly to, ConditionCatalog catalog)
    {
        var days = law.ChangePoints.Where(d => d > from && d < to).Prepend(from).Append(to).ToArray();
        var changes = new List<LawChange>();
        for (var i = 1; i < days.Length; i++)
        {
            changes.AddRange(Step(law, days[i - 1], days[i], catalog));
        }

        return changes.OrderBy(c => c.Date ?? DateOnly.MinValue).ThenBy(c => c.Kind).ThenBy(c => c.Condition, StringComparer.Ordinal);
    }

    private static List<LawChange> Step(JurisdictionLaw law, DateOnly from, DateOnly to, ConditionCatalog catalog)
    {
        var changes = new List<LawChange>();
        string Name(string id) => catalog.Find(id)?.Name ?? id;

        var (p0, p1) = (law.ProgramOn(from), law.ProgramOn(to));
        var had = p0 is { Kind: not ProgramKind.None };
        var has = p1 is { Kind: not ProgramKind.None };
        if (!had && has)
        {
            changes.Add(new(law.Code, LawChangeKind.ProgramStarted, null, p1!.Range.From, $"{law.Name} started a {Kind(p1.Kind)} medical program.", p1.Provenance.Citation, p1.Provenance.SourceUrl));
        }
        else if (had && !has)
        {
            var source = p1?.Provenance ?? p0!.Provenance;
            changes.Add(new(law.Code, LawChangeKind.ProgramEnded, null, p0!.Range.Until, $"{law.Name}'s {Kind(p0.Kind)} medical program ended.", source.Citation, source.SourceUrl));
        }
        else if (had && has && p0!.Kind != p1!.Kind)
        {
            changes.Add(new(law.Code, LawChangeKind.ProgramChanged, null, p1.Range.From, $"{law.Name}'s program changed from {Kind(p0.Kind)} to {Kind(p1.Kind)}.", p1.Provenance.Citation, p1.Provenance.SourceUrl));
        }

        foreach (var id in law.Conditions.Select(c => c.ConditionId).Distinct())
        {
            var (a, b) = (law.ListingOn(id, from), law.ListingOn(id, to));
            if (a is null && b is not null)
            {
                var what = b.Status switch
                {
                    ListingStatus.Listed => "added",
                    ListingStatus.Rejected => "considered and rejected",
                    _ => "entered the data with an unknown status",
                };
                changes.Add(new(law.Code, LawChangeKind.ConditionAdded, id, b.Range.From, $"{Name(id)} {what} as \"{b.Wording}\"{Qualified(b)}.", b.Provenance.Citation, b.Provenance.SourceUrl));
            }
            else if (a is not null && b is null)
            {
                changes.Add(new(law.Code, LawChangeKind.ConditionRemoved, id, a.Range.Until, $"{Name(id)} (\"{a.Wording}\") no longer listed.", a.Provenance.Citation, a.Provenance.SourceUrl));
            }
            else if (a is not null && b is not null && !ReferenceEquals(a, b) && (a.Status != b.Status || a.Wording != b.Wording || !a.Qualifiers.SequenceEqual(b.Qualifiers)))
            {
                var description = a.Status != b.Status && a.Wording == b.Wording
                    ? $"{Name(id)} (\"{b.Wording}\") changed status from {Status(a)} to {Status(b)}{Qualified(b)}."
                    : $"{Name(id)} changed from \"{a.Wording}\"{Qualified(a)} to \"{b.Wording}\"{Qualified(b)}.";
                changes.Add(new(law.Code, LawChangeKind.ConditionChanged, id, b.Range.From, description, b.Provenance.Citation, b.Provenance.SourceUrl));
            }
        }

        var (d0, d1) = (law.DiscretionOn(from), law.DiscretionOn(to));
        if (d0?.Allowed != true && d1?.Allowed == true)
        {
            changes.Add(new(law.Code, LawChangeKind.DiscretionGranted, null, d1.Range.From, $"Practitioners may certify conditions the law does not list{Age(d1)}.", d1.Provenance.Citation, d1.Provenance.SourceUrl));
        }
        else if (d0?.Allowed == true && d1?.Allowed != true)
        {
            var source = d1?.Provenance ?? d0.Provenance;
            changes.Add(new(law.Code, LawChangeKind.DiscretionWithdrawn, null, d0.Range.Until, "Practitioners may no longer certify unlisted conditions.", source.Citation, source.SourceUrl));
        }
        else if (d0?.Allowed == true && d1?.Allowed == true && d0.MinimumPatientAge != d1.MinimumPatientAge)
        {
            changes.Add(new(law.Code, LawChangeKind.DiscretionChanged, null, d1.Range.From, $"Practitioner discretion now applies{(d1.MinimumPatientAge is null ? " at any age" : Age(d1))}.", d1.Provenance.Citation, d1.Provenance.SourceUrl));
        }

        var (u0, u1) = (law.AdultUseOn(from), law.AdultUseOn(to));
        if (u0?.Legal != u1?.Legal && u1 is not null && u0 is not null)
        {
            changes.Add(new(law.Code, LawChangeKind.AdultUseChanged, null, u1.Range.From, u1.Legal ? "Adult use became legal." : "Adult use stopped being legal.", u1.Provenance.Citation, u1.Provenance.SourceUrl));
        }

        return changes;
    }

    private static string Status(ConditionEntry e) => e.Status switch
    {
        ListingStatus.Listed => "listed",
        ListingStatus.Rejected => "rejected (an addition was considered and refused)",
        _ => "unknown (not established in the data)",
    };

    private static string Kind(ProgramKind kind) => kind == ProgramKind.LowThc ? "low-THC" : "comprehensive";

    private static string Age(DiscretionPeriod d) => d.MinimumPatientAge is { } age ? $" (patients aged {age} or older)" : "";

    private static string Qualified(ConditionEntry e) => e.Qualifiers.Count == 0 ? "" : $" with {e.Qualifiers.Count} qualifier(s)";
}
