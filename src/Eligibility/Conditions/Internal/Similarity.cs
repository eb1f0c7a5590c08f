namespace Eligibility.Conditions.Internal;

/// <summary>String similarity measures used for fuzzy matching and suggestions.</summary>
internal static class Similarity
{
    /// <summary>Optimal-string-alignment (restricted Damerau-Levenshtein) distance, stopping early above <paramref name="max"/>.</summary>
    /// <param name="a">First string.</param>
    /// <param name="b">Second string.</param>
    /// <param name="max">Give up (return <c>max + 1</c>) once the distance must exceed this.</param>
    /// <returns>The number of insertions, deletions, substitutions and adjacent transpositions.</returns>
    public static int Distance(string a, string b, int max = int.MaxValue)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max == int.MaxValue ? max : max + 1;
        }

        var size = b.Length + 1;
        Span<int> buffer = size <= 64 ? stackalloc int[size * 3] : new int[size * 3];
        var previous2 = buffer[..size];
        var previous = buffer.Slice(size, size);
        var current = buffer.Slice(size * 2, size);
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (max != int.MaxValue && rowMin > max)
            {
                return max + 1;
            }

            var recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length];
    }

    /// <summary>Dice coefficient of character trigrams (strings padded with spaces), between 0 and 1.</summary>
    /// <param name="a">First string.</param>
    /// <param name="b">Second string.</param>
    /// <returns>The similarity.</returns>
    public static double TrigramDice(string a, string b) => TrigramDice(TrigramCounts(a), TrigramCounts(b));

    /// <summary>Dice coefficient of two precomputed trigram multisets.</summary>
    /// <param name="a">Trigram counts of the first string.</param>
    /// <param name="b">Trigram counts of the second string.</param>
    /// <returns>The similarity.</returns>
    public static double TrigramDice(TrigramSet a, TrigramSet b)
    {
        if (a.Total == 0 || b.Total == 0)
        {
            return 0;
        }

        var (small, large) = a.Counts.Count <= b.Counts.Count ? (a, b) : (b, a);
        var common = 0;
        foreach (var (gram, count) in small.Counts)
        {
            if (large.Counts.TryGetValue(gram, out var other))
            {
                common += Math.Min(count, other);
            }
        }

        return 2.0 * common / (a.Total + b.Total);
    }

    /// <summary>Counts the trigrams of a string padded with spaces.</summary>
    /// <param name="s">The string.</param>
    /// <returns>The trigram multiset.</returns>
    public static TrigramSet TrigramCounts(string s)
    {
        var counts = new Dictionary<long, int>();
        if (s.Length == 0)
        {
            return new TrigramSet(counts, 0);
        }

        var padded = "  " + s + " ";
        var total = 0;
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            var gram = ((long)padded[i] << 32) | ((long)padded[i + 1] << 16) | padded[i + 2];
            counts[gram] = counts.GetValueOrDefault(gram) + 1;
            total++;
        }

        return new TrigramSet(counts, total);
    }
}

/// <summary>A multiset of character trigrams.</summary>
/// <param name="Counts">Occurrences of each trigram.</param>
/// <param name="Total">Number of trigrams.</param>
internal sealed record TrigramSet(Dictionary<long, int> Counts, int Total);
