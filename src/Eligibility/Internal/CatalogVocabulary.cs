using System.Collections.Frozen;
using Eligibility.Rules;

namespace Eligibility.Internal;

/// <summary>The catalog's relations as the rules see them; closures precomputed once (the catalog is immutable).</summary>
internal sealed class CatalogVocabulary : ConditionVocabulary
{
    private readonly FrozenDictionary<string, ConditionRef[]> _broader;
    private readonly ConditionCatalog _catalog;

    public CatalogVocabulary(ConditionCatalog catalog)
    {
        _catalog = catalog;
        _broader = catalog.All.ToFrozenDictionary(c => c.Id, c => catalog.Broader(c.Id).Select(b => new ConditionRef(b, catalog.Find(b)?.Name ?? b)).ToArray(), StringComparer.Ordinal);
    }

    public override IReadOnlyList<ConditionRef> Broader(string conditionId) => _broader.GetValueOrDefault(conditionId) ?? [];

    public override string NameOf(string conditionId) => _catalog.Find(conditionId)?.Name ?? conditionId;
}
