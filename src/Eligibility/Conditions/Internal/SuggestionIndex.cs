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
        ConditionIds = [.. terms.Select(t => t.ConditionId).Distinct(StringComparer.Ordinal)];
        var position = ConditionIds.Select((id, k) => (id, k)).ToDictionary(x => x.id, x => x.k, StringComparer.Ordinal);
        ConditionOf = [.. terms.Select(t => position[t.ConditionId])];
        var trigrams = new Dictionary<long, List<(int, int)>>();
        var words = new Dictionary<string, List<int>>(StringComparer.Ordinal);

        // Terms are indexed shortest first (by trigram count), so every trigram's postings are sorted by term length and
        // a query can stop reading them where no longer term could reach the score it needs (see Dice).
        var byLength = new int[terms.Length];
        for (var t = 0; t < byLength.Length; t++)
        {
            byLength[t] = t;
        }

        Array.Sort(byLength, (a, b) => terms[a].Trigrams.Total != terms[b].Trigrams.Total ? terms[a].Trigrams.Total.CompareTo(terms[b].Trigrams.Total) : a.CompareTo(b));
        foreach (var t in byLength)
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

    /// <summary>The condition ids the terms belong to, each once.</summary>
    public string[] ConditionIds { get; }

    /// <summary>For each term, the position of its condition in <see cref="ConditionIds"/>.</summary>
    public int[] ConditionOf { get; }

    /// <summary>The terms.</summary>
    public IReadOnlyList<SuggestionTerm> Terms => terms;

    /// <summary>Per-thread scratch arrays, one slot per term, kept all zero between queries.</summary>
    [ThreadStatic]
    private static SuggestionScratch? cached;

    /// <summary>Borrows the calling thread's scratch arrays (a fresh set when they are in use or sized for another index).</summary>
    /// <returns>Zeroed scratch sized for this index.</returns>
    public SuggestionScratch Rent()
    {
        var scratch = cached;
        cached = null;
        return scratch is not null && scratch.Scores.Length == terms.Length && scratch.Best.Length == ConditionIds.Length
            ? scratch
            : new SuggestionScratch(terms.Length, ConditionIds.Length);
    }

    /// <summary>Zeroes the slots a query touched and keeps the scratch for the thread's next query.</summary>
    /// <param name="scratch">Scratch from <see cref="Rent"/>.</param>
    public void Return(SuggestionScratch scratch)
    {
        scratch.Clear();
        cached = scratch;
    }

    /// <summary>
    /// For each term sharing a trigram with the query whose Dice coefficient can reach <paramref name="needed"/>: the
    /// Dice coefficient of their trigram multisets. A term shares at most all of the query's trigrams, so its
    /// coefficient is at most 2q/(q+t) for a query of q trigrams and a term of t; postings are sorted by t, so reading
    /// one stops at the first term too long to reach the score needed. That bounds the work for a common word ("pain"
    /// shares a trigram with thousands of terms) without changing which terms can score <paramref name="needed"/>.
    /// </summary>
    /// <param name="query">The query's trigrams.</param>
    /// <param name="needed">The lowest coefficient that can matter to the caller; terms that cannot reach it are skipped.</param>
    /// <param name="scratch">Receives the scores of the terms touched (terms absent or skipped score 0).</param>
    public void Dice(TrigramSet query, double needed, SuggestionScratch scratch)
    {
        // 2q/(q+t) >= needed  <=>  t <= q(2/needed - 1); the bound is rounded up, so no term that can reach it is skipped.
        var longest = needed > 0 ? (int)Math.Ceiling(query.Total * ((2.0 / needed) - 1)) : int.MaxValue;
        foreach (var (gram, count) in query.Counts)
        {
            if (!byTrigram.TryGetValue(gram, out var postings))
            {
                continue;
            }

            foreach (var (term, termCount) in postings)
            {
                if (terms[term].Trigrams.Total > longest)
                {
                    break;
                }

                scratch.AddCommon(term, Math.Min(count, termCount));
            }
        }

        foreach (var term in scratch.Touched)
        {
            scratch.Scores[term] = 2.0 * scratch.Common[term] / (query.Total + terms[term].Trigrams.Total);
        }
    }

    /// <summary>The terms that contain a word.</summary>
    /// <param name="word">A normalised word.</param>
    /// <returns>Term indexes.</returns>
    public int[] WithWord(string word) => byWord.TryGetValue(word, out var list) ? list : [];
}

/// <summary>Score accumulators for one suggestion query, indexed by term; <see cref="Touched"/> lists the slots in use.</summary>
internal sealed class SuggestionScratch
{
    private readonly bool[] seen;

    /// <summary>Creates zeroed scratch for a number of terms.</summary>
    /// <param name="terms">The number of terms.</param>
    /// <param name="conditions">The number of conditions.</param>
    public SuggestionScratch(int terms, int conditions)
    {
        Best = new double[conditions];
        Common = new int[terms];
        Scores = new double[terms];
        Shared = new double[terms];
        seen = new bool[terms];
    }

    /// <summary>Trigrams each term shares with the query.</summary>
    public int[] Common { get; }

    /// <summary>Each term's score.</summary>
    public double[] Scores { get; }

    /// <summary>Rarity weight of the words each term shares with the query.</summary>
    public double[] Shared { get; }

    /// <summary>Best score of each condition.</summary>
    public double[] Best { get; }

    /// <summary>Conditions with a non-zero best score.</summary>
    public List<int> Scored { get; } = [];

    /// <summary>Terms with a non-zero slot, in the order first touched.</summary>
    public List<int> Touched { get; } = [];

    /// <summary>Adds shared trigrams to a term.</summary>
    /// <param name="term">The term index.</param>
    /// <param name="count">Trigrams shared.</param>
    public void AddCommon(int term, int count)
    {
        Touch(term);
        Common[term] += count;
    }

    /// <summary>Adds the weight of a shared word to a term.</summary>
    /// <param name="term">The term index.</param>
    /// <param name="weight">The word's rarity.</param>
    public void AddShared(int term, double weight)
    {
        Touch(term);
        Shared[term] += weight;
    }

    /// <summary>Zeroes every touched slot.</summary>
    public void Clear()
    {
        foreach (var t in Touched)
        {
            Common[t] = 0;
            Scores[t] = 0;
            Shared[t] = 0;
            seen[t] = false;
        }

        Touched.Clear();
        foreach (var c in Scored)
        {
            Best[c] = 0;
        }

        Scored.Clear();
    }

    /// <summary>The third-highest best score among the conditions offered so far, or 0 when fewer than three were.</summary>
    /// <returns>The score.</returns>
    public double ThirdBest()
    {
        double first = 0, second = 0, third = 0;
        foreach (var c in Scored)
        {
            var score = Best[c];
            if (score > first)
            {
                (first, second, third) = (score, first, second);
            }
            else if (score > second)
            {
                (second, third) = (score, second);
            }
            else if (score > third)
            {
                third = score;
            }
        }

        return third;
    }

    /// <summary>Raises a condition's best score.</summary>
    /// <param name="condition">The condition's position.</param>
    /// <param name="score">A score of one of its terms.</param>
    public void Offer(int condition, double score)
    {
        if (Best[condition] == 0)
        {
            Scored.Add(condition);
        }

        Best[condition] = Math.Max(Best[condition], score);
    }

    private void Touch(int term)
    {
        if (!seen[term])
        {
            seen[term] = true;
            Touched.Add(term);
        }
    }
}
