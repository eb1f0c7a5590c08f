using Eligibility.Law;
using Eligibility.Rules;
using Eligibility.Rules.Execution;

namespace Eligibility.Internal;

/// <summary>Reads a fired session into a decision: results per condition, requirements, advisories and the explanation.</summary>
/// <remarks>On the hot path of every query: plain loops and exact-size arrays, no LINQ.</remarks>
internal static class DecisionBuilder
{
    public static EligibilityDecision Build(JurisdictionLaw law, DateOnly asOf, ConditionClaim[] claims, RuleRun session, EligibilityQuery query)
    {
        var results = new ConditionResult?[claims.Length];
        var requirementCount = 0;
        var advisoryCount = 0;
        OverallDecision? overall = null;
        var facts = session.Facts;
        for (var f = 0; f < facts.Count; f++)
        {
            switch (facts[f].Fact)
            {
                case ConditionResult r:
                    // The first result for a claim counts.
                    for (var i = 0; i < claims.Length; i++)
                    {
                        if (ReferenceEquals(claims[i], r.Claim) && results[i] is null)
                        {
                            results[i] = r;
                        }
                    }

                    break;
                case PatientRequirement:
                    requirementCount++;
                    break;
                case ProductScopeLimit or Advisory:
                    advisoryCount++;
                    break;
                case OverallDecision d:
                    overall ??= d;
                    break;
            }
        }

        var requirements = requirementCount == 0 ? [] : new RequirementItem[requirementCount];
        var advisories = advisoryCount == 0 ? [] : new AdvisoryItem[advisoryCount];
        if (requirementCount + advisoryCount > 0)
        {
            int r = 0, a = 0;
            for (var f = 0; f < facts.Count; f++)
            {
                switch (facts[f].Fact)
                {
                    case PatientRequirement p:
                        requirements[r++] = new RequirementItem(p.Kind, p.Text, p.Provenance?.Citation);
                        break;
                    case ProductScopeLimit s:
                        advisories[a++] = new AdvisoryItem("low-thc-only", s.Summary);
                        break;
                    case Advisory x:
                        advisories[a++] = new AdvisoryItem(x.Code, x.Text);
                        break;
                }
            }
        }

        var conditions = new ConditionDecision[claims.Length];
        for (var i = 0; i < claims.Length; i++)
        {
            var claim = claims[i];
            var result = results[i];
            var finding = result?.Finding;
            conditions[i] = finding is null
                ? new ConditionDecision { Input = claim.Input, Condition = claim.ConditionId, ConditionName = claim.ConditionId is null ? null : claim.ConditionName, ReadAs = Eligibility.Conditions.Internal.ClaimReadings.Of(claim), Outcome = Outcome.LawUnknown, Basis = Basis.None, Citation = null, SourceUrl = null, Requirements = [], Summary = "No rule reached a result for this condition." }
                : new ConditionDecision
                {
                    Input = claim.Input,
                    Condition = claim.ConditionId,
                    ConditionName = claim.ConditionId is null ? null : claim.ConditionName,
                    ReadAs = Eligibility.Conditions.Internal.ClaimReadings.Of(claim),
                    Outcome = finding.Outcome,
                    Basis = finding.Basis,
                    ListedAs = finding.Entry is { } e && e.ConditionId != claim.ConditionId ? e.ConditionId : null,
                    Wording = finding.Entry?.Wording,
                    Citation = finding.Provenance?.Citation,
                    SourceUrl = finding.Provenance?.SourceUrl,
                    Confidence = finding.Provenance?.Confidence,
                    Requirements = finding.Requirements,
                    ProductScope = result!.ProductScope,
                    Routes = Routes(claim, result.Routes, law.DiscretionOn(asOf)?.Wording),
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
            NearMisses = query.Explain ? NearMisses(session.NearMisses) : null,
            Data = new DataStamp(law.DataVersion, law.LastVerified, law.Confidence),
            Query = query with { Jurisdiction = law.Code, AsOf = asOf, Conditions = [.. claims.Select(c => c.Input)] },
        };
    }

    private static RouteItem[] Routes(ConditionClaim claim, IReadOnlyList<ConditionFinding> routes, string? catchAllWording)
    {
        if (routes.Count == 0)
        {
            return [];
        }

        var items = new RouteItem[routes.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var r = routes[i];
            var wording = r.Entry?.Wording ?? (r.Basis == Basis.PractitionerDiscretion ? catchAllWording : null);
            items[i] = new RouteItem(r.Basis, r.Outcome, r.Entry is { } e && e.ConditionId != claim.ConditionId ? e.ConditionId : null,
                wording, r.Provenance?.Citation, r.Provenance?.SourceUrl, r.Requirements, r.Summary);
        }

        return items;
    }

    private static NearMissItem[] NearMisses(IReadOnlyList<NearMiss> misses)
    {
        var items = new NearMissItem[misses.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var n = misses[i];
            items[i] = new NearMissItem(n.Rule.Id, n.Rule.Name, n.FailedConditions);
        }

        return items;
    }

    private static ExplanationStep[] Explain(RuleRun session)
    {
        var firings = session.Firings;
        var steps = new ExplanationStep[firings.Count];
        var sources = new List<int>();
        for (var i = 0; i < firings.Count; i++)
        {
            var firing = firings[i];
            string? citation = null, url = null, conclusion = null;
            List<string?>? conclusions = null;
            var any = false;
            sources.Clear();
            var matchedFacts = firing.Matched;
            for (var m = 0; m < matchedFacts.Count; m++)
            {
                sources.Add(matchedFacts[m].InsertedBy?.Sequence ?? 0);
            }

            // Indexed loops over the firing's lists: a foreach through the interface would allocate an enumerator.
            var insertedFacts = firing.Inserted;
            for (var f = 0; f < insertedFacts.Count; f++)
            {
                if (insertedFacts[f].Fact is IExplainable x)
                {
                    // The distinct conclusions, in order (one needs no joining).
                    var summary = x.Summary;
                    if (!any)
                    {
                        conclusion = summary;
                        any = true;
                    }
                    else if (conclusion != summary && (conclusions is null || !conclusions.Contains(summary)))
                    {
                        (conclusions ??= [conclusion]).Add(summary);
                    }

                    citation ??= x.Provenance?.Citation;
                    url ??= x.Provenance?.SourceUrl;
                }
            }

            for (var f = 0; f < insertedFacts.Count; f++)
            {
                if (insertedFacts[f].Fact is IExplainable x)
                {
                    var derivedFrom = x.DerivedFrom;
                    if (derivedFrom is IList<object> list)
                    {
                        for (var d = 0; d < list.Count; d++)
                        {
                            sources.Add(session.Find(list[d])?.InsertedBy?.Sequence ?? 0);
                        }
                    }
                    else
                    {
                        foreach (var fact in derivedFrom)
                        {
                            sources.Add(session.Find(fact)?.InsertedBy?.Sequence ?? 0);
                        }
                    }
                }
            }

            steps[i] = new ExplanationStep(firing.Sequence, firing.Rule.Id, firing.Rule.Name,
                !any ? firing.Rule.Description : conclusions is not null ? string.Join(" ", conclusions) : conclusion ?? "",
                citation, url, Uses(sources));
        }

        return steps;
    }

    /// <summary>The earlier steps used: positive sequence numbers, distinct, ascending.</summary>
    private static int[] Uses(List<int> sources)
    {
        sources.Sort();
        var count = 0;
        var previous = 0;
        foreach (var s in sources)
        {
            if (s > 0 && s != previous)
            {
                count++;
                previous = s;
            }
        }

        if (count == 0)
        {
            return [];
        }

        var uses = new int[count];
        count = 0;
        previous = 0;
        foreach (var s in sources)
        {
            if (s > 0 && s != previous)
            {
                uses[count++] = s;
                previous = s;
            }
        }

        return uses;
    }
}
