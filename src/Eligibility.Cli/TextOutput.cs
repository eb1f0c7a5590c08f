using System.Globalization;
using Eligibility.Internal;
using Eligibility.Law;

namespace Eligibility.Cli;

/// <summary>Plain-text rendering of decisions for people at a terminal.</summary>
internal static class TextOutput
{
    private const string Notice = "Not legal advice: check the cited law and consult a practitioner.";

    /// <summary>
    /// A decision for a person: first the plain answer (each condition as read, its outcome, the law behind it and
    /// what a practitioner must attest), then what to do next and the advisories; the rule trace only with --explain.
    /// </summary>
    public static void Write(TextWriter w, EligibilityDecision d, bool explain)
    {
        w.WriteLine($"{d.JurisdictionName} ({d.Jurisdiction}), as of {Day(d.AsOf)}: {Plain(d.Outcome)}");
        if (!d.Summary.StartsWith("Overall:", StringComparison.Ordinal))
        {
            // A summary that adds something to the outcome (a visitor who cannot register, say); "Overall: ..." would only repeat it.
            w.WriteLine($"  {d.Summary}");
        }

        w.WriteLine();
        foreach (var c in d.Conditions)
        {
            WriteCondition(w, c);
            w.WriteLine();
        }

        if (d.Requirements.Count > 0)
        {
            w.WriteLine(Qualifying(d.Outcome) ? "What to do next:" : "What this program requires of every patient:");
            foreach (var r in d.Requirements.OrderBy(r => r.Kind == RequirementKind.Procedure ? 1 : 0))
            {
                var prefix = r.Kind == RequirementKind.Blocking ? "not possible here: " : "";
                w.WriteLine($"  - {prefix}{r.Text}{(r.Citation is null ? "" : $" ({r.Citation})")}");
            }

            w.WriteLine();
        }

        if (d.Advisories.Count > 0)
        {
            w.WriteLine("Advisories:");
            foreach (var a in d.Advisories)
            {
                w.WriteLine($"  - {a.Text}");
            }

            w.WriteLine();
        }

        if (explain)
        {
            WriteTrace(w, d);
            w.WriteLine();
        }

        w.WriteLine($"Data: version {d.Data.Version}, last verified {Day(d.Data.LastVerified)}, {EnumNames.Kebab(d.Data.Confidence)} confidence.{(explain ? "" : " Add --explain for the rules behind this answer.")}");
        w.WriteLine(Notice);
    }

    private static void WriteCondition(TextWriter w, ConditionDecision c)
    {
        if (c.Condition is null)
        {
            // The suggestions once, here; the summary would repeat them.
            var hint = c.Suggestions is { Count: > 0 } ? $" Did you mean: {string.Join(", ", c.Suggestions)}?" : " Try an id, a name or an ICD-10-CM code (eligibility resolve shows how an input is read).";
            w.WriteLine($"\"{c.Input}\": not recognized as a condition ({EnumNames.Kebab(c.Outcome)}).{hint}");
            return;
        }

        var kebab = EnumNames.Kebab(c.Outcome);
        w.WriteLine($"{c.ConditionName}: {Plain(c.Outcome)}{(kebab == Plain(c.Outcome) ? "" : $" ({kebab})")}");
        w.WriteLine($"  {ReadAs(c.Input, c.ConditionName, c.ReadAs)}{(c.ListedAs is null ? "" : $"; judged under the listing of {c.ListedAs} ({EnumNames.Kebab(c.Basis)})")}");
        w.WriteLine($"  {c.Summary}");
        if (c.Requirements.Count > 0)
        {
            w.WriteLine(c.Outcome == Outcome.PractitionerDiscretion ? "  A practitioner decides:" : "  A practitioner must attest:");
            foreach (var r in c.Requirements)
            {
                w.WriteLine($"    - {r}");
            }
        }

        if (c.ProductScope is not null)
        {
            w.WriteLine($"  Only {c.ProductScope} products are allowed.");
        }

        if (c.Citation is not null)
        {
            w.WriteLine($"  Law: {c.Citation}{(c.Confidence is null ? "" : $" ({EnumNames.Kebab(c.Confidence.Value)} confidence)")}");
        }

        if (c.SourceUrl is not null)
        {
            w.WriteLine($"  Source: {c.SourceUrl}");
        }

        // Every other legal route to a card, one line each: a catch-all that needs none of a listing's qualifiers, say.
        for (var i = 1; i < c.Routes.Count; i++)
        {
            w.WriteLine($"  or: {OtherRoute(c.Routes[i])}");
        }
    }

    /// <summary>Another route in one line: what it rests on and under which law.</summary>
    private static string OtherRoute(RouteItem route) => route.Basis switch
    {
        Basis.PractitionerDiscretion => $"a practitioner may certify it at discretion, without the listing's qualifiers, under {route.Citation}{(route.Requirements.Count > 1 ? $"; this route also needs: {string.Join("; ", route.Requirements.Skip(1))}" : "")}.",
        _ => $"{Plain(route.Outcome)} as {EnumNames.Kebab(route.Basis)}{(route.ListedAs is null ? "" : $" ({route.ListedAs})")}, under {route.Citation}.",
    };

    /// <summary>The rule trace: every rule that fired, in order, with the steps it used; and the near-misses.</summary>
    private static void WriteTrace(TextWriter w, EligibilityDecision d)
    {
        w.WriteLine("Why (rules fired, in order):");
        foreach (var s in d.Explanation)
        {
            var uses = s.Uses.Count == 0 ? "" : $" [uses {string.Join(", ", s.Uses)}]";
            w.WriteLine($"  {s.Step}. {s.Rule} ({s.RuleId}){uses}: {s.Conclusion}");
        }

        if (d.NearMisses is { Count: > 0 })
        {
            w.WriteLine();
            w.WriteLine("Why not (rules that did not fire):");
            foreach (var n in d.NearMisses)
            {
                w.WriteLine($"  - {n.Rule} ({n.RuleId}): {string.Join("; ", n.Failed)}");
            }
        }
    }

    private static bool Qualifying(Outcome o) => o is Outcome.Qualifies or Outcome.QualifiesWithRequirements or Outcome.PractitionerDiscretion;

    /// <summary>An outcome in words.</summary>
    private static string Plain(Outcome o) => o switch
    {
        Outcome.Qualifies => "qualifies",
        Outcome.QualifiesWithRequirements => "qualifies with requirements",
        Outcome.PractitionerDiscretion => "not listed, but a practitioner may certify it",
        Outcome.NotQualifying => "does not qualify",
        Outcome.NoProgram => "no medical-cannabis program on this date",
        Outcome.LawUnknown => "unknown: the data does not establish it, so check the cited law",
        Outcome.UnknownCondition => "condition not recognized",
        _ => EnumNames.Kebab(o),
    };

    /// <summary>
    /// One condition in every jurisdiction: a header (the condition as read, the date, the columns) and one row per
    /// jurisdiction; for a condition that could not be read, one line with suggestions instead of a row per jurisdiction.
    /// </summary>
    public static void WriteScan(TextWriter w, IReadOnlyList<EligibilityDecision> decisions)
    {
        if (decisions.Count == 0)
        {
            w.WriteLine("No jurisdictions are loaded.");
            return;
        }

        var first = decisions[0].Conditions[0];
        if (first.Condition is null)
        {
            var hint = first.Suggestions is { Count: > 0 } ? $" Did you mean: {string.Join(", ", first.Suggestions)}?" : " Try an id, a name or an ICD-10-CM code (eligibility resolve shows how an input is read).";
            w.WriteLine($"\"{first.Input}\" is not recognized as a condition, so no jurisdiction was checked.{hint}");
            return;
        }

        w.WriteLine($"{first.ConditionName} in {decisions.Count} jurisdictions, as of {Day(decisions[0].AsOf)} ({ReadAs(first.Input, first.ConditionName, first.ReadAs)})");
        w.WriteLine($"{"code",-6}{"outcome",-29}{"basis",-25}citation");
        foreach (var d in decisions)
        {
            var c = d.Conditions[0];
            var scope = c.ProductScope is null ? "" : $"[{c.ProductScope}] ";
            w.WriteLine($"{d.Jurisdiction,-6}{EnumNames.Kebab(c.Outcome),-29}{EnumNames.Kebab(c.Basis),-25}{scope}{c.Citation ?? "-"}");
        }

        w.WriteLine(Notice);
    }

    public static void WriteResolutions(TextWriter w, IEnumerable<ConditionResolution> results)
    {
        foreach (var r in results)
        {
            var right = r.ConditionId is null
                ? $"no match{(r.Suggestions.Count == 0 ? "" : $"; suggestions: {string.Join(", ", r.Suggestions)}")}"
                : $"{r.ConditionId} (score {r.Score.ToString("0.00", CultureInfo.InvariantCulture)})";
            w.WriteLine($"{ReadAs(r.Input, r.ConditionName, ConditionReading.From(r))} -> {right}");
        }
    }

    /// <summary>How one input was read, in one line: "'heroin addiction' read as Opioid use disorder (synonym)".</summary>
    /// <param name="input">The caller's text.</param>
    /// <param name="conditionName">The condition it was read as, or null.</param>
    /// <param name="reading">How it was read; null when not recorded.</param>
    /// <returns>The line, without indentation.</returns>
    public static string ReadAs(string input, string? conditionName, ConditionReading? reading)
    {
        var quoted = $"'{input.Trim()}'";
        if (reading is null)
        {
            return conditionName is null ? $"{quoted} not read as a condition" : $"{quoted} read as {conditionName}";
        }

        var details = new List<string> { reading.Kind };
        if (reading.Matched is { } matched && !string.Equals(matched, input.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            details.Add($"from '{matched}'");
        }

        if (reading.DurationMonths is { } months)
        {
            details.Add($"{months} months");
        }

        if (conditionName is not null)
        {
            var note = reading.Note is null ? "" : $"; {reading.Note}";
            return $"{quoted} read as {conditionName} ({string.Join(", ", details)}{note})";
        }

        var why = reading.Note is null ? "" : $": {reading.Note}";
        return reading.Kind == "negated" ? $"{quoted} not read as the patient's condition{why}" : $"{quoted} not read as a condition{why}";
    }

    public static void WriteStates(TextWriter w, IReadOnlyList<JurisdictionSummary> list)
    {
        w.WriteLine($"{"code",-5}{"program",-15}{"since",-12}{"adult use",-11}{"discretion",-12}{"verified",-12}{"confidence",-12}{"facts h/m/l",-14}oldest read");
        foreach (var s in list)
        {
            var adult = s.AdultUse switch { true => "yes", false => "no", _ => "unknown" };
            w.WriteLine($"{s.Code,-5}{EnumNames.Kebab(s.Program),-15}{(s.ProgramSince is { } since ? Day(since) : "-"),-12}{adult,-11}{(s.PractitionerDiscretion ? "yes" : "no"),-12}{Day(s.LastVerified),-12}{EnumNames.Kebab(s.Confidence),-12}{FactCounts(s.FactConfidence),-14}{(s.OldestRetrieved is { } oldest ? Day(oldest) : "-")}");
        }
    }

    public static void WriteKratom(TextWriter w, KratomAnswer k)
    {
        var age = k.MinimumAge is { } a ? $", minimum age {a}" : "";
        w.WriteLine($"Kratom in {k.Jurisdiction} as of {Day(k.AsOf)}: {EnumNames.Kebab(k.Status)}{age}");
        if (k.Citation is not null)
        {
            w.WriteLine($"  Citation: {k.Citation}{(k.Confidence is null ? "" : $" ({EnumNames.Kebab(k.Confidence.Value)} confidence)")}");
        }

        if (k.SourceUrl is not null)
        {
            w.WriteLine($"  Source: {k.SourceUrl}");
        }

        if (k.Note is not null)
        {
            w.WriteLine($"  Note: {k.Note}");
        }
    }

    public static void WriteHistory(TextWriter w, ConditionHistory h)
    {
        w.WriteLine($"{h.ConditionName} [{h.Condition}] in {h.Jurisdiction}:");
        foreach (var p in h.Periods)
        {
            var from = p.From is { } f ? Day(f) : "(earliest)";
            var until = p.Until is { } u ? Day(u) : "today";
            var listed = p.ListedAs is null ? "" : $", listed as {p.ListedAs}";
            w.WriteLine($"  {from} .. {until}  {EnumNames.Kebab(p.Outcome)} (basis: {EnumNames.Kebab(p.Basis)}{listed})");
            if (p.Citation is not null)
            {
                w.WriteLine($"      {p.Citation}");
            }

            foreach (var r in p.Requirements)
            {
                w.WriteLine($"      - to attest: {r}");
            }
        }

        w.WriteLine("Periods run from the first day up to, not including, the second. " + Notice);
    }

    public static void WriteDiff(TextWriter w, DateOnly from, DateOnly to, IReadOnlyList<LawChange> changes)
    {
        w.WriteLine($"Changes between {Day(from)} and {Day(to)}: {changes.Count}");
        foreach (var c in changes)
        {
            w.WriteLine($"  {c.Jurisdiction}  {(c.Date is { } d ? Day(d) : "(date not recorded)"),-20} {EnumNames.Kebab(c.Kind),-21} {c.Description}");
            w.WriteLine($"      {c.Citation}");
        }
    }

    public static void WriteRecheck(TextWriter w, IReadOnlyList<RecheckResult> results)
    {
        foreach (var r in results)
        {
            var verdict = r.Changed ? "CHANGED" : "same";
            w.WriteLine($"{verdict}: {r.Jurisdiction} [{string.Join(", ", r.Conditions)}] {Day(r.PreviousAsOf)} {EnumNames.Kebab(r.PreviousOutcome)} -> {Day(r.AsOf)} {EnumNames.Kebab(r.Outcome)}");
            foreach (var reason in r.Reasons)
            {
                w.WriteLine($"  - {reason}");
            }
        }

        w.WriteLine($"{results.Count(r => r.Changed)} of {results.Count} decision(s) would now come out differently.");
    }

    /// <summary>Fact counts as "high/medium/low", the form the states list and the jurisdictions table share.</summary>
    internal static string FactCounts(ConfidenceCounts c) => string.Create(CultureInfo.InvariantCulture, $"{c.High}/{c.Medium}/{c.Low}");

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

}
