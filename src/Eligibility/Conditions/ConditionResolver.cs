using Eligibility.Conditions.Internal;

namespace Eligibility;

/// <summary>
/// Resolves free text and ICD-10-CM codes to canonical condition ids. Immutable after construction
/// (all indexes are precomputed) and safe to share between threads.
/// </summary>
public sealed class ConditionResolver : IConditionResolver
{
    private const double SuggestionFloor = 0.35;

    /// <summary>Longest text (letters of its content words) that still gets suggestions.</summary>
    private const int MaxSuggestionLength = 60;

    private readonly ConditionCatalog catalog;
    private readonly PhraseIndex phrases;
    private readonly IcdIndex codes;
    private readonly TextAnalyzer analyzer;
    private readonly Composer composer;

    /// <summary>The longest condition id: a longer text is not an id, and is not looked up as one.</summary>
    private readonly int longestId;

    /// <summary>Creates a resolver over a catalog, reading "since 2019" against the system clock.</summary>
    /// <param name="catalog">The condition catalog, usually <see cref="ConditionCatalog.Default"/>.</param>
    public ConditionResolver(ConditionCatalog catalog)
        : this(catalog, TimeProvider.System)
    {
    }

    /// <summary>Creates a resolver over a catalog with a clock for durations given as a year ("pain since 2019").</summary>
    /// <param name="catalog">The condition catalog, usually <see cref="ConditionCatalog.Default"/>.</param>
    /// <param name="time">The clock.</param>
    public ConditionResolver(ConditionCatalog catalog, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(time);
        this.catalog = catalog;
        phrases = new PhraseIndex(catalog, catalog.Lexicon.NonConditions);
        codes = new IcdIndex(catalog);
        analyzer = new TextAnalyzer(phrases, codes);
        composer = new Composer(catalog, time);
        longestId = catalog.All.Count == 0 ? 0 : catalog.All.Max(d => d.Id.Length);
    }

    /// <summary>The catalog this resolver maps to.</summary>
    public ConditionCatalog Catalog => catalog;

    /// <summary>The phrase index (for validation in tests).</summary>
    internal PhraseIndex Phrases => phrases;

    /// <summary>The code index (for validation in tests).</summary>
    internal IcdIndex Codes => codes;

    /// <inheritdoc/>
    public ConditionResolution Resolve(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var trimmed = input.Trim();
        if (trimmed.Length == 0)
        {
            return NoMatch(input, "empty input", []);
        }

        if (trimmed.Length > MaxInputLength)
        {
            return NoMatch(input, $"text longer than {MaxInputLength} characters; send one condition per item", []);
        }

        var idOrCode = IdOrCode(input, trimmed, out var codeShaped);
        if (idOrCode is not null)
        {
            return idOrCode;
        }

        // The text is read once: the plain tokens serve the whole-text lookup, the analysis (when nothing in the text is
        // shaped like a code) and the suggestions.
        var plain = Tokenizer.Tokenize(trimmed, detectCodes: false);
        var cut = WordBudget(trimmed, ref plain);
        var result = Read(input, trimmed[..cut], plain, codeShaped, out var limit);
        if (cut < trimmed.Length)
        {
            limit = Combine(WordLimitNote, limit);
        }

        return limit is null ? result : result with { Note = Combine(result.Note, limit) };
    }

    /// <summary>
    /// Most words read of one text, counted after repeated words are collapsed (a code counts as a word). Every step of
    /// reading is linear in the words, and this bounds them, so no input costs more than a fixed amount of work. A text
    /// with more words is read up to the last list separator (comma, full stop ...) within the limit, or up to the limit
    /// when there is none, and the answer says that the rest was not read; it is never guessed.
    /// </summary>
    public const int MaxWordsRead = 64;

    private static readonly string WordLimitNote = $"read only the first {MaxWordsRead} words; send one condition per item";

    /// <summary>
    /// Applies <see cref="MaxWordsRead"/>: returns how many characters of the text are read (all of it when within the
    /// limit) and, when it cuts, replaces the tokens by those of the part read.
    /// </summary>
    private static int WordBudget(string trimmed, ref List<Token> plain)
    {
        var words = 0;
        var end = -1;
        var lastBoundary = -1;
        for (var k = 0; k < plain.Count; k++)
        {
            if (plain[k].Type == TokenType.Boundary)
            {
                lastBoundary = k;
                continue;
            }

            if (++words > MaxWordsRead)
            {
                end = k;
                break;
            }
        }

        if (end < 0)
        {
            return trimmed.Length;
        }

        // Cut at the last separator within the limit when it keeps at least half of it: a phrase is not cut in half.
        var last = lastBoundary >= 0 && CountWords(plain, lastBoundary) >= MaxWordsRead / 2 ? lastBoundary : end;
        var cut = plain[last - 1].End;
        plain = Tokenizer.Tokenize(trimmed[..cut], detectCodes: false);
        return cut;
    }

    private static int CountWords(List<Token> tokens, int end)
    {
        var words = 0;
        for (var k = 0; k < end; k++)
        {
            words += tokens[k].Type == TokenType.Boundary ? 0 : 1;
        }

        return words;
    }

    private static string? Combine(string? first, string? second) =>
        first is null ? second : second is null ? first : first + "; " + second;

    /// <summary>Resolves the part of a text that is read (all of it, or what <see cref="MaxWordsRead"/> allows).</summary>
    private ConditionResolution Read(string input, string trimmed, List<Token> plain, bool codeShaped, out string? limit)
    {
        limit = null;
        var direct = WholeText(input, plain);
        if (direct is not null)
        {
            return direct.IsMatch && direct.Kind != MatchKind.Code ? WithDuration(direct, TokensWithCodes(trimmed, plain)) : direct;
        }

        var analysis = analyzer.Analyze(trimmed, TokensWithCodes(trimmed, plain));
        limit = analysis.Limit;
        var affirmed = analysis.Mentions
            .Where(m => m.Condition is not null && m.Context == MentionContext.Affirmed)
            .OrderBy(m => m.Kind == MatchKind.Code ? 0 : 1)
            .ThenBy(m => m.Kind == MatchKind.Fuzzy ? 1 : 0)
            .ThenByDescending(m => m.End - m.Start)
            .ThenBy(m => m.Start)
            .ToList();
        var reading = affirmed.Count == 0 || affirmed[0].Kind == MatchKind.Fuzzy || IsGeneric(affirmed[0]) ? composer.Read(analysis.Tokens) : null;
        if (reading is { Condition: not null, Context: MentionContext.Affirmed } && (affirmed.Count == 0 || reading.Score >= affirmed[0].Score || IsGeneric(affirmed[0])))
        {
            return WithDuration(Match(input, reading.Condition, reading.Kind, reading.Score, reading.Note) with
            {
                MatchedText = Span(trimmed, analysis.Tokens, reading.Start, reading.End),
            }, analysis.Tokens);
        }

        if (affirmed.Count > 0)
        {
            var best = affirmed[0];
            var distinct = affirmed.Select(m => m.Condition!.Id).Distinct(StringComparer.Ordinal).Count();
            var note = distinct > 1 ? "several conditions mentioned; use ResolveAll" : null;
            var score = best.Kind is MatchKind.Code or MatchKind.Fuzzy ? best.Score
                : OnlyContent(analysis, best) ? 1.0 : best.Score;
            return WithDuration(Match(input, best.Condition!, best.Kind, score, note) with
            {
                MatchedText = Span(trimmed, analysis.Tokens, best.Start, best.End),
            }, analysis.Tokens);
        }

        if (reading is not null && IsQualified(reading.Context))
        {
            return Negated(input, reading.Context, reading.Condition, reading.Score);
        }

        if (reading is not null && analysis.Mentions.Count == 0)
        {
            return NoMatch(input, reading.Note, reading.Suggestions) with { DurationMonths = composer.Duration(analysis.Tokens) };
        }

        var qualified = analysis.Mentions.FirstOrDefault(m => IsQualified(m.Context));
        if (qualified is not null)
        {
            return Negated(input, qualified.Context, qualified.Condition, qualified.Score);
        }

        var qualifiedItem = analysis.Unresolved.FirstOrDefault(u => IsQualified(u.Context));
        if (qualifiedItem is not null)
        {
            return Negated(input, qualifiedItem.Context, null, 0);
        }

        var refused = analysis.Mentions.FirstOrDefault();
        if (refused is not null)
        {
            var note = refused.Condition is not null ? NotADiagnosis(refused.Condition) : refused.Note;
            return NoMatch(input, note, []);
        }

        return NoMatch(input, codeShaped ? "unrecognised ICD-10-CM code" : null, codeShaped ? [] : Suggest(plain));
    }

    /// <inheritdoc/>
    public IReadOnlyList<ConditionResolution> ResolveAll(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var trimmed = input.Trim();
        if (trimmed.Length == 0)
        {
            return [];
        }

        var idOrCode = IdOrCode(input, trimmed, out _);
        if (idOrCode is not null)
        {
            return [idOrCode];
        }

        var plain = Tokenizer.Tokenize(trimmed, detectCodes: false);
        var cut = WordBudget(trimmed, ref plain);
        var all = ReadAll(input, trimmed[..cut], plain, out var limit);
        if (cut < trimmed.Length)
        {
            // The part not read is one more item: it says what was left out, instead of silently dropping it.
            all.Add(NoMatch(trimmed[cut..].Trim(), $"not read: past the first {MaxWordsRead} words of one text; send one condition per item", []));
        }

        return limit is null ? all.AsReadOnly() : all.Select(r => r with { Note = Combine(r.Note, limit) }).ToList().AsReadOnly();
    }

    private List<ConditionResolution> ReadAll(string input, string trimmed, List<Token> plain, out string? limit)
    {
        limit = null;
        var direct = WholeText(input, plain);
        if (direct is not null)
        {
            return [direct];
        }

        var analysis = analyzer.Analyze(trimmed, TokensWithCodes(trimmed, plain));
        limit = analysis.Limit;
        var results = new List<(int Position, ConditionResolution Result)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in analysis.Mentions)
        {
            var text = Span(trimmed, analysis.Tokens, m.Start, m.End);
            ConditionResolution result;
            if (IsQualified(m.Context))
            {
                result = Negated(text, m.Context, m.Condition, m.Score);
            }
            else if (m.Condition is null || m.Context == MentionContext.Blocked)
            {
                var note = m.Condition is not null ? NotADiagnosis(m.Condition) : m.Note;
                result = NoMatch(text, note, []);
            }
            else
            {
                result = Match(text, m.Condition, m.Kind, m.Score, null) with { MatchedText = text };
            }

            var key = (result.ConditionId ?? "") + "|" + result.Kind + "|" + (result.ConditionId is null ? text.ToLowerInvariant() : "");
            if (seen.Add(key))
            {
                results.Add((m.Start, result));
            }
        }

        foreach (var item in analysis.Unresolved)
        {
            var text = Span(trimmed, analysis.Tokens, item.Start, item.End);
            var result = IsQualified(item.Context)
                ? Negated(text, item.Context, null, 0)
                : ResolveUnmatchedItem(text);
            results.Add((item.Start, result));
        }

        return results.OrderBy(r => r.Position).Select(r => r.Result).ToList();
    }

    private ConditionResolution ResolveUnmatchedItem(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var reading = composer.Read(tokens);
        if (reading is { Condition: not null, Context: MentionContext.Affirmed })
        {
            return WithDuration(Match(text, reading.Condition, reading.Kind, reading.Score, reading.Note) with { MatchedText = Span(text, tokens, reading.Start, reading.End) }, tokens);
        }

        if (reading is not null && IsQualified(reading.Context))
        {
            return Negated(text, reading.Context, reading.Condition, reading.Score);
        }

        if (reading is not null)
        {
            return NoMatch(text, reading.Note, reading.Suggestions);
        }

        if (IcdCode.TryParseWhole(text, out var code))
        {
            var lookup = codes.Lookup(code);
            if (lookup.Excluded)
            {
                return NoMatch(text, $"excluded code ({IcdCode.Display(lookup.Prefix)})", []);
            }

            return NoMatch(text, "unrecognised ICD-10-CM code", []);
        }

        return NoMatch(text, null, Suggest(Tokenizer.Tokenize(text, detectCodes: false)));
    }

    /// <summary>The whole text as a condition id or an ICD-10-CM code: answered before the text is tokenized at all.</summary>
    private ConditionResolution? IdOrCode(string input, string trimmed, out bool codeShaped)
    {
        codeShaped = false;
        // Ids are lower-case kebab-case; "PTSD" is an abbreviation, "ptsd" the id.
        var byId = trimmed.Length <= longestId ? catalog.Find(trimmed) : null;
        if (byId is not null && string.Equals(byId.Id, trimmed, StringComparison.Ordinal))
        {
            return Match(input, byId, MatchKind.Id, 1.0, null);
        }

        if (IcdCode.TryParseWhole(trimmed, out var code))
        {
            codeShaped = true;
            var lookup = codes.Lookup(code);
            if (lookup.Condition is not null)
            {
                return Match(input, lookup.Condition, MatchKind.Code, 1.0, null);
            }

            if (lookup.Excluded)
            {
                return NoMatch(input, $"excluded code ({IcdCode.Display(lookup.Prefix)})", []);
            }
        }

        return null;
    }

    /// <summary>
    /// The tokens with code detection: the plain tokens themselves unless some word is shaped like the start of a code
    /// (a letter then a digit, "F11", "b12"), the only place where the two readings differ.
    /// </summary>
    private static List<Token> TokensWithCodes(string trimmed, List<Token> plain)
    {
        foreach (var t in plain)
        {
            if (t.Type == TokenType.Word && t.Norm.Length >= 3 && char.IsAsciiLetterLower(t.Norm[0]) && char.IsAsciiDigit(t.Norm[1]))
            {
                return Tokenizer.Tokenize(trimmed);
            }
        }

        return plain;
    }

    private ConditionResolution? WholeText(string input, List<Token> plain)
    {
        var end = plain.Count;
        while (end > 0 && plain[end - 1].Type == TokenType.Boundary)
        {
            end--;
        }

        var tokens = end == plain.Count ? plain : plain.GetRange(0, end);

        if (tokens.Count == 0)
        {
            return null;
        }

        var commas = tokens.Count(t => t.Type == TokenType.Boundary);
        if (commas > 0)
        {
            // An inverted index entry ("pain, chronic", "disease, Crohn's") is one condition; anything else is a list.
            return commas == 1 && tokens.Single(t => t.Type == TokenType.Boundary).IsComma ? Inverted(input, tokens) : null;
        }

        var words = tokens.Select(t => t.Norm).ToList();
        if (words.Sum(w => w.Length) > phrases.LongestKey)
        {
            return null; // more letters than any catalog phrase has, in any word order or spacing
        }

        var stripped = Fillers.Strip(words);
        foreach (var candidate in new[] { words, stripped })
        {
            if (candidate.Count == 0)
            {
                continue;
            }

            var key = string.Join(' ', candidate);
            if (phrases.TryExact(key, out var entry))
            {
                // "please add" is not ADD: an everyday-word abbreviation must be written in capitals or stand alone.
                if (entry.IsAbbreviation && TextAnalyzer.IsEverydayWord(entry.Key) && !EverydayAbbreviationWritten(tokens, entry, candidate.Count == words.Count))
                {
                    continue;
                }

                return FromEntry(input, entry, entry.Kind == MatchKind.Fuzzy ? 0.95 : 1.0);
            }
        }

        foreach (var candidate in new[] { words, stripped })
        {
            if (candidate.Count == 0)
            {
                continue;
            }

            var key = string.Join(' ', candidate);
            if (candidate.Count > 1 && phrases.TrySorted(key, out var entry))
            {
                return FromEntry(input, entry, 0.95);
            }

            if (phrases.TryCompact(key, out entry))
            {
                return FromEntry(input, entry, 0.95);
            }
        }

        return null;
    }

    private ConditionResolution? Inverted(string input, List<Token> tokens)
    {
        var comma = tokens.FindIndex(t => t.Type == TokenType.Boundary);
        var head = tokens.Take(comma).Select(t => t.Norm).ToList();
        var tail = tokens.Skip(comma + 1).Select(t => t.Norm).ToList();
        if (head.Count == 0 || tail.Count == 0 || Fillers.Strip(tail).Count == 0)
        {
            return null;
        }

        var key = string.Join(' ', tail.Concat(head));
        return phrases.TryExact(key, out var entry) && entry.Condition is not null ? FromEntry(input, entry, 0.95) : null;
    }

    private ConditionResolution FromEntry(string input, TermEntry entry, double score)
    {
        if (entry.Condition is null)
        {
            return NoMatch(input, entry.Note, []);
        }

        var kind = entry.Kind == MatchKind.Fuzzy ? MatchKind.Fuzzy : entry.Kind;
        return Match(input, entry.Condition, kind, entry.Kind == MatchKind.Fuzzy ? Math.Min(score, 0.95) : score, null);
    }

    /// <summary>Longest input read (the query limit); longer text is refused before any work is done.</summary>
    internal const int MaxInputLength = 500;

    /// <summary>A broad catalog term ("addiction", "drug problem") that a substance named beside it makes more specific.</summary>
    private static bool IsGeneric(Mention mention) =>
        mention.Condition?.Id is "substance-use-disorder" && mention.Kind != MatchKind.Code;

    /// <summary>Adds the duration the text states to a pain reading ("chronic back pain for 5 years": 60 months).</summary>
    private ConditionResolution WithDuration(ConditionResolution resolution, IReadOnlyList<Token> tokens)
    {
        if (resolution.ConditionId is not { } id || (id != "chronic-pain" && !catalog.Broader(id).Contains("chronic-pain")))
        {
            return resolution;
        }

        return composer.Duration(tokens) is { } months ? resolution with { DurationMonths = months } : resolution;
    }

    private ConditionResolution Match(string input, ConditionDefinition condition, MatchKind kind, double score, string? note) =>
        new()
        {
            MatchedText = input.Trim(),
            Input = input,
            ConditionId = condition.Id,
            ConditionName = condition.Name,
            Kind = kind,
            Score = Math.Clamp(score, 0, 1),
            ImpliedConditions = kind == MatchKind.Code ? catalog.ImpliedByCode(condition.Id) : [],
            Note = note,
        };

    private static ConditionResolution Negated(string input, MentionContext context, ConditionDefinition? condition, double score)
    {
        var reason = context switch
        {
            MentionContext.Family => "family history",
            MentionContext.Uncertain => "uncertain",
            MentionContext.Other => "someone else",
            _ => "negated",
        };
        return new ConditionResolution
        {
            Input = input,
            Kind = MatchKind.Negated,
            Score = Math.Clamp(score, 0, 1),
            Note = condition is null ? reason : $"{reason}: {condition.Id}",
        };
    }

    private static ConditionResolution NoMatch(string input, string? note, IReadOnlyList<string> suggestions) =>
        new() { Input = input, Kind = MatchKind.None, Score = 0, Note = note, Suggestions = suggestions };

    /// <summary>Negated, family history, someone else's or uncertain: the condition is not asserted for the patient.</summary>
    private static bool IsQualified(MentionContext context) =>
        context is MentionContext.Negated or MentionContext.Family or MentionContext.Uncertain or MentionContext.Other;

    /// <summary>An everyday-word abbreviation counts when written in capitals, or as the whole input spelled exactly ("add", not "adds").</summary>
    private static bool EverydayAbbreviationWritten(List<Token> tokens, TermEntry entry, bool whole)
    {
        var expected = new string(entry.Phrase.Where(char.IsLetterOrDigit).ToArray());
        return tokens.Any(t => t.Original == expected.ToUpperInvariant()
            || (whole && tokens.Count == 1 && string.Equals(t.Original, expected, StringComparison.OrdinalIgnoreCase)));
    }

    private static string NotADiagnosis(ConditionDefinition condition) =>
        $"not a diagnosis of {condition.Id} (risk, screening, exposure, carrier status or resemblance only)";

    private static bool OnlyContent(Analysis analysis, Mention mention) =>
        !analysis.Tokens.Where((t, p) => (p < mention.Start || p >= mention.End) && t.Type == TokenType.Word && !Fillers.IsStopWord(t.Norm)).Any()
        && analysis.Mentions.Count == 1;

    private static string Span(string text, IReadOnlyList<Token> tokens, int start, int end) =>
        text[tokens[start].Start..tokens[end - 1].End];

    private IReadOnlyList<string> Suggest(List<Token> plain)
    {
        var words = Fillers.Strip(plain.Where(t => t.Type == TokenType.Word).Select(t => t.Norm).ToList());
        if (words.Count == 0)
        {
            return [];
        }

        // Suggestions answer a mistyped condition, which is short; a long text gets none (and costs no scan of every term).
        var joined = string.Concat(words);
        if (joined.Length > MaxSuggestionLength)
        {
            return [];
        }

        var query = Similarity.TrigramCounts(joined);
        var content = words.Where(w => w.Length >= 3 && !Fillers.IsStopWord(w)).Distinct(StringComparer.Ordinal).ToList();
        var totalWeight = content.Sum(phrases.Rarity);

        // Only terms sharing a trigram or a word with the text can reach the floor: the indexes find them directly, and
        // their scores accumulate in per-thread arrays indexed by term (no dictionary per query).
        var index = phrases.Suggestions;
        var scratch = index.Rent();
        try
        {
            // Words first: the terms sharing a word with the text, scored by the words' rarity. The third-best condition
            // they give is a score the trigram pass must reach to change the answer, so it skips every term too long to.
            if (totalWeight > 0)
            {
                foreach (var w in content)
                {
                    var rarity = phrases.Rarity(w);
                    foreach (var t in index.WithWord(w))
                    {
                        scratch.AddShared(t, rarity);
                    }
                }

                foreach (var t in scratch.Touched)
                {
                    var byWords = 0.3 + (0.6 * scratch.Shared[t] / totalWeight);
                    if (byWords >= SuggestionFloor)
                    {
                        scratch.Offer(index.ConditionOf[t], byWords);
                    }
                }
            }

            // A term's score is the better of its word score (offered above) and its trigram score (offered here).
            index.Dice(query, Math.Max(SuggestionFloor, scratch.ThirdBest()), scratch);
            foreach (var t in scratch.Touched)
            {
                if (scratch.Scores[t] >= SuggestionFloor)
                {
                    scratch.Offer(index.ConditionOf[t], scratch.Scores[t]);
                }
            }

            return TopThree(scratch, index);
        }
        finally
        {
            index.Return(scratch);
        }
    }

    /// <summary>The three conditions with the best scores, best first, ties by id (a selection, not a sort of all).</summary>
    private static IReadOnlyList<string> TopThree(SuggestionScratch scratch, SuggestionIndex index)
    {
        Span<int> top = [-1, -1, -1];
        foreach (var c in scratch.Scored)
        {
            for (var k = 0; k < top.Length; k++)
            {
                if (top[k] < 0 || Before(c, top[k]))
                {
                    for (var m = top.Length - 1; m > k; m--)
                    {
                        top[m] = top[m - 1];
                    }

                    top[k] = c;
                    break;
                }
            }
        }

        var result = new List<string>(3);
        foreach (var c in top)
        {
            if (c >= 0)
            {
                result.Add(index.ConditionIds[c]);
            }
        }

        return result.AsReadOnly();

        bool Before(int a, int b) => scratch.Best[a] != scratch.Best[b]
            ? scratch.Best[a] > scratch.Best[b]
            : string.CompareOrdinal(index.ConditionIds[a], index.ConditionIds[b]) < 0;
    }
}
