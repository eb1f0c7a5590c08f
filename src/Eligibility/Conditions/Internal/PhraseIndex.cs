using System.Numerics;

namespace Eligibility.Conditions.Internal;

/// <summary>One indexed term.</summary>
/// <param name="Phrase">The term as written in the catalog.</param>
/// <param name="Key">Its normalised token key.</param>
/// <param name="Condition">The condition, or <see langword="null"/> for a term that must never map (e.g. "sickle cell trait").</param>
/// <param name="Kind">How a match on this term is reported.</param>
/// <param name="IsAbbreviation">Whether the term is an abbreviation (case rules apply inside longer text).</param>
/// <param name="Note">For non-condition terms: why they never map.</param>
internal sealed record TermEntry(string Phrase, string Key, ConditionDefinition? Condition, MatchKind Kind, bool IsAbbreviation, string? Note);

/// <summary>A condition term prepared for suggestion scoring.</summary>
/// <param name="ConditionId">The condition id.</param>
/// <param name="Words">The term's normalised words.</param>
/// <param name="Trigrams">Trigrams of the term without spaces.</param>
internal sealed record SuggestionTerm(string ConditionId, string[] Words, TrigramSet Trigrams);

/// <summary>A term claimed by two different conditions (a catalog error).</summary>
/// <param name="Key">The normalised key.</param>
/// <param name="First">The condition (or non-condition note) that kept the key.</param>
/// <param name="Second">The condition that also claimed it.</param>
internal readonly record struct TermConflict(string Key, string First, string Second);

/// <summary>Exact, word-order-free and space-free indexes of every catalog term. Immutable and thread-safe.</summary>
internal sealed class PhraseIndex
{
    private readonly Dictionary<string, TermEntry> exact;
    private readonly Dictionary<string, TermEntry> sorted;
    private readonly Dictionary<string, TermEntry> compact;
    private readonly Dictionary<int, (string[] Words, ulong[] Letters)> vocabularyByLength;
    private readonly Dictionary<string, TermEntry>.AlternateLookup<ReadOnlySpan<char>> exactBySpan;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> prefixBySpan;
    private readonly Dictionary<string, double> rarity;
    private readonly double unseenRarity;
    private readonly Lazy<SuggestionIndex> suggestionTerms;

    /// <summary>Builds the indexes.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="nonConditionTerms">Phrases that must resolve to no condition, with the reason.</param>
    public PhraseIndex(ConditionCatalog catalog, IEnumerable<(string Phrase, string Note)> nonConditionTerms)
    {
        var entries = new List<TermEntry>();
        foreach (var d in catalog.All)
        {
            Add(entries, d.Name, d, MatchKind.Name, false);
            foreach (var s in d.Synonyms)
            {
                Add(entries, s, d, MatchKind.Synonym, false);
            }

            foreach (var a in d.Abbreviations)
            {
                Add(entries, a, d, MatchKind.Abbreviation, true);
            }

            foreach (var l in d.LayPhrases)
            {
                Add(entries, l, d, MatchKind.LayPhrase, false);
            }

            foreach (var m in d.Misspellings)
            {
                Add(entries, m, d, MatchKind.Fuzzy, false);
            }

            foreach (var e in d.Spanish)
            {
                // Short all-capital Spanish terms ("VIH", "TEPT") are abbreviations: case rules apply inside longer text.
                Add(entries, e, d, MatchKind.Spanish, e.Length <= 5 && e.All(c => !char.IsLetter(c) || char.IsUpper(c)));
            }

            // The id read as words ("crohns-disease" -> "crohns disease") is the weakest form.
            Add(entries, d.Id.Replace('-', ' '), d, MatchKind.Synonym, false);
        }

        foreach (var (phrase, note) in nonConditionTerms)
        {
            var key = Tokenizer.Key(phrase);
            if (key.Length > 0)
            {
                entries.Add(new TermEntry(phrase, key, null, MatchKind.None, false, note));
            }
        }

        var exactMap = new Dictionary<string, TermEntry>(StringComparer.Ordinal);
        var conflicts = new List<TermConflict>();
        foreach (var entry in entries)
        {
            if (!exactMap.TryGetValue(entry.Key, out var existing))
            {
                exactMap[entry.Key] = entry;
                continue;
            }

            if (!ReferenceEquals(existing.Condition, entry.Condition))
            {
                conflicts.Add(new TermConflict(entry.Key, Label(existing), Label(entry)));
            }
        }

        Entries = entries.AsReadOnly();
        Conflicts = conflicts.AsReadOnly();
        exact = exactMap.ToDictionary(StringComparer.Ordinal);
        sorted = Unambiguous(exactMap.Values.Where(e => !e.IsAbbreviation && e.Key.Contains(' ')), e => SortedKey(e.Key));
        compact = Unambiguous(exactMap.Values.Where(e => !e.IsAbbreviation && e.Key.Contains(' ')), e => e.Key.Replace(" ", "", StringComparison.Ordinal));
        MaxTokens = exactMap.Keys.Max(k => k.Count(c => c == ' ') + 1);
        LongestKey = exactMap.Keys.Max(k => k.Length);
        // Misspellings are matched exactly but are never spelling-correction targets.
        // Spanish terms match exactly; their words are not targets of English spelling correction, nor do they stop it
        // ("sindrome" is Spanish, and a misspelling of "syndrome").
        vocabularyByLength = exactMap.Values
            .Where(e => !e.IsAbbreviation && e.Kind is not MatchKind.Fuzzy and not MatchKind.Spanish)
            .SelectMany(e => e.Key.Split(' '))
            .Where(w => w.Length >= 4 && !w.Any(char.IsDigit))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .GroupBy(w => w.Length)
            .ToDictionary(g => g.Key, g => (g.ToArray(), g.Select(LetterSet).ToArray()));
        Vocabulary = vocabularyByLength.Values.SelectMany(v => v.Words).ToHashSet(StringComparer.Ordinal);
        exactBySpan = exact.GetAlternateLookup<ReadOnlySpan<char>>();

        // Every key's word prefixes ("chronic", "chronic low", "chronic low back"): a scan stops extending a phrase as soon
        // as no key starts with the words read so far, so matching costs about one lookup per word, not one per length.
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in exact.Keys)
        {
            for (var space = key.IndexOf(' ', StringComparison.Ordinal); space > 0; space = key.IndexOf(' ', space + 1))
            {
                prefixes.Add(key[..space]);
            }
        }

        prefixBySpan = prefixes.GetAlternateLookup<ReadOnlySpan<char>>();

        // How many conditions use each word: rare words ("sleep") weigh more than common ones ("disorder").
        var conditionCount = Math.Max(1, catalog.All.Count);
        rarity = exactMap.Values
            .Where(e => e.Condition is not null)
            .SelectMany(e => e.Key.Split(' ').Select(w => (Word: w, e.Condition!.Id)))
            .Distinct()
            .GroupBy(x => x.Word, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Math.Log(1.0 + ((double)conditionCount / g.Count())), StringComparer.Ordinal);
        unseenRarity = Math.Log(1.0 + conditionCount);
        // Suggestions are needed only when nothing matches, so their trigram sets are built on first use (thread-safe).
        var suggestionSource = exactMap.Values.Where(e => e.Condition is not null && !e.IsAbbreviation).ToArray();
        suggestionTerms = new Lazy<SuggestionIndex>(() => new SuggestionIndex([.. suggestionSource
            .Select(e => new SuggestionTerm(e.Condition!.Id, e.Key.Split(' '), Similarity.TrigramCounts(e.Key.Replace(" ", "", StringComparison.Ordinal))))]));
    }

    /// <summary>Every condition term (not abbreviations), prepared for suggestions.</summary>
    public IReadOnlyList<SuggestionTerm> SuggestionTerms => suggestionTerms.Value.Terms;

    /// <summary>The inverted indexes over <see cref="SuggestionTerms"/>.</summary>
    public SuggestionIndex Suggestions => suggestionTerms.Value;

    /// <summary>Inverse document frequency of a word over conditions (higher for rarer words).</summary>
    /// <param name="word">A normalised word.</param>
    /// <returns>The weight.</returns>
    public double Rarity(string word) => rarity.TryGetValue(word, out var value) ? value : unseenRarity;

    /// <summary>Every term, in catalog order (including the ones that lost a conflict).</summary>
    public IReadOnlyList<TermEntry> Entries { get; }

    /// <summary>Keys claimed by two different conditions; empty for a sound catalog.</summary>
    public IReadOnlyList<TermConflict> Conflicts { get; }

    /// <summary>The longest key, in characters: a text with more letters than this matches no key in any form.</summary>
    public int LongestKey { get; }

    /// <summary>The longest term, in tokens.</summary>
    public int MaxTokens { get; }

    /// <summary>Every word of length four or more that appears in a non-abbreviation term.</summary>
    public HashSet<string> Vocabulary { get; }

    /// <summary>Looks up an exact token key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="entry">The term.</param>
    /// <returns>Whether the key is a term.</returns>
    public bool TryExact(string key, out TermEntry entry) => exact.TryGetValue(key, out entry!);

    /// <summary>Looks up an exact token key given as characters (no string is built).</summary>
    /// <param name="key">The key.</param>
    /// <param name="entry">The term.</param>
    /// <returns>Whether the key is a term.</returns>
    public bool TryExact(ReadOnlySpan<char> key, out TermEntry entry) => exactBySpan.TryGetValue(key, out entry!);

    /// <summary>Whether some longer key starts with these words ("chronic low" for "chronic low back pain").</summary>
    /// <param name="words">Normalised words joined by single spaces.</param>
    /// <returns><see langword="true"/> when reading one more word can still complete a key.</returns>
    public bool StartsLongerKey(ReadOnlySpan<char> words) => prefixBySpan.Contains(words);

    /// <summary>Looks up a key ignoring word order.</summary>
    /// <param name="key">The key.</param>
    /// <param name="entry">The term.</param>
    /// <returns>Whether the key is a term when its words are reordered.</returns>
    public bool TrySorted(string key, out TermEntry entry) => sorted.TryGetValue(SortedKey(key), out entry!);

    /// <summary>Looks up a key ignoring spaces ("dope sick" equals "dopesick").</summary>
    /// <param name="key">The key.</param>
    /// <param name="entry">The term.</param>
    /// <returns>Whether the key is a term when spaces are ignored.</returns>
    public bool TryCompact(string key, out TermEntry entry)
    {
        var joined = key.Replace(" ", "", StringComparison.Ordinal);
        if (compact.TryGetValue(joined, out entry!))
        {
            return true;
        }

        // A single-word term typed as two words ("fibro myalgia").
        return exact.TryGetValue(joined, out entry!) && !entry.IsAbbreviation;
    }

    /// <summary>Finds the closest vocabulary word within an edit budget that depends on the word's length.</summary>
    /// <param name="word">The normalised input word.</param>
    /// <param name="corrected">The vocabulary word.</param>
    /// <param name="distance">The edit distance.</param>
    /// <returns>Whether a correction was found.</returns>
    public bool TryCorrect(string word, out string corrected, out int distance)
    {
        corrected = "";
        distance = int.MaxValue;
        var budget = word.Length switch
        {
            < 4 => 0,
            <= 5 => 1,
            <= 12 => 2,
            _ => 3,
        };
        if (budget == 0)
        {
            return false;
        }

        var wordLetters = LetterSet(word);

        for (var length = word.Length - budget; length <= word.Length + budget; length++)
        {
            if (!vocabularyByLength.TryGetValue(length, out var group))
            {
                continue;
            }

            var (candidates, letters) = group;
            for (var c = 0; c < candidates.Length; c++)
            {
                // Each edit adds or removes at most two letters from the set of letters a word uses (a substitution
                // removes one and adds one): words whose letter sets differ by more cannot be within reach, and are
                // skipped without computing a distance. Same answer, a fraction of the work.
                if ((BitOperations.PopCount(letters[c] ^ wordLetters) + 1) / 2 > Math.Min(budget, distance))
                {
                    continue;
                }

                var candidate = candidates[c];
                // Dropping a prefix or suffix inverts or changes meaning ("nonepileptic" is not "epileptic").
                if (candidate.Length + 1 < word.Length && (word.EndsWith(candidate, StringComparison.Ordinal) || word.StartsWith(candidate, StringComparison.Ordinal)))
                {
                    continue;
                }

                var d = Similarity.Distance(word, candidate, Math.Min(budget, distance));
                if (d < distance || (d == distance && d <= budget && candidate[0] == word[0] && corrected.Length > 0 && corrected[0] != word[0]))
                {
                    distance = d;
                    corrected = candidate;
                }
            }
        }

        return distance <= budget && corrected.Length > 0;
    }

    private static void Add(List<TermEntry> entries, string phrase, ConditionDefinition d, MatchKind kind, bool abbreviation)
    {
        var key = Tokenizer.Key(phrase);
        if (key.Length > 0)
        {
            entries.Add(new TermEntry(phrase, key, d, kind, abbreviation, null));
        }
    }

    /// <summary>The set of letters a word uses, one bit each (other characters share the upper bits).</summary>
    private static ulong LetterSet(string word)
    {
        var set = 0UL;
        foreach (var c in word)
        {
            set |= 1UL << (c is >= 'a' and <= 'z' ? c - 'a' : 26 + (c % 38));
        }

        return set;
    }

    private static string Label(TermEntry e) => e.Condition?.Id ?? "(not a condition: " + e.Phrase + ")";

    private static string SortedKey(string key) => string.Join(' ', key.Split(' ').Order(StringComparer.Ordinal));

    private static Dictionary<string, TermEntry> Unambiguous(IEnumerable<TermEntry> entries, Func<TermEntry, string> keyOf)
    {
        var map = new Dictionary<string, TermEntry>(StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            var k = keyOf(e);
            if (map.TryGetValue(k, out var existing))
            {
                if (!ReferenceEquals(existing.Condition, e.Condition))
                {
                    ambiguous.Add(k);
                }

                continue;
            }

            map[k] = e;
        }

        foreach (var k in ambiguous)
        {
            map.Remove(k);
        }

        return map.ToDictionary(StringComparer.Ordinal);
    }
}
