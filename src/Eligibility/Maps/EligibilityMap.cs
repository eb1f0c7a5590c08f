using Eligibility.Maps.Internal;

namespace Eligibility.Maps;

/// <summary>
/// A tile-grid map of one condition's outcome in every jurisdiction on one day: one equal square per jurisdiction in
/// its usual grid position, the territories in a row of their own. Build it from a scan
/// (<see cref="FromDecisions"/>, or <see cref="Create"/> with an engine) and render it as SVG
/// (<see cref="ToSvg"/>), as a plain-text grid (<see cref="ToText"/>) or as JSON
/// (<c>EligibilityJsonContext.Default.EligibilityMap</c>).
/// </summary>
/// <remarks>
/// Each tile's outcome is its decision's overall <see cref="EligibilityDecision.Outcome"/>, so a patient-level
/// requirement that blocks the condition (a visitor where visitors cannot register) shows on the map as it does in
/// the decision.
/// </remarks>
public sealed record EligibilityMap
{
    /// <summary>The canonical condition id, or null when the condition was not recognised.</summary>
    public required string? Condition { get; init; }

    /// <summary>The condition as read (its display name), or null when it was not recognised.</summary>
    public required string? ConditionName { get; init; }

    /// <summary>The day the law was read on.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>The patient's age the map was drawn for, if any.</summary>
    public int? Age { get; init; }

    /// <summary>True when the map was drawn for a patient who is not a resident.</summary>
    public bool Visitor { get; init; }

    /// <summary>One tile per jurisdiction, ordered by code.</summary>
    public required IReadOnlyList<MapTile> Tiles { get; init; }

    /// <summary>Draws the map of a scan: one decision per jurisdiction, each for the same single condition and day.</summary>
    /// <param name="decisions">The decisions, e.g. from <see cref="IEligibilityEngine.Scan"/>.</param>
    /// <returns>The map.</returns>
    /// <exception cref="ArgumentException">No decisions, a decision without exactly one condition, two decisions for one jurisdiction, or decisions for different days or conditions.</exception>
    public static EligibilityMap FromDecisions(IReadOnlyList<EligibilityDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        if (decisions.Count == 0)
        {
            throw new ArgumentException("A map needs at least one decision; pass the result of IEligibilityEngine.Scan.", nameof(decisions));
        }

        var first = decisions[0];
        var tiles = new List<MapTile>(decisions.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var extra = 0;
        foreach (var d in decisions)
        {
            ArgumentNullException.ThrowIfNull(d, nameof(decisions));
            if (d.Conditions.Count != 1)
            {
                throw new ArgumentException($"A map shows one condition; the decision for {d.Jurisdiction} has {d.Conditions.Count}.", nameof(decisions));
            }

            if (d.AsOf != first.AsOf || d.Conditions[0].Condition != first.Conditions[0].Condition)
            {
                throw new ArgumentException($"A map shows one condition on one day; the decision for {d.Jurisdiction} is for another condition or day than the one for {first.Jurisdiction}.", nameof(decisions));
            }

            if (!seen.Add(d.Jurisdiction))
            {
                throw new ArgumentException($"Two decisions for {d.Jurisdiction}; a map has one tile per jurisdiction.", nameof(decisions));
            }

            // A jurisdiction the grid does not place (a custom data directory) goes at the end of the territories' row.
            var (column, row) = TileGrid.TryGetPosition(d.Jurisdiction, out var position) ? position : (TileGrid.ExtraColumn(extra++), TileGrid.ExtraRow);
            tiles.Add(MapTile.Of(d, column, row));
        }

        tiles.Sort((a, b) => string.CompareOrdinal(a.Jurisdiction, b.Jurisdiction));
        return new EligibilityMap
        {
            Condition = first.Conditions[0].Condition,
            ConditionName = first.Conditions[0].ConditionName,
            AsOf = first.AsOf,
            Age = first.Query?.Age,
            Visitor = first.Query?.Visitor ?? false,
            Tiles = tiles,
        };
    }

    /// <summary>Scans a query in every jurisdiction (<see cref="EligibilityEngineExtensions.Scan"/>) and draws the map of its one condition.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="template">The query: one condition text, and optionally the day, age and visitor status (its jurisdiction is ignored).</param>
    /// <param name="cancellationToken">Stops the scan.</param>
    /// <returns>The map.</returns>
    /// <exception cref="ArgumentException">The template is malformed, has more than one condition, or its text names several conditions (the message lists their ids: map each with <see cref="CreateEach"/>).</exception>
    public static EligibilityMap Create(IEligibilityEngine engine, EligibilityQuery template, CancellationToken cancellationToken = default)
    {
        var maps = CreateEach(engine, template, cancellationToken);
        return maps.Count == 1
            ? maps[0]
            : throw new ArgumentException($"The condition text names {maps.Count} conditions ({string.Join(", ", maps.Select(m => m.Condition))}); a map shows one: send one of them.", nameof(template));
    }

    /// <summary>
    /// Draws one map for each condition the template's condition text names, as a decision reads it: "OUD and chronic
    /// back pain" gives a map for opioid use disorder and one for chronic pain; text that names nothing gives one map of
    /// <c>unknown-condition</c> tiles.
    /// </summary>
    /// <param name="engine">The engine.</param>
    /// <param name="template">The query: one condition text, and optionally the day, age and visitor status (its jurisdiction is ignored).</param>
    /// <param name="cancellationToken">Stops the scans.</param>
    /// <returns>The maps, in the order the decision lists the conditions.</returns>
    /// <exception cref="ArgumentException">The template is malformed or has more than one condition.</exception>
    public static IReadOnlyList<EligibilityMap> CreateEach(IEligibilityEngine engine, EligibilityQuery template, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(template);
        if (template.Conditions is not { Count: 1 })
        {
            throw new ArgumentException("A map shows one condition; send exactly one in Conditions.", nameof(template));
        }

        var jurisdictions = engine.Jurisdictions;
        if (jurisdictions.Count == 0)
        {
            throw new ArgumentException("The engine has no jurisdictions loaded; there is nothing to map.", nameof(engine));
        }

        // Read the text once the way a decision reads it, so the maps split it exactly as check does.
        var probe = engine.Evaluate(template with { Jurisdiction = jurisdictions[0].Code, Explain = false }, cancellationToken);
        var ids = probe.Conditions.Select(c => c.Condition).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count <= 1)
        {
            return [FromDecisions(engine.Scan(template with { AsOf = probe.AsOf }, cancellationToken))];
        }

        return [.. ids.Select(id => FromDecisions(engine.Scan(template with { Conditions = [id], AsOf = probe.AsOf }, cancellationToken)))];
    }

    /// <summary>
    /// The map as a standalone SVG document: a title naming the condition as read and the day, one tile per
    /// jurisdiction (a <c>g</c> element with <c>data-jurisdiction</c>, <c>data-outcome</c> in kebab case and a
    /// <c>title</c> giving the outcome and citation) showing its USPS code and an outcome mark, and a legend. Colours
    /// are told apart by readers with colour-vision deficiencies and by their marks; tile text meets WCAG AA contrast.
    /// Styling is in presentation attributes only (no <c>style</c> element), so the SVG can be inlined in a page with a
    /// strict Content-Security-Policy. All text is XML-escaped.
    /// </summary>
    /// <returns>The SVG markup.</returns>
    public string ToSvg() => SvgMapWriter.Write(this);

    /// <summary>The map as a compact text grid: each jurisdiction's code and outcome mark in its grid position, then the legend.</summary>
    /// <returns>The text, lines ending in <c>\n</c>.</returns>
    public string ToText() => TextMapWriter.Write(this);
}

/// <summary>One jurisdiction's tile on an <see cref="EligibilityMap"/>.</summary>
/// <param name="Jurisdiction">USPS code.</param>
/// <param name="Name">Jurisdiction name.</param>
/// <param name="Outcome">The decision's overall outcome.</param>
/// <param name="Summary">The outcome in one plain sentence.</param>
/// <param name="Citation">The law behind the outcome, if any.</param>
/// <param name="SourceUrl">The source behind the outcome, if any.</param>
/// <param name="LastVerified">When the jurisdiction's data was last verified.</param>
/// <param name="Column">Grid column, from 0 at the west.</param>
/// <param name="Row">Grid row, from 0 at the north; the territories' row is the last.</param>
public sealed record MapTile(string Jurisdiction, string Name, Outcome Outcome, string Summary, string? Citation, string? SourceUrl, DateOnly LastVerified, int Column, int Row)
{
    internal static MapTile Of(EligibilityDecision d, int column, int row)
    {
        var condition = d.Conditions[0];
        if (d.Outcome == condition.Outcome)
        {
            return new MapTile(d.Jurisdiction, d.JurisdictionName, d.Outcome, condition.Summary, condition.Citation, condition.SourceUrl, d.Data.LastVerified, column, row);
        }

        // A patient-level requirement changed the outcome (visitors cannot register, a minor needs a caregiver): cite
        // that requirement when it has a citation (its source is not recorded, so none is given rather than the listing's).
        var requirement = d.Requirements.FirstOrDefault(r => r.Kind == RequirementKind.Blocking && r.Citation is not null)
            ?? d.Requirements.FirstOrDefault(r => r.Kind == RequirementKind.Additional && r.Citation is not null);
        return requirement is null
            ? new MapTile(d.Jurisdiction, d.JurisdictionName, d.Outcome, d.Summary, condition.Citation, condition.SourceUrl, d.Data.LastVerified, column, row)
            : new MapTile(d.Jurisdiction, d.JurisdictionName, d.Outcome, d.Summary, requirement.Citation, null, d.Data.LastVerified, column, row);
    }
}
