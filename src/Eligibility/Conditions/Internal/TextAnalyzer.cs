using System.Runtime.InteropServices;

namespace Eligibility.Conditions.Internal;

/// <summary>A condition (or non-condition) mention found in text.</summary>
/// <param name="Start">First token index.</param>
/// <param name="End">Token index just past the mention.</param>
/// <param name="Condition">The condition, or <see langword="null"/> for a non-condition term or an excluded code.</param>
/// <param name="Kind">How it matched.</param>
/// <param name="Score">Confidence.</param>
/// <param name="Note">Why a non-condition mention never maps.</param>
/// <param name="Context">How the surrounding text qualifies it.</param>
internal sealed record Mention(int Start, int End, ConditionDefinition? Condition, MatchKind Kind, double Score, string? Note, MentionContext Context);

/// <summary>A match found while scanning, before its context is known.</summary>
/// <param name="Start">First token index.</param>
/// <param name="End">Token index just past the match.</param>
/// <param name="Condition">The condition, or <see langword="null"/>.</param>
/// <param name="Kind">How it matched.</param>
/// <param name="Score">Confidence.</param>
/// <param name="Note">Why a non-condition match never maps.</param>
internal sealed record Found(int Start, int End, ConditionDefinition? Condition, MatchKind Kind, double Score, string? Note);

/// <summary>A list item ("PTSD, <u>flu</u>") that holds content but no mention.</summary>
/// <param name="Start">First token index.</param>
/// <param name="End">Token index just past the item.</param>
/// <param name="Context">How the surrounding text qualifies it.</param>
internal sealed record UnresolvedItem(int Start, int End, MentionContext Context);

/// <summary>Everything found in one input.</summary>
/// <param name="Tokens">The tokens.</param>
/// <param name="Mentions">Mentions in input order.</param>
/// <param name="Unresolved">Items without a mention, in input order.</param>
/// <param name="Limit">What a work limit left unread or unchecked ("spelling checked for the first 6 unknown words only"), or <see langword="null"/>.</param>
internal sealed record Analysis(IReadOnlyList<Token> Tokens, IReadOnlyList<Mention> Mentions, IReadOnlyList<UnresolvedItem> Unresolved, string? Limit = null);

/// <summary>Finds condition mentions in free text: exact phrases, codes, spelling-corrected phrases, and their context.</summary>
internal sealed class TextAnalyzer
{
    /// <summary>Minimum similarity for a spelling-corrected phrase of several words.</summary>
    public const double FuzzyThreshold = 0.80;

    /// <summary>Minimum similarity for a spelling-corrected single word.</summary>
    public const double SingleWordFuzzyThreshold = 0.84;

    /// <summary>
    /// Most distinct unknown words spelling-corrected in one input. Correcting a word compares it with the vocabulary,
    /// the costliest step there is; a typed condition has one or two misspelt words, so a text with more unknown words
    /// than this gets the first ones corrected (in reading order), the rest read as written, and says so.
    /// </summary>
    public const int MaxCorrectedWords = 6;

    private static readonly HashSet<string> ListSeparators =
        new[] { "and", "or", "nor", "plus", "also", "but", "then", "y" }.ToHashSet(StringComparer.Ordinal);

    // Abbreviations that are also everyday words: inside longer text they only count in upper case.
    private static readonly HashSet<string> AmbiguousAbbreviations =
        new[] { "add", "aid", "aids", "gad", "sad", "mad", "cold", "sci", "dm", "ms", "ra", "oa", "uc", "ic", "cf", "eb", "oi", "mg", "nf", "als" }
            .ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> AbbreviationLeadIns =
        new[] { "have", "has", "had", "with", "diagnosed", "dx", "of", "and", "or", "my" }.ToHashSet(StringComparer.Ordinal);

    // Abbreviations that are everyday words even after "with" ("walks with aids", "10 mg").
    private static readonly HashSet<string> EverydayWords =
        new[] { "aid", "add", "mg", "cf", "ic" }.ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> DiagnosisLeadIns =
        new[] { "have", "has", "had", "diagnosed", "dx" }.ToHashSet(StringComparer.Ordinal);

    private readonly PhraseIndex phrases;
    private readonly IcdIndex codes;

    /// <summary>Creates an analyzer over prebuilt indexes.</summary>
    /// <param name="phrases">The phrase index.</param>
    /// <param name="codes">The code index.</param>
    public TextAnalyzer(PhraseIndex phrases, IcdIndex codes)
    {
        this.phrases = phrases;
        this.codes = codes;
    }

    /// <summary>Whether an abbreviation key is also an everyday word ("add", "aids", "mg").</summary>
    /// <param name="key">The normalised abbreviation.</param>
    /// <returns><see langword="true"/> for everyday words.</returns>
    public static bool IsEverydayWord(string key) => EverydayWords.Contains(key);

    /// <summary>Analyzes one input.</summary>
    /// <param name="input">The raw input.</param>
    /// <returns>The mentions and unresolved list items.</returns>
    public Analysis Analyze(string input) => Analyze(input, Tokenizer.Tokenize(input));

    /// <summary>Analyzes one input already tokenized with code detection.</summary>
    /// <param name="input">The raw input.</param>
    /// <param name="raw">Its tokens, as <see cref="Tokenizer.Tokenize(string, bool)"/> returns them with code detection.</param>
    /// <returns>The mentions and unresolved list items.</returns>
    public Analysis Analyze(string input, List<Token> raw)
    {
        var tokens = ClassifyCodes(raw, out var codeHits);
        var contentWords = tokens.Count(t => t.Type != TokenType.Boundary && !Fillers.IsStopWord(t.Norm));
        var found = new List<Found>();
        var covered = new bool[tokens.Count];

        FindExact(tokens, codeHits, contentWords, found, covered);
        var allCorrected = FindCorrected(tokens, codeHits, contentWords, found, covered);

        var preCues = ContextCues.FindPreCues(tokens, covered);
        var postCues = ContextCues.FindPostCues(tokens, covered);
        var mentions = found
            .OrderBy(f => f.Start)
            .Select(f => new Mention(f.Start, f.End, f.Condition, f.Kind, f.Score, f.Note,
                ResemblanceOnly(input, tokens, f.End) ? MentionContext.Blocked : ContextCues.Evaluate(tokens, preCues, postCues, f.Start, f.End)))
            .ToList();

        var unresolved = new List<UnresolvedItem>();
        foreach (var (start, end) in ListItems(tokens, covered))
        {
            if (mentions.Any(m => m.Start < end && m.End > start))
            {
                continue;
            }

            var content = Enumerable.Range(start, end - start)
                .Where(p => tokens[p].Type == TokenType.Word && !Fillers.IsStopWord(tokens[p].Norm))
                .ToList();
            if (content.Count > 0)
            {
                unresolved.Add(new UnresolvedItem(start, end, ContextCues.Evaluate(tokens, preCues, postCues, content[0], content[^1] + 1)));
            }
        }

        return new Analysis(tokens, mentions, unresolved, allCorrected ? null : $"spelling checked for the first {MaxCorrectedWords} unknown words only");
    }

    /// <summary>Keeps code-shaped tokens that the index knows (mapped or excluded); the rest become words ("T1D", "B12").</summary>
    private List<Token> ClassifyCodes(List<Token> raw, out Dictionary<int, IcdLookup> codeHits)
    {
        codeHits = [];
        if (!raw.Exists(t => t.Type == TokenType.Code))
        {
            return raw;
        }

        var tokens = new List<Token>(raw.Count);
        foreach (var t in raw)
        {
            if (t.Type == TokenType.Code)
            {
                var lookup = codes.Lookup(t.Norm);
                if (lookup.Condition is not null || lookup.Excluded)
                {
                    codeHits[tokens.Count] = lookup;
                    tokens.Add(t);
                    continue;
                }

                var word = Tokenizer.Stem(t.Original.Replace(".", "", StringComparison.Ordinal).ToLowerInvariant());
                tokens.Add(t with { Norm = word, Type = TokenType.Word });
                continue;
            }

            tokens.Add(t);
        }

        return tokens;
    }

    /// <summary>Codes and exact phrases, longest phrase first at each position.</summary>
    private void FindExact(List<Token> tokens, Dictionary<int, IcdLookup> codeHits, int contentWords, List<Found> found, bool[] covered)
    {
        Span<char> scratch = stackalloc char[ScratchLength];
        var norms = tokens.Select(t => t.Norm).ToArray();
        var i = 0;
        while (i < tokens.Count)
        {
            if (tokens[i].Type == TokenType.Boundary)
            {
                i++;
                continue;
            }

            if (codeHits.TryGetValue(i, out var hit))
            {
                found.Add(hit.Condition is null
                    ? new Found(i, i + 1, null, MatchKind.None, 0, $"excluded code ({IcdCode.Display(hit.Prefix)})")
                    : new Found(i, i + 1, hit.Condition, MatchKind.Code, 1, null));
                covered[i] = true;
                i++;
                continue;
            }

            var length = MatchAt(tokens, norms, i, contentWords, covered, scratch, out var entry);
            if (length > 0)
            {
                found.Add(new Found(i, i + length, entry!.Condition, entry.Kind, entry.Kind == MatchKind.Fuzzy ? 0.92 : 0.9, entry.Note));
                Array.Fill(covered, true, i, length);
                i += length;
                continue;
            }

            i++;
        }
    }

    /// <summary>Spelling correction of words outside exact mentions, then phrase matching on the corrected words.</summary>
    /// <returns><see langword="false"/> when <see cref="MaxCorrectedWords"/> stopped the correction of some unknown word.</returns>
    private bool FindCorrected(List<Token> tokens, Dictionary<int, IcdLookup> codeHits, int contentWords, List<Found> found, bool[] covered)
    {
        var allCorrected = true;
        var corrected = tokens.Select(t => t.Norm).ToArray();
        var distances = new int[tokens.Count];
        var anyCorrection = false;
        Dictionary<(string, string), (bool, string, int)>? memo = null;
        for (var k = 0; k < tokens.Count; k++)
        {
            var norm = tokens[k].Norm;
            if (covered[k] || tokens[k].Type != TokenType.Word || Math.Max(norm.Length, tokens[k].Original.Length) < 4 || Fillers.IsStopWord(norm)
                || phrases.Vocabulary.Contains(norm) || norm.Any(char.IsDigit))
            {
                continue;
            }

            var rawWord = tokens[k].Original.ToLowerInvariant();

            // Try the stemmed and the raw word: stemming a misspelling can hurt ("stres" -> "stre"). A word seen before in
            // this input is corrected once: the scan of the vocabulary is the costly part.
            memo ??= [];
            if (!memo.TryGetValue((norm, rawWord), out var memoized))
            {
                if (memo.Count >= MaxCorrectedWords)
                {
                    allCorrected = false;
                    continue;
                }

                var hit = phrases.TryCorrect(norm, out var fixedNorm, out var distanceNorm);
                if (rawWord != norm && phrases.TryCorrect(rawWord, out var fixedRaw, out var distanceRaw) && (!hit || distanceRaw < distanceNorm))
                {
                    hit = true;
                    fixedNorm = fixedRaw;
                    distanceNorm = distanceRaw;
                }

                memoized = (hit, fixedNorm, distanceNorm);
                memo[(norm, rawWord)] = memoized;
            }

            var (ok, fixedWord, distance) = memoized;

            if (ok)
            {
                corrected[k] = fixedWord;
                distances[k] = distance;
                anyCorrection = true;
            }
        }

        if (!anyCorrection)
        {
            return allCorrected;
        }

        var free = new bool[tokens.Count];
        Span<char> scratch = stackalloc char[ScratchLength];
        var i = 0;
        while (i < tokens.Count)
        {
            if (tokens[i].Type == TokenType.Boundary || codeHits.ContainsKey(i))
            {
                i++;
                continue;
            }

            var length = MatchAt(tokens, corrected, i, contentWords, free, scratch, out var entry, fuzzy: true);
            var end = i + length;
            if (length > 0 && Enumerable.Range(i, length).Any(p => corrected[p] != tokens[p].Norm))
            {
                // A corrected phrase may swallow exact mentions it fully contains ("herion addiction").
                var swallows = found.Where(f => f.Start < end && f.End > i).All(f => f.Start >= i && f.End <= end && f.End - f.Start < length);
                var score = FuzzyScore(tokens, corrected, distances, i, length);
                var threshold = length == 1 ? SingleWordFuzzyThreshold : FuzzyThreshold;
                if (swallows && score >= threshold)
                {
                    var start = i;
                    found.RemoveAll(f => f.Start >= start && f.End <= end);
                    found.Add(new Found(i, end, entry!.Condition, entry.Condition is null ? MatchKind.None : MatchKind.Fuzzy, score, entry.Note));
                    Array.Fill(covered, true, i, length);
                    i = end;
                    continue;
                }
            }

            i++;
        }

        return allCorrected;
    }

    /// <summary>"lupus-like symptoms" resembles a condition without asserting it.</summary>
    private static bool ResemblanceOnly(string input, List<Token> tokens, int end)
    {
        if (end >= tokens.Count || end == 0 || tokens[end].Type != TokenType.Word || tokens[end].Norm is not ("like" or "type" or "ish"))
        {
            return false;
        }

        var gap = input.AsSpan(tokens[end - 1].End, tokens[end].Start - tokens[end - 1].End);
        return gap.Length == 1 && gap[0] is '-' or '\u2010' or '\u2011';
    }

    private int MatchAt(List<Token> tokens, string[] norms, int start, int contentWords, bool[] covered, Span<char> scratch, out TermEntry? entry, bool fuzzy = false)
    {
        entry = null;
        var run = 0;
        while (start + run < tokens.Count && tokens[start + run].Type == TokenType.Word && !covered[start + run] && run < phrases.MaxTokens)
        {
            run++;
        }

        // Read one word more while some key still starts with the words read (no string is built), remembering every
        // length that is a key; then the longest acceptable one wins, as if every length had been tried from the longest.
        // The key is built in the caller's buffer (one per scan, not one per position); the lengths that are keys and
        // where each ends live in two small arrays after it.
        var key = scratch[..KeyBuffer];
        var lengths = MemoryMarshal.Cast<char, int>(scratch.Slice(KeyBuffer, 2 * MaxRun));
        var ends = MemoryMarshal.Cast<char, int>(scratch.Slice(KeyBuffer + (2 * MaxRun), 2 * MaxRun));
        run = Math.Min(run, MaxRun);
        var count = 0;
        var used = 0;
        for (var length = 1; length <= run; length++)
        {
            var word = norms[start + length - 1];
            if (used + word.Length + 1 > key.Length)
            {
                break;
            }

            if (length > 1)
            {
                key[used++] = ' ';
            }

            word.CopyTo(key[used..]);
            used += word.Length;
            if (phrases.TryExact(key[..used], out _))
            {
                lengths[count] = length;
                ends[count++] = used;
            }

            if (!phrases.StartsLongerKey(key[..used]))
            {
                break;
            }
        }

        for (var h = count - 1; h >= 0; h--)
        {
            phrases.TryExact(key[..ends[h]], out var candidate);
            if (candidate.IsAbbreviation && (fuzzy || !AbbreviationAccepted(tokens, start, lengths[h], candidate, contentWords)))
            {
                continue;
            }

            entry = candidate;
            return lengths[h];
        }

        return 0;
    }

    /// <summary>Longest key built on the stack; catalog phrases are at most 120 characters.</summary>
    private const int KeyBuffer = 256;

    /// <summary>Most words one phrase is read over (catalog phrases have fewer).</summary>
    private const int MaxRun = 32;

    /// <summary>Characters of the scratch buffer a scan passes to <see cref="MatchAt"/>.</summary>
    private const int ScratchLength = KeyBuffer + (4 * MaxRun);

    private static bool AbbreviationAccepted(List<Token> tokens, int start, int length, TermEntry entry, int contentWords)
    {
        // Never right after a number ("10 MG" is a dose).
        if (start > 0 && tokens[start - 1].Type == TokenType.Word && tokens[start - 1].Norm.All(char.IsDigit))
        {
            return false;
        }

        var everyday = EverydayWords.Contains(entry.Key);
        var written = new string(string.Concat(Enumerable.Range(start, length).Select(p => tokens[p].Original)).Where(char.IsLetterOrDigit).ToArray());
        var expected = new string(entry.Phrase.Where(char.IsLetterOrDigit).ToArray());

        // The abbreviation is all the input says ("ms", "I have ms"); an everyday word must be spelled exactly ("add", not "adds").
        if (contentWords <= length
            && (!everyday || (tokens.Count(t => t.Type == TokenType.Word) == length && string.Equals(written, expected, StringComparison.OrdinalIgnoreCase))))
        {
            return true;
        }

        if (string.Equals(written, expected, StringComparison.Ordinal))
        {
            return true;
        }

        // After "have", "with", "diagnosed" ... a lower-case abbreviation still names a condition ("I have ms").
        if (start > 0 && tokens[start - 1].Type == TokenType.Word
            && (everyday ? DiagnosisLeadIns : AbbreviationLeadIns).Contains(tokens[start - 1].Norm))
        {
            return true;
        }

        // Lower case is fine for distinctive abbreviations ("ptsd", "copd"), not for everyday words ("add", "aids").
        return entry.Key.Replace(" ", "", StringComparison.Ordinal).Length >= 3 && !AmbiguousAbbreviations.Contains(entry.Key);
    }

    private static double FuzzyScore(List<Token> tokens, string[] corrected, int[] distances, int start, int length)
    {
        double total = 0;
        double kept = 0;
        for (var p = start; p < start + length; p++)
        {
            var longest = Math.Max(tokens[p].Norm.Length, corrected[p].Length);
            var d = corrected[p] == tokens[p].Norm ? 0 : distances[p];
            if (d > 0 && 1.0 - (double)d / longest < 0.7)
            {
                return 0;
            }

            total += longest;
            kept += longest - d;
        }

        return total == 0 ? 0 : kept / total;
    }

    private static IEnumerable<(int Start, int End)> ListItems(List<Token> tokens, bool[] covered)
    {
        var start = 0;
        for (var p = 0; p <= tokens.Count; p++)
        {
            var split = p == tokens.Count
                || tokens[p].Type == TokenType.Boundary
                || (!covered[p] && tokens[p].Type == TokenType.Word && ListSeparators.Contains(tokens[p].Norm));
            if (!split)
            {
                continue;
            }

            if (p > start)
            {
                yield return (start, p);
            }

            start = p + 1;
        }
    }
}
