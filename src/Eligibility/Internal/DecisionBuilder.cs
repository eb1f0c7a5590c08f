using Eligibility.Engine;
using Eligibility.Law;
using Eligibility.Rules;

namespace Eligibility.Internal;

/// <summary>Reads a fired session into a decision: results per condition, requirements, advisories and the explanation.</summary>
internal static class DecisionBuilder
{
    public static EligibilityDecision Build(JurisdictionLaw law, DateOnly asOf, ConditionClaim[] claims, ISession session, EligibilityQuery query)
    {
        var results = new Dictionary<ConditionClaim, ConditionResult>(ReferenceEqualityComparer.Instance);
        var requirements = new List<RequirementItem>();
        var advisories = new List<AdvisoryItem>();
        OverallDecision? overall = null;
        foreach (var record in session.Facts)
        {
            switch (record.Fact)
            {
                case ConditionResult r:
                    results.TryAdd(r.Claim, r);
                    break;
                case PatientRequirement p:
                    requirements.Add(new RequirementItem(p.Kind, p.Text, p.Provenance?.Citation));
                    break;
                case ProductScopeLimit s:
                    advisories.Add(new AdvisoryItem("low-thc-only", s.Summary));
                    break;
                case Advisory a:
                    advisories.Add(new AdvisoryItem(a.Code, a.Text));
                    break;
                case OverallDecision d:
                    overall ??= d;
                    break;
            }
        }

        var conditions = new ConditionDecision[claims.Length];
        for (var i = 0; i < claims.Length; i++)
        {
            var claim = claims[i];
            var finding = results.TryGetValue(claim, out var result) ? result.Finding : null;
            conditions[i] = finding is null
                ? new ConditionDecision { Input = claim.Input, Condition = claim.ConditionId, ConditionName = claim.ConditionId is null ? null : claim.ConditionName, Outcome = Outcome.LawUnknown, Basis = Basis.None, Citation = null, SourceUrl = null, Requirements = [], Summary = "No rule reached a result for this condition." }
                : new ConditionDecision
                {
                    Input = claim.Input,
                    Condition = claim.ConditionId,
                    ConditionName = claim.ConditionId is null ? null : claim.ConditionName,
                    Outcome = finding.Outcome,
                    Basis = finding.Basis,
                    ListedAs = finding.Entry is { } e && e.ConditionId != claim.ConditionId ? e.ConditionId : null,
                    Wording = finding.Entry?.Wording,
                    Citation = finding.Provenance?.Citation,
                    SourceUrl = finding.Provenance?.SourceUrl,
                    Confidence = finding.Provenance?.Confidence,
                    Requirements = finding.Requirements,
                    ProductScope = result!.ProductScope,
                    Suggestions = claim.ConditionId is null && claim.Suggestions.Count > 0 ? claim.Suggestions : null,
                    Summary = finding.Summary,
                };
        }

        return new EligibilityDecision
        {
            Jurisdiction = law.Code,
            JurisdictionName = law.Name,
            AsOf = asOf,
            Outcome = overall?.Outcome ?? Outcome.LawUnknown,
            Summary = overall?.Summary ?? "No overall decision was reached.",
            Conditions = conditions,
            Requirements = requirements,
            Advisories = advisories,
            Explanation = Explain(session),
            NearMisses = query.Explain ? [.. session.NearMisses.Select(n => new NearMissItem(n.Rule.Id, n.Rule.Name, n.FailedConditions))] : null,
            Data = new DataStamp(law.DataVersion, law.LastVerified, law.Confidence),
            Query = query with { Jurisdiction = law.Code, AsOf = asOf, Conditions = [.. claims.Select(c => c.Input)] },
        };
    }

    private static ExplanationStep[] Explain(ISession session)
    {
        var firings = session.Firings;
        var steps = new ExplanationStep[firings.Count];
        for (var i = 0; i < firings.Count; i++)
        {
            var firing = firings[i];
            string? citation = null, url = null;
            var conclusions = new List<string>(firing.Inserted.Count);
            foreach (var inserted in firing.Inserted)
            {
                if (inserted.Fact is IExplainable x)
                {
                    conclusions.Add(x.Summary);
                    citation ??= x.Provenance?.Citation;
                    url ??= x.Provenance?.SourceUrl;
                }
            }

            var sources = firing.Matched.Select(m => m.InsertedBy?.Sequence ?? 0)
                .Concat(firing.Inserted.SelectMany(f => f.Fact is IExplainable x ? x.DerivedFrom : []).Select(f => session.Find(f)?.InsertedBy?.Sequence ?? 0));
            var uses = sources.Where(s => s > 0).Distinct().Order().ToArray();
            var conclusion = conclusions.Count == 0 ? firing.Rule.Description : string.Join(" ", conclusions.Distinct());
            steps[i] = new ExplanationStep(firing.Sequence, firing.Rule.Id, firing.Rule.Name, conclusion, citation, url, uses);
        }

        return steps;
    }
}
