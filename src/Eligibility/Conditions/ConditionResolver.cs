namespace Eligibility;

/// <summary>How an input was matched to a condition.</summary>
public enum MatchKind
{
    /// <summary>The canonical id.</summary>
    Id,

    /// <summary>The display name.</summary>
    Name,

    /// <summary>A clinical synonym.</summary>
    Synonym,

    /// <summary>An abbreviation.</summary>
    Abbreviation,

    /// <summary>A lay phrase.</summary>
    LayPhrase,

    /// <summary>An ICD-10-CM code.</summary>
    Code,

    /// <summary>A misspelling, by similarity.</summary>
    Fuzzy,

    /// <summary>The input negates the condition or names a relative's; never mapped.</summary>
    Negated,

    /// <summary>No match.</summary>
    None,
}

/// <summary>The result of resolving one input to a canonical condition.</summary>
/// <param name="Input">The input.</param>
/// <param name="ConditionId">The canonical id, or null when nothing matches.</param>
/// <param name="ConditionName">The display name, or null.</param>
/// <param name="Kind">How it matched.</param>
/// <param name="Score">0 to 1.</param>
/// <param name="Suggestions">Up to three ids, best first, when nothing matched.</param>
/// <param name="ImpliedConditions">Ids a code implies.</param>
/// <param name="Note">Why not matched, if relevant.</param>
public sealed record ConditionResolution(string Input, string? ConditionId, string? ConditionName, MatchKind Kind, double Score, IReadOnlyList<string> Suggestions, IReadOnlyList<string> ImpliedConditions, string? Note);

/// <summary>Turns what people type into canonical conditions.</summary>
public interface IConditionResolver
{
    /// <summary>Resolves one condition.</summary>
    /// <param name="input">The text.</param>
    /// <returns>The resolution.</returns>
    ConditionResolution Resolve(string input);

    /// <summary>Resolves input that may hold several conditions.</summary>
    /// <param name="input">The text.</param>
    /// <returns>One resolution per condition found.</returns>
    IReadOnlyList<ConditionResolution> ResolveAll(string input);
}

/// <summary>A minimal resolver: ids and display names, case-insensitive.</summary>
public sealed class ConditionResolver : IConditionResolver
{
    private readonly ConditionCatalog _catalog;

    /// <summary>Creates the resolver.</summary>
    /// <param name="catalog">The catalog.</param>
    public ConditionResolver(ConditionCatalog catalog) => _catalog = catalog;

    /// <inheritdoc/>
    public ConditionResolution Resolve(string input)
    {
        var text = (input ?? "").Trim();
        var key = text.ToLowerInvariant().Replace(' ', '-');
        var hit = _catalog.Find(key) ?? _catalog.All.FirstOrDefault(c => string.Equals(c.Name, text, StringComparison.OrdinalIgnoreCase));
        return hit is null
            ? new(text, null, null, MatchKind.None, 0, [], [], null)
            : new(text, hit.Id, hit.Name, hit.Id == key ? MatchKind.Id : MatchKind.Name, 1, [], [], null);
    }

    /// <inheritdoc/>
    public IReadOnlyList<ConditionResolution> ResolveAll(string input) => [Resolve(input)];
}
