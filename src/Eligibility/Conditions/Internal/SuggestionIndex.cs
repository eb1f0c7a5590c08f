namespace Eligibility.Conditions.Internal;

/// <summary>
/// Inverted indexes over the suggestion terms (trigram to terms, word to terms), so that scoring a text touches only
/// the terms that share a trigram or a word with it instead of every term of the catalog. Immutable and thread-safe.
/// </summary>
internal sealed class SuggestionIndex
{
    private readonly SuggestionTerm[] terms;
    private readonly Dictionary<long, (int Term, int Count)[]> byTrigram;
    private readonly Dictionary<string, int[]> byWord;

    /// <summary>Builds the indexes.</summary>
    /// <param name="terms">The suggestion terms.</param>
    public SuggestionIndex(SuggestionTerm[] terms)
    {
        this.terms = terms;
        var trigrams = new Dictionary<long, List<(int, int)>>();
        var words = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var t = 0; t < terms.Length; t++)
        {
            foreach (var (gram, count) in terms[t].Trigrams.Counts)
            {
                if (!trigrams.TryGetValue(gram, out var list))
                {
                    trigrams[gram] = list = [];
                }

                list.Add((t, count));
            }

            foreach (var word in terms[t].Words.Distinct(StringComparer.Ordinal))
            {
                if (!words.TryGetValue(word, out var list))
                {
                    words[word] = list = [];
                }

                list.Add(t);
            }
        }

        byTrigram = trigrams.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
        byWord = words.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The terms.</summary>
    public IReadOnlyList<SuggestionTerm> Terms => terms;

    /// <summary>For each term sharing a trigram with the query: the Dice coefficient of their trigram multisets.</summary>
    /// <param name="query">The query's trigrams.</param>
    /// <returns>Term index to Dice score; terms absent score 0.</returns>
    public Dictionary<int, double> Dice(TrigramSet query)
    {
        var common = new Dictionary<int, int>();
        foreach (var (gram, count) in query.Counts)
        {
            if (!byTrigram.TryGetValue(gram, out var postings))
            {
                continue;
            }

            foreach (var (term, termCount) in postings)
            {
                common[term] = common.GetValueOrDefault(term) + Math.Min(count, termCount);
            }
        }

        var scores = new Dictionary<int, double>(common.Count);
        foreach (var (term, shared) in common)
        {
            scores[term] = 2.0 * shared / (query.Total + terms[term].Trigrams.Total);
        }

        return scores;
    }

    /// <summary>The terms that contain a word.</summary>
    /// <param name="word">A normalised word.</param>
    /// <returns>Term indexes.</returns>
    public int[] WithWord(string word) => byWord.TryGetValue(word, out var list) ? list : [];
}
