namespace Eligibility.Law;

/// <summary>How many of a jurisdiction's facts are held at each confidence.</summary>
/// <param name="High">Facts read in the official statute, regulation or agency text.</param>
/// <param name="Medium">Facts from official but possibly dated, or reputable secondary, sources.</param>
/// <param name="Low">Facts that could not be confirmed.</param>
public sealed record ConfidenceCounts(int High, int Medium, int Low)
{
    /// <summary>Every fact counted.</summary>
    public int Total => High + Medium + Low;
}

/// <summary>
/// How well a jurisdiction's facts are sourced, at a glance: the count of facts per confidence and the oldest date on
/// which any of them was read, so a reader sees both how sure and how fresh the data is.
/// </summary>
/// <param name="Counts">Facts per confidence.</param>
/// <param name="OldestRetrieved">The earliest retrieval date among the facts; null only when there are no facts.</param>
public sealed record ProvenanceSummary(ConfidenceCounts Counts, DateOnly? OldestRetrieved)
{
    /// <summary>Summarises every fact of a jurisdiction: program, adult-use, list, listing, discretion, patient and kratom entries (sources are documents, not facts, and are not counted).</summary>
    /// <param name="law">The jurisdiction's law.</param>
    /// <returns>The summary.</returns>
    public static ProvenanceSummary Of(JurisdictionLaw law)
    {
        ArgumentNullException.ThrowIfNull(law);
        int high = 0, medium = 0, low = 0;
        DateOnly? oldest = null;
        foreach (var p in Facts(law))
        {
            switch (p.Confidence)
            {
                case Confidence.High: high++; break;
                case Confidence.Medium: medium++; break;
                default: low++; break;
            }

            if (oldest is null || p.Retrieved < oldest)
            {
                oldest = p.Retrieved;
            }
        }

        return new ProvenanceSummary(new ConfidenceCounts(high, medium, low), oldest);
    }

    private static IEnumerable<Provenance> Facts(JurisdictionLaw law)
    {
        foreach (var p in law.Programs) yield return p.Provenance;
        foreach (var a in law.AdultUse) yield return a.Provenance;
        yield return law.ConditionList.Provenance;
        foreach (var c in law.Conditions) yield return c.Provenance;
        foreach (var d in law.Discretion) yield return d.Provenance;
        yield return law.Patients.AdultAgeProvenance;
        yield return law.Patients.Minors.Provenance;
        yield return law.Patients.Residency.Provenance;
        if (law.Patients.Registration is { } registration) yield return registration.Provenance;
        foreach (var k in law.Kratom) yield return k.Provenance;
    }
}
