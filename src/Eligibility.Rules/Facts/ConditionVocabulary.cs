namespace Eligibility.Rules;

/// <summary>
/// Input fact: the condition vocabulary's relations, as the rules need them (broader conditions and names).
/// The <c>Eligibility</c> package supplies one over its catalog; tests build small ones with <see cref="FromRelations"/>.
/// </summary>
public abstract class ConditionVocabulary
{
    /// <summary>The conditions a condition is a kind of (transitive <c>is_a</c>), nearest first.</summary>
    /// <param name="conditionId">Canonical id.</param>
    /// <returns>The broader conditions.</returns>
    public abstract IReadOnlyList<ConditionRef> Broader(string conditionId);

    /// <summary>
    /// Narrower conditions that are the condition plus one qualifier (intractable pain is chronic pain that is
    /// intractable), so a listing of the narrower one admits the broader one once that qualifier is shown.
    /// </summary>
    /// <param name="conditionId">Canonical id of the broader condition.</param>
    /// <returns>The narrower conditions with their defining qualifier.</returns>
    public abstract IReadOnlyList<(ConditionRef Condition, QualifierKind Qualifier)> NarrowerByQualifier(string conditionId);

    /// <summary>The display name of a condition (the id when unknown).</summary>
    /// <param name="conditionId">Canonical id.</param>
    /// <returns>The name.</returns>
    public abstract string NameOf(string conditionId);

    /// <summary>A vocabulary from explicit relations.</summary>
    /// <param name="names">Display names by id.</param>
    /// <param name="isA">Direct broader conditions by id.</param>
    /// <param name="definingQualifiers">For a narrower condition that is its parent plus one qualifier, that qualifier.</param>
    /// <returns>The vocabulary.</returns>
    public static ConditionVocabulary FromRelations(IReadOnlyDictionary<string, string> names, IReadOnlyDictionary<string, string[]> isA, IReadOnlyDictionary<string, QualifierKind>? definingQualifiers = null) =>
        new DictionaryVocabulary(names, isA, definingQualifiers ?? new Dictionary<string, QualifierKind>());

    private sealed class DictionaryVocabulary(IReadOnlyDictionary<string, string> names, IReadOnlyDictionary<string, string[]> isA, IReadOnlyDictionary<string, QualifierKind> defining) : ConditionVocabulary
    {
        public override IReadOnlyList<(ConditionRef Condition, QualifierKind Qualifier)> NarrowerByQualifier(string conditionId) =>
            [.. defining.Where(d => (isA.GetValueOrDefault(d.Key) ?? []).Contains(conditionId)).Select(d => (new ConditionRef(d.Key, NameOf(d.Key)), d.Value))];

        public override IReadOnlyList<ConditionRef> Broader(string conditionId)
        {
            var result = new List<ConditionRef>();
            var queue = new Queue<string>([conditionId]);
            while (queue.Count > 0)
            {
                foreach (var parent in isA.GetValueOrDefault(queue.Dequeue()) ?? [])
                {
                    if (result.TrueForAll(r => r.Id != parent))
                    {
                        result.Add(new ConditionRef(parent, NameOf(parent)));
                        queue.Enqueue(parent);
                    }
                }
            }

            return result;
        }

        public override string NameOf(string conditionId) => names.GetValueOrDefault(conditionId) ?? conditionId;
    }
}
