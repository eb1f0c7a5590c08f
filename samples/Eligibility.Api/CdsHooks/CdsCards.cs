using System.Globalization;
using System.Text;
using Eligibility.Fhir;

namespace Eligibility.Api.CdsHooks;

/// <summary>
/// One legal route to a card for one condition, read from the decision's <c>routes</c> (<see cref="Of"/>): every route
/// gets its card.
/// </summary>
internal sealed record QualifyingRoute(Outcome Outcome, Basis Basis, string? Citation, string? SourceUrl, IReadOnlyList<string> Requirements, string? Wording, string? ListedAs, string? ProductScope)
{
    /// <summary>The routes of a condition result that lead to a card: qualifies, qualifies with requirements, practitioner discretion.</summary>
    public static IEnumerable<QualifyingRoute> Of(ConditionDecision result)
    {
        // One card per legal route to a card (a listing, a practitioner catch-all, ...), best first.
        foreach (var r in result.Routes)
        {
            var route = new QualifyingRoute(r.Outcome, r.Basis, r.Citation, r.SourceUrl, r.Requirements, r.Wording, r.ListedAs, result.ProductScope);
            if (route.IsQualifying)
            {
                yield return route;
            }
        }
    }

    public bool IsQualifying => Outcome is Outcome.Qualifies or Outcome.QualifiesWithRequirements or Outcome.PractitionerDiscretion;
}

/// <summary>Turns a decision made from FHIR records into CDS Hooks cards: one per qualifying route.</summary>
internal static class CdsCards
{
    public const int MaxSummaryLength = 140;

    public static IReadOnlyList<CdsCard> From(FhirEligibilityResult result)
    {
        if (result.Decision is not { } decision)
        {
            return [];
        }

        var cards = new List<CdsCard>();
        // The decision has one result per query condition, in the order of the mapping's claims.
        for (var i = 0; i < decision.Conditions.Count; i++)
        {
            var condition = decision.Conditions[i];
            var claim = i < result.Mapping.Conditions.Count ? result.Mapping.Conditions[i] : null;
            foreach (var route in QualifyingRoute.Of(condition))
            {
                cards.Add(Card(decision, condition, claim, route));
            }
        }

        return cards;
    }

    private static CdsCard Card(EligibilityDecision decision, ConditionDecision condition, FhirConditionClaim? claim, QualifyingRoute route)
    {
        var name = condition.ConditionName ?? condition.Condition ?? "The condition";
        var lowThc = route.ProductScope == "low-thc" ? " (low-THC only)" : "";
        var summary = route.Outcome switch
        {
            Outcome.Qualifies => $"{name} qualifies for medical cannabis in {decision.JurisdictionName}{lowThc}",
            Outcome.QualifiesWithRequirements => $"{name} may qualify for medical cannabis in {decision.JurisdictionName}{lowThc}: requirements to meet",
            _ => $"{name}: a practitioner may certify medical cannabis in {decision.JurisdictionName}{lowThc}",
        };

        return new CdsCard(
            Summary: Shorten(summary),
            Indicator: route.Outcome == Outcome.Qualifies ? "info" : "warning",
            Detail: Detail(decision, condition, claim, route),
            Source: new CdsSource(Shorten($"{decision.JurisdictionName} law: {route.Citation ?? "see the decision"}"), route.SourceUrl));
    }

    private static string Detail(EligibilityDecision decision, ConditionDecision condition, FhirConditionClaim? claim, QualifyingRoute route)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**{Escape(condition.Summary)}**\n\n");
        text.Append(CultureInfo.InvariantCulture, $"- Outcome: `{Kebab(route.Outcome)}`, basis: `{Kebab(route.Basis)}`");
        if (route.ListedAs is { } listedAs)
        {
            text.Append(CultureInfo.InvariantCulture, $", listed as `{listedAs}`");
        }

        text.Append('\n');
        if (route.Citation is { } citation)
        {
            text.Append(CultureInfo.InvariantCulture, $"- Law: {Escape(citation)}");
            text.Append(route.SourceUrl is { } url ? $" ([source]({url}))\n" : "\n");
        }

        if (route.Wording is { } wording)
        {
            text.Append(CultureInfo.InvariantCulture, $"- The law's words: \"{Escape(wording)}\"\n");
        }

        if (route.ProductScope == "low-thc")
        {
            text.Append("- Only low-THC products are allowed.\n");
        }

        List(text, "To attest for this condition", route.Requirements);
        List(text, "For the patient", [.. decision.Requirements.Select(r => r.Text)]);
        List(text, "Advice", [.. decision.Advisories.Select(a => a.Text)]);
        if (claim is not null)
        {
            var coding = claim.MatchedBy switch
            {
                "icd-10-cm" => $"ICD-10-CM {claim.Code}",
                "snomed-ct" => $"SNOMED CT {claim.Code} |{claim.Term}|",
                _ => "its text",
            };
            text.Append(CultureInfo.InvariantCulture, $"\nFrom the record: {claim.Resource}, by {Escape(coding)}.\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\nLaw as of {decision.AsOf:yyyy-MM-dd}; data last verified {decision.Data.LastVerified:yyyy-MM-dd} ({Kebab(decision.Data.Confidence)} confidence). Not legal advice: check the cited law.");
        return text.ToString();
    }

    private static void List(StringBuilder text, string title, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        text.Append(CultureInfo.InvariantCulture, $"\n{title}:\n");
        foreach (var item in items)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {Escape(item)}\n");
        }
    }

    private static string Kebab<T>(T value)
        where T : struct, Enum =>
        System.Text.Json.JsonSerializer.Serialize(value, typeof(T), EligibilityJsonContext.Default).Trim('"');

    /// <summary>Law text as literal markdown (its asterisks, brackets and underscores are not formatting).</summary>
    private static string Escape(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#')
            {
                text.Append('\\');
            }

            text.Append(char.IsControl(c) ? ' ' : c);
        }

        return text.ToString();
    }

    private static string Shorten(string value) => value.Length <= MaxSummaryLength ? value : value[..(MaxSummaryLength - 1)] + "…";
}
