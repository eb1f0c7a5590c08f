using Eligibility.Law;
using Eligibility.Rules;

namespace Eligibility.Internal;

/// <summary>Law in time: the history of a condition, the changes between two dates, and re-checking earlier decisions.</summary>
internal sealed partial class DefaultEligibilityEngine
{
    public ConditionHistory History(string jurisdiction, string condition)
    {
        var law = FindLaw(_snapshot, jurisdiction); // one read of the law for the whole history
        var probe = new EligibilityQuery { Jurisdiction = law.Code, Conditions = [condition] };
        ValidateQuery(probe);
        var claim = Claim(0, condition, probe);
        if (claim.ConditionId is null)
        {
            var hint = claim.Suggestions.Count == 0 ? "" : $" Did you mean: {string.Join(", ", claim.Suggestions)}?";
            throw new ArgumentException($"The text sent is not a condition the library recognises; send a condition id, name or ICD-10-CM code.{hint}", nameof(condition));
        }

        // Every day on which any dated fact of this jurisdiction changes; between two of them the decision cannot change.
        var points = law.ChangePoints;
        var periods = new List<HistoryPeriod>();
        for (var i = 0; i <= points.Count; i++)
        {
            DateOnly? from = i == 0 ? null : points[i - 1];
            DateOnly? until = i < points.Count ? points[i] : null;
            var day = from ?? (until is { } first && first > DateOnly.MinValue ? first.AddDays(-1) : DateOnly.MinValue);
            var result = Decide(law, [claim], probe, day, CancellationToken.None).Conditions[0];
            var period = new HistoryPeriod(from, until, result.Outcome, result.Basis, result.ListedAs, result.Wording, result.Citation, result.SourceUrl, result.Requirements);
            if (periods.Count > 0 && SameStatus(periods[^1], period))
            {
                periods[^1] = periods[^1] with { Until = until };
            }
            else
            {
                periods.Add(period);
            }
        }

        return new ConditionHistory(law.Code, claim.ConditionId, claim.ConditionName, periods);
    }

    public IReadOnlyList<LawChange> Diff(DateOnly from, DateOnly to, string? jurisdiction = null)
    {
        if (to < from)
        {
            throw new ArgumentException($"The end date {to:yyyy-MM-dd} is before the start date {from:yyyy-MM-dd}; send --from earlier than --to.", nameof(to));
        }

        var snapshot = _snapshot; // one read of the law for the whole diff
        IEnumerable<JurisdictionLaw> laws = jurisdiction is null ? snapshot.Library.Jurisdictions : [FindLaw(snapshot, jurisdiction)];
        return [.. laws.SelectMany(law => LawDiff.Between(law, from, to, _catalog))];
    }

    public RecheckResult Recheck(EligibilityDecision previous, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(previous);
        if (previous.Query is null)
        {
            throw new ArgumentException("The earlier decision has no 'query' to re-run; recheck needs decisions as this library prints them (schemaVersion 1 with 'query').", nameof(previous));
        }

        var day = asOf ?? Today();
        var decision = Evaluate(previous.Query with { AsOf = day });
        var reasons = new List<string>();
        if (decision.Outcome != previous.Outcome)
        {
            reasons.Add($"Overall: was {EnumNames.Kebab(previous.Outcome)} on {previous.AsOf:yyyy-MM-dd}, now {EnumNames.Kebab(decision.Outcome)} on {day:yyyy-MM-dd}.");
        }

        for (var i = 0; i < decision.Conditions.Count && i < previous.Conditions.Count; i++)
        {
            var (before, after) = (previous.Conditions[i], decision.Conditions[i]);
            if (before.Outcome != after.Outcome || before.Basis != after.Basis || !before.Requirements.SequenceEqual(after.Requirements) || before.Citation != after.Citation)
            {
                reasons.Add($"{after.ConditionName ?? after.Input}: was {EnumNames.Kebab(before.Outcome)} ({EnumNames.Kebab(before.Basis)}), now {EnumNames.Kebab(after.Outcome)} ({EnumNames.Kebab(after.Basis)}). {after.Summary}");
            }
        }

        if (previous.Data.Version != decision.Data.Version)
        {
            reasons.Add($"The law data changed since the earlier decision (version {previous.Data.Version} then, {decision.Data.Version} now).");
        }

        var changed = decision.Outcome != previous.Outcome || reasons.Count > (previous.Data.Version != decision.Data.Version ? 1 : 0);
        return new RecheckResult(decision.Jurisdiction, [.. previous.Conditions.Select(c => c.Input)], previous.AsOf, day, previous.Outcome, decision.Outcome, changed, reasons, decision);
    }

    private static bool SameStatus(HistoryPeriod a, HistoryPeriod b) =>
        a.Outcome == b.Outcome && a.Basis == b.Basis && a.ListedAs == b.ListedAs && a.Citation == b.Citation && a.Wording == b.Wording && a.Requirements.SequenceEqual(b.Requirements);

}
