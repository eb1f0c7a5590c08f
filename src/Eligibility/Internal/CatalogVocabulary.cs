using System.Collections.Frozen;
using Eligibility.Rules;

namespace Eligibility.Internal;

/// <summary>The catalog's relations as the rules see them; closures precomputed once (the catalog is immutable).</summary>
internal sealed class CatalogVocabulary : ConditionVocabulary
{
    private readonly FrozenDictionary<string, ConditionRef[]> _broader;
    private readonly ConditionCatalog _catalog;
    private readonly FrozenDictionary<string, (ConditionRef, QualifierKind)[]> _narrower;

    public CatalogVocabulary(ConditionCatalog catalog)
    {
        _catalog = catalog;
        _broader = catalog.All.ToFrozenDictionary(c => c.Id, c => catalog.Broader(c.Id).Select(b => new ConditionRef(b, catalog.Find(b)?.Name ?? b)).ToArray(), StringComparer.Ordinal);
        _narrower = DefiningQualifiers.ById
            .SelectMany(d => catalog.Broader(d.Key).Select(parent => (Parent: parent, Narrower: (new ConditionRef(d.Key, catalog.Find(d.Key)?.Name ?? d.Key), d.Value))))
            .GroupBy(x => x.Parent)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Narrower).ToArray(), StringComparer.Ordinal);
    }

    public override IReadOnlyList<ConditionRef> Broader(string conditionId) => _broader.GetValueOrDefault(conditionId) ?? [];

    public override IReadOnlyList<(ConditionRef Condition, QualifierKind Qualifier)> NarrowerByQualifier(string conditionId) =>
        _narrower.GetValueOrDefault(conditionId) ?? [];

    public override string NameOf(string conditionId) => _catalog.Find(conditionId)?.Name ?? conditionId;
}
