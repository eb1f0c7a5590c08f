using Eligibility.Conditions.Internal;

namespace Eligibility;

/// <summary>
/// The immutable set of canonical conditions with their relations. Use <see cref="Default"/> for the
/// built-in vocabulary, or construct one from your own definitions (validated on construction).
/// </summary>
public sealed class ConditionCatalog
{
    private static readonly Lazy<ConditionCatalog> DefaultCatalog =
        new(() => new ConditionCatalog(CatalogFileReader.Embedded.Conditions, CatalogFileReader.Embedded.Lexicon), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, ConditionDefinition> byId;
    private readonly Dictionary<string, IReadOnlyList<string>> broader;

    /// <summary>Creates a catalog from definitions, checking ids are unique and relations are known and acyclic.</summary>
    /// <param name="definitions">The condition definitions.</param>
    /// <exception cref="ArgumentException">An id is empty, duplicated, or a relation names an unknown id.</exception>
    /// <exception cref="InvalidOperationException">The is_a relations contain a cycle.</exception>
    public ConditionCatalog(IEnumerable<ConditionDefinition> definitions)
        : this(definitions, null)
    {
    }

    /// <summary>Creates a catalog with the lexicon (non-condition phrases, substances, medications) it is read with.</summary>
    /// <param name="definitions">The condition definitions.</param>
    /// <param name="lexicon">The lexicon; <see langword="null"/> for the one of the built-in catalog file.</param>
    internal ConditionCatalog(IEnumerable<ConditionDefinition> definitions, CatalogLexicon? lexicon)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        Lexicon = lexicon ?? CatalogFileReader.Embedded.Lexicon;
        var list = definitions.ToList();
        var map = new Dictionary<string, ConditionDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var definition in list)
        {
            ArgumentNullException.ThrowIfNull(definition);
            if (string.IsNullOrWhiteSpace(definition.Id))
            {
                throw new ArgumentException("A condition has an empty id.", nameof(definitions));
            }

            if (!map.TryAdd(definition.Id, definition))
            {
                throw new ArgumentException($"Duplicate condition id '{definition.Id}'.", nameof(definitions));
            }
        }

        foreach (var definition in list)
        {
            foreach (var parent in definition.IsA.Concat(definition.Implies))
            {
                if (!map.ContainsKey(parent))
                {
                    throw new ArgumentException($"Condition '{definition.Id}' refers to unknown id '{parent}'.", nameof(definitions));
                }
            }
        }

        All = list.AsReadOnly();
        byId = map.ToDictionary(StringComparer.OrdinalIgnoreCase);
        broader = list.ToDictionary(d => d.Id, d => ComputeBroader(d.Id, map), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The non-condition phrases and the substance and medication lexicon the resolver reads text with.</summary>
    internal CatalogLexicon Lexicon { get; }

    /// <summary>The built-in vocabulary shared by data files, rules and callers, read from data/conditions/conditions.json.</summary>
    public static ConditionCatalog Default => DefaultCatalog.Value;

    /// <summary>Every condition, in catalog order.</summary>
    public IReadOnlyList<ConditionDefinition> All { get; }

    /// <summary>Finds a condition by id (case-insensitive).</summary>
    /// <param name="id">The condition id.</param>
    /// <returns>The definition, or <see langword="null"/> when the id is unknown.</returns>
    public ConditionDefinition? Find(string id) =>
        id is not null && byId.TryGetValue(id.Trim(), out var definition) ? definition : null;

    /// <summary>Whether the catalog holds the id (case-insensitive).</summary>
    /// <param name="id">The condition id.</param>
    /// <returns><see langword="true"/> when the id is known.</returns>
    public bool Contains(string id) => Find(id) is not null;

    /// <summary>The transitive is_a closure of a condition: broader ids, nearest first, without duplicates or the id itself.</summary>
    /// <param name="id">The condition id.</param>
    /// <returns>The broader ids; empty for an unknown id or a root condition.</returns>
    public IReadOnlyList<string> Broader(string id) =>
        id is not null && broader.TryGetValue(id.Trim(), out var result) ? result : [];

    /// <summary>The ids that a code of this condition also asserts (the condition's <c>implies</c> relation).</summary>
    /// <param name="id">The condition id.</param>
    /// <returns>The implied ids; empty when there are none or the id is unknown.</returns>
    public IReadOnlyList<string> ImpliedByCode(string id) => Find(id)?.Implies ?? [];

    private static IReadOnlyList<string> ComputeBroader(string id, Dictionary<string, ConditionDefinition> map)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { id };
        var queue = new Queue<string>();
        queue.Enqueue(id);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (var parent in map[current].IsA)
            {
                if (string.Equals(parent, id, StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException($"The is_a relations of '{id}' form a cycle.");
                }

                if (seen.Add(parent))
                {
                    result.Add(map[parent].Id);
                    queue.Enqueue(parent);
                }
            }
        }

        return result.AsReadOnly();
    }
}
