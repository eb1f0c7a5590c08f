using Eligibility.Rules;

namespace Eligibility.Internal;

/// <summary>The catalog's relations as the rules see them; closures precomputed once (the catalog is immutable).</summary>
/// <remarks>
/// Built at start-up, so plain dictionaries filled by loops: a frozen dictionary's faster lookup is worth nothing for the
/// few lookups a query makes, and building one (and JIT-compiling the code that builds it) cost milliseconds of cold start.
/// </remarks>
internal sealed class CatalogVocabulary : ConditionVocabulary
{
    private readonly Dictionary<string, ConditionRef[]> _broader;
    private readonly ConditionCatalog _catalog;
    private readonly Dictionary<string, (ConditionRef, QualifierKind)[]> _narrower;

    public CatalogVocabulary(ConditionCatalog catalog)
    {
        _catalog = catalog;
        _broader = new Dictionary<string, ConditionRef[]>(catalog.All.Count, StringComparer.Ordinal);
        foreach (var condition in catalog.All)
        {
            var broader = catalog.Broader(condition.Id);
            var refs = new ConditionRef[broader.Count];
            for (var i = 0; i < refs.Length; i++)
            {
                refs[i] = new ConditionRef(broader[i], catalog.Find(broader[i])?.Name ?? broader[i]);
            }

            _broader.Add(condition.Id, refs);
        }

        // Narrower conditions by parent, parents and their narrower conditions in order of first appearance.
        var narrower = new Dictionary<string, List<(ConditionRef, QualifierKind)>>(StringComparer.Ordinal);
        foreach (var (id, qualifier) in DefiningQualifiers.ById)
        {
            foreach (var parent in catalog.Broader(id))
            {
                if (!narrower.TryGetValue(parent, out var list))
                {
                    narrower.Add(parent, list = []);
                }

                list.Add((new ConditionRef(id, catalog.Find(id)?.Name ?? id), qualifier));
            }
        }

        _narrower = new Dictionary<string, (ConditionRef, QualifierKind)[]>(narrower.Count, StringComparer.Ordinal);
        foreach (var (parent, list) in narrower)
        {
            _narrower.Add(parent, [.. list]);
        }
    }

    public override IReadOnlyList<ConditionRef> Broader(string conditionId) => _broader.GetValueOrDefault(conditionId) ?? [];

    public override IReadOnlyList<(ConditionRef Condition, QualifierKind Qualifier)> NarrowerByQualifier(string conditionId) =>
        _narrower.GetValueOrDefault(conditionId) ?? [];

    public override string NameOf(string conditionId) => _catalog.Find(conditionId)?.Name ?? conditionId;
}
