using Eligibility.Law;

namespace Eligibility.Rules.Internal;

/// <summary>
/// What the standard rules conclude, one method per rule action. NRules actions are expression trees (no statement
/// bodies), so each action is one call to a method here.
/// </summary>
internal static class Derive
{
    public static ProgramInForce ProgramInForce(EvaluationContext context) => new(context.Program!, context.Law.Name);

    public static ConditionFinding NoProgram(EvaluationContext context, AsOfDay day, ConditionClaim claim)
    {
        var period = context.Program ?? FirstProgram(context.Law);
        var began = context.Program is null && period?.Range.From is { } from && from > day.Day
            ? $" (its program began on {Listings.Day(from)})"
            : "";
        var summary = $"{context.Law.Name} has no medical-cannabis program on {Listings.Day(day.Day)}{began}.";
        return new ConditionFinding(claim, Outcome.NoProgram, Basis.None, null, [], period?.Provenance ?? context.Law.ConditionList.Provenance, summary);
    }

    private static ProgramPeriod? FirstProgram(JurisdictionLaw law)
    {
        foreach (var p in law.Programs)
        {
            if (p.Kind != ProgramKind.None)
            {
                return p;
            }
        }

        return null;
    }

    public static ConditionFinding Unresolved(ConditionClaim claim)
    {
        var hint = claim.Suggestions.Count == 0 ? "" : $" Did you mean: {string.Join(", ", claim.Suggestions)}?";
        var why = claim.UnresolvedReason is null ? "" : $" ({claim.UnresolvedReason}; never mapped)";
        return new ConditionFinding(claim, Outcome.UnknownCondition, Basis.None, null, [], null, $"\"{claim.Input}\" is not a condition the library recognises{why}.{hint}");
    }

    public static IEnumerable<object> BroaderClaims(ConditionVocabulary vocabulary, ConditionClaim claim)
    {
        foreach (var b in vocabulary.Broader(claim.ConditionId!))
        {
            yield return new DerivedClaim(claim, b.Id, b.Name, Basis.BroaderCondition,
                $"{claim.ConditionName} is a kind of {b.Name.ToLowerInvariant()}, so it is also judged under a listing of {b.Name.ToLowerInvariant()}.");
        }
    }

    public static bool AnyNarrowerListed(ConditionVocabulary vocabulary, EvaluationContext context, string conditionId)
    {
        var narrower = vocabulary.NarrowerByQualifier(conditionId);
        for (var i = 0; i < narrower.Count; i++)
        {
            if (context.Lists(narrower[i].Condition.Id))
            {
                return true;
            }
        }

        return false;
    }

    public static IEnumerable<object> NarrowerClaims(ConditionVocabulary vocabulary, EvaluationContext context, ConditionClaim claim)
    {
        foreach (var (condition, qualifier) in vocabulary.NarrowerByQualifier(claim.ConditionId!))
        {
            if (context.Lists(condition.Id))
            {
                yield return new DerivedClaim(claim, condition.Id, condition.Name, Basis.NarrowerCondition,
                    $"{context.Law.Name} lists {condition.Name.ToLowerInvariant()}, a narrower form of {claim.ConditionName.ToLowerInvariant()}; it counts if the {claim.ConditionName.ToLowerInvariant()} is of that form.")
                {
                    AddedQualifiers = [new Qualifier(qualifier)],
                };
            }
        }
    }

    /// <summary>Whether opioid use disorder, or a condition it is a kind of, is listed; a loop, as it is tested on every match.</summary>
    public static bool AnyOudTargetListed(EvaluationContext context, ConditionVocabulary vocabulary)
    {
        if (context.Lists(OpioidWithdrawalThroughOudRule.OpioidUseDisorder))
        {
            return true;
        }

        var broader = vocabulary.Broader(OpioidWithdrawalThroughOudRule.OpioidUseDisorder);
        for (var i = 0; i < broader.Count; i++)
        {
            if (context.Lists(broader[i].Id))
            {
                return true;
            }
        }

        return false;
    }

    public static IEnumerable<object> WithdrawalThroughOud(ConditionVocabulary vocabulary, EvaluationContext context, ConditionClaim claim)
    {
        const string oud = OpioidWithdrawalThroughOudRule.OpioidUseDisorder;
        var law = context.Law.Name;
        var targets = new List<string> { oud };
        foreach (var b in vocabulary.Broader(oud))
        {
            targets.Add(b.Id);
        }

        foreach (var id in targets)
        {
            if (context.Lists(id))
            {
                yield return new DerivedClaim(claim, id, vocabulary.NameOf(id), Basis.ImpliedCondition, id == oud
                    ? $"Opioid withdrawal is a manifestation of opioid use disorder, which {law} lists; withdrawal is judged under that listing."
                    : $"Opioid withdrawal is a manifestation of opioid use disorder, a kind of {vocabulary.NameOf(id).ToLowerInvariant()}, which {law} lists; withdrawal is judged under that listing.");
            }
        }
    }

    public static ConditionFinding Listed(EvaluationContext context, IClaim claim)
    {
        var entry = context.ListingOf(claim.ConditionId)!;
        var summary = $"{Listings.Via(claim, context.Law.Name, entry)}; {claim.Origin.ConditionName} qualifies.";
        return new ConditionFinding(claim, Outcome.Qualifies, claim.ListingBasis, entry, [], entry.Provenance, summary);
    }

    public static ConditionFinding ListedWithRequirements(EvaluationContext context, IClaim claim)
    {
        var entry = context.ListingOf(claim.ConditionId)!;
        var requirements = Listings.UnmetRequirements(entry, claim);
        var summary = $"{Listings.Via(claim, context.Law.Name, entry)}; {claim.Origin.ConditionName} qualifies once a practitioner attests that {string.Join("; and ", requirements)}.";
        return new ConditionFinding(claim, Outcome.QualifiesWithRequirements, claim.ListingBasis, entry, requirements, entry.Provenance, summary);
    }

    public static ConditionFinding LawUnknown(EvaluationContext context, IClaim claim)
    {
        var entry = context.ListingOf(claim.ConditionId);
        var summary = entry is not null
            ? $"The data does not establish whether {claim.ConditionName.ToLowerInvariant()} qualifies in {context.Law.Name} on this date{(entry.Provenance.Note is { } note ? $": {note}" : ".")}"
            : $"The data does not hold {context.Law.Name}'s complete list of qualifying conditions, and {claim.ConditionName.ToLowerInvariant()} is not among the entries it holds.";
        return new ConditionFinding(claim, Outcome.LawUnknown, Basis.None, entry, [], entry?.Provenance ?? context.Law.ConditionList.Provenance, summary);
    }

    public static ConditionFinding Discretion(EvaluationContext context, PatientFact patient, IClaim claim)
    {
        var discretion = context.Discretion!;
        var law = context.Law.Name;
        var name = claim.ConditionName.ToLowerInvariant();
        var wording = discretion.Wording is null ? "" : $": \"{discretion.Wording}\"";
        var entry = context.ListingOf(claim.ConditionId);
        var summary = entry switch
        {
            null => $"{law} does not list {name}, but a practitioner may certify it at discretion{wording} ({discretion.Provenance.Citation}).",
            { Status: ListingStatus.Unknown } => $"The data does not establish whether {law} lists {name}, but a practitioner may certify it at discretion{wording} ({discretion.Provenance.Citation}).",
            { Status: ListingStatus.Rejected } => $"{law} declined to add {name} to its list ({entry.Provenance.Citation}), but a practitioner may certify it at discretion{wording} ({discretion.Provenance.Citation}).",
            _ => $"Besides its listing, {law} lets a practitioner certify {name} at discretion{wording} ({discretion.Provenance.Citation}), without the listing's qualifiers.",
        };
        IReadOnlyList<string> requirements = discretion.MinimumPatientAge is { } age && patient.Age is null
            ? ["a practitioner determines that cannabis may benefit the patient's condition", $"the patient is {age} or older, as the catch-all applies only to them"]
            : DiscretionRequirement;
        return new ConditionFinding(claim, Outcome.PractitionerDiscretion, Basis.PractitionerDiscretion, null, requirements, discretion.Provenance, summary);
    }

    private static readonly IReadOnlyList<string> DiscretionRequirement = ["a practitioner determines that cannabis may benefit the patient's condition"];

    public static ConditionFinding Rejected(EvaluationContext context, IClaim claim)
    {
        var entry = context.ListingOf(claim.ConditionId)!;
        var when = entry.Range.From is { } from ? $" on {Listings.Day(from)}" : "";
        var why = context.Discretion is { Allowed: true, MinimumPatientAge: { } age }
            ? $"practitioner discretion there applies only to patients aged {age} or older"
            : $"{context.Law.Name} gives practitioners no discretion to certify unlisted conditions";
        var summary = $"{context.Law.Name} considered adding {claim.ConditionName.ToLowerInvariant()} to its list of qualifying conditions and declined{when} ({entry.Provenance.Citation}); it is not a qualifying condition, and {why}.";
        return new ConditionFinding(claim, Outcome.NotQualifying, Basis.Rejected, entry, [], entry.Provenance, summary);
    }

    public static ConditionFinding NotQualifying(EvaluationContext context, AsOfDay day, IClaim claim)
    {
        var list = context.Law.ConditionList.Provenance;
        var why = context.Discretion is { Allowed: true, MinimumPatientAge: { } age }
            ? $"practitioner discretion there applies only to patients aged {age} or older"
            : $"{context.Law.Name} gives practitioners no discretion to certify unlisted conditions";
        var summary = $"{claim.ConditionName} is not on {context.Law.Name}'s list of qualifying conditions ({list.Citation}, as of {Listings.Day(day.Day)}), and {why}.";
        return new ConditionFinding(claim, Outcome.NotQualifying, Basis.None, null, [], list, summary);
    }

    public static ConditionResult Result(ConditionClaim claim, IEnumerable<ConditionFinding> findings, IEnumerable<ProductScopeLimit> scopes)
    {
        // A recorded rejection of the condition itself settles what an incomplete list leaves open: a broader
        // condition whose listing the data cannot establish would have admitted it, and it was refused.
        var ordered = findings.OrderBy(f => f.Sequence).ToList();
        if (ordered.Exists(f => f.Basis == Basis.Rejected && f.Claim is ConditionClaim))
        {
            ordered.RemoveAll(f => f.Outcome == Outcome.LawUnknown && f.Claim is not ConditionClaim);
        }

        ConditionFinding? best = null;
        var bestKey = int.MaxValue;
        foreach (var finding in ordered)
        {
            var key = Key(finding);
            if (key < bestKey)
            {
                best = finding;
                bestKey = key;
            }
        }

        best ??= new ConditionFinding(claim, Outcome.LawUnknown, Basis.None, null, [], null, $"No rule reached a finding for {claim.ConditionName.ToLowerInvariant()}.");
        ProductScopeLimit? scope = null;
        foreach (var s in scopes)
        {
            scope ??= s;
        }

        var qualifying = OutcomeText.Rank(Outcome.PractitionerDiscretion);
        var routes = ordered.Where(f => OutcomeText.Rank(f.Outcome) <= qualifying).OrderBy(Key).ToArray(); // stable: ties keep the order found
        var limited = scope is not null && OutcomeText.Rank(best.Outcome) <= qualifying;
        return new ConditionResult(claim, best, limited ? scope!.Scope : null) { Routes = routes };

        static int Key(ConditionFinding f) => (OutcomeText.Rank(f.Outcome) * 2) + (f.Claim is ConditionClaim ? 0 : 1);
    }

    public static IEnumerable<object> MinorRequirements(EvaluationContext context)
    {
        var rules = context.Law.Patients;
        var minors = rules.Minors;
        var source = minors.Provenance;
        var list = new List<object>();
        if (minors.Allowed == false)
        {
            list.Add(new PatientRequirement(RequirementKind.Blocking, $"{context.Law.Name} does not register patients under {rules.AdultAge}", source));
            return list;
        }

        if (minors.Allowed is null)
        {
            list.Add(new PatientRequirement(RequirementKind.Additional, $"whether {context.Law.Name} registers patients under {rules.AdultAge} is not established in the data", source));
        }

        if (minors.CaregiverRequired == true)
        {
            list.Add(new PatientRequirement(RequirementKind.Additional, "a parent or legal guardian registers as the patient's caregiver", source));
        }

        if (minors.SecondPractitionerRequired == true)
        {
            list.Add(new PatientRequirement(RequirementKind.Additional, "a second practitioner also certifies the condition", source));
        }

        foreach (var r in minors.OtherRequirements)
        {
            list.Add(new PatientRequirement(RequirementKind.Additional, r, source));
        }

        return list;
    }

    public static PatientRequirement VisitorRequirement(EvaluationContext context)
    {
        var residency = context.Law.Patients.Residency;
        var note = residency.ReciprocityNote is null ? "" : $" ({residency.ReciprocityNote})";
        var law = context.Law.Name;
        if (residency.Required == true && residency.Visitors == VisitorRoute.None)
        {
            return new PatientRequirement(RequirementKind.Blocking, $"{law} requires patients to be residents and has no route for visitors", residency.Provenance);
        }

        return residency.Visitors switch
        {
            VisitorRoute.Reciprocity => new PatientRequirement(RequirementKind.Additional, $"as a visitor, hold a valid medical-cannabis card from the home state, which {law} honours{note}", residency.Provenance),
            VisitorRoute.VisitorRegistration => new PatientRequirement(RequirementKind.Additional, $"as a visitor, register for {law}'s visitor card{note}", residency.Provenance),
            _ => new PatientRequirement(RequirementKind.Additional, $"whether a visitor can take part in {law}'s program is not established in the data", residency.Provenance),
        };
    }

    public static IEnumerable<object> RegistrationSteps(EvaluationContext context)
    {
        var registration = context.Law.Patients.Registration!;
        var steps = new object[registration.Steps.Count];
        for (var i = 0; i < steps.Length; i++)
        {
            steps[i] = new PatientRequirement(RequirementKind.Procedure, registration.Steps[i], registration.Provenance);
        }

        return steps;
    }

    public static Advisory DataAge(EvaluationContext context, AsOfDay day)
    {
        var days = day.Day.DayNumber - context.Law.LastVerified.DayNumber;
        return new Advisory("data-age", $"The data for {context.Law.Name} was last verified on {Listings.Day(context.Law.LastVerified)}, {days} days before the as-of date; the law may have changed since.", null);
    }

    public static OverallDecision Overall(EvaluationContext context, IEnumerable<ConditionResult> results, IEnumerable<PatientRequirement> requirements)
    {
        // Ordered as the conditions were stated and the requirements concluded: the same decision on every run.
        var all = results.OrderBy(r => r.Claim.Index).ToArray();
        var reqs = requirements.OrderBy(r => r.Sequence).ToArray();
        if (all.Length == 0)
        {
            return new OverallDecision(Outcome.UnknownCondition, "No condition was given.", all, []);
        }

        var best = all[0];
        for (var i = 1; i < all.Length; i++)
        {
            if (OutcomeText.Rank(all[i].Finding.Outcome) < OutcomeText.Rank(best.Finding.Outcome))
            {
                best = all[i]; // the first of the best, as a stable sort would give
            }
        }

        var outcome = best.Finding.Outcome;
        var qualifying = OutcomeText.Rank(outcome) <= OutcomeText.Rank(Outcome.PractitionerDiscretion);
        if (qualifying && First(reqs, RequirementKind.Blocking) is { } blocking)
        {
            return new OverallDecision(Outcome.NotQualifying, $"{best.Claim.ConditionName} would count in {context.Law.Name}, but {blocking.Text}.", all, reqs);
        }

        if (outcome == Outcome.Qualifies && First(reqs, RequirementKind.Additional) is not null)
        {
            return new OverallDecision(Outcome.QualifiesWithRequirements, $"{best.Claim.ConditionName} qualifies in {context.Law.Name}, and the patient must also meet the patient-level requirements.", all, reqs);
        }

        return new OverallDecision(outcome, all.Length == 1
            ? OneConditionSummary(outcome)
            : $"Overall: {OutcomeText.Of(outcome)} (the best of {all.Length} conditions: {best.Claim.ConditionName.ToLowerInvariant()}).", all, reqs);
    }

    /// <summary>The summary of a one-condition query by outcome, "Overall: {outcome in words}.", built once.</summary>
    private static readonly string[] OneCondition = [.. Enumerable.Range(0, Enum.GetValues<Outcome>().Max(o => (int)o) + 1)
        .Select(o => $"Overall: {OutcomeText.Of((Outcome)o)}.")];

    private static string OneConditionSummary(Outcome outcome) =>
        (uint)outcome < (uint)OneCondition.Length ? OneCondition[(int)outcome] : $"Overall: {OutcomeText.Of(outcome)}.";

    private static PatientRequirement? First(IReadOnlyList<PatientRequirement> requirements, RequirementKind kind)
    {
        for (var i = 0; i < requirements.Count; i++)
        {
            if (requirements[i].Kind == kind)
            {
                return requirements[i];
            }
        }

        return null;
    }
}
