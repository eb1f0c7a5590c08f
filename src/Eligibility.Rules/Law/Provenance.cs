namespace Eligibility.Law;

/// <summary>Where a fact of law comes from.</summary>
/// <param name="Citation">Statute, regulation or agency citation.</param>
/// <param name="SourceUrl">The page the fact was read from.</param>
/// <param name="Retrieved">The date it was read.</param>
/// <param name="Confidence">How sure the data is.</param>
/// <param name="Note">Conflicts, dates, caveats; may be null.</param>
public sealed record Provenance(string Citation, string SourceUrl, DateOnly Retrieved, Confidence Confidence, string? Note);

/// <summary>A source document of a jurisdiction file.</summary>
/// <param name="Url">Address.</param>
/// <param name="Title">Title.</param>
/// <param name="Retrieved">Date read.</param>
/// <param name="Kind">statute, regulation, agency, court or secondary.</param>
public sealed record Source(string Url, string Title, DateOnly Retrieved, string Kind);
