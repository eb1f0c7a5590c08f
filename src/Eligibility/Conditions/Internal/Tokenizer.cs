using System.Buffers;
using System.Globalization;
using System.Text;

namespace Eligibility.Conditions.Internal;

/// <summary>Splits input into normalised tokens. Stateless and thread-safe.</summary>
internal static class Tokenizer
{
    private static readonly HashSet<string> KeepFinalS = new(StringComparer.Ordinal)
    {
        "this", "has", "was", "is", "as", "us", "yes", "gas", "bus", "plus", "its", "his", "hers", "ours", "yours", "theirs",
    };

    /// <summary>Lower-cases, removes diacritics and apostrophes; keeps offsets aligned with the input.</summary>
    /// <param name="text">The raw text.</param>
    /// <returns>Text of the same length with each character folded (apostrophes become <c>\u0001</c>).</returns>
    public static string Fold(string text) => string.Create(text.Length, text, static (span, source) => FoldInto(source, span));

    /// <summary>Tokenizes text; code-shaped tokens are reported as <see cref="TokenType.Code"/> when <paramref name="detectCodes"/> is set.</summary>
    /// <param name="text">The raw text.</param>
    /// <param name="detectCodes">Whether to look for ICD-10-CM shaped tokens.</param>
    /// <returns>The tokens in order.</returns>
    /// <remarks>
    /// One pass over the text, linear in its length: the folded copy lives on the stack (or in a pooled buffer for long
    /// text), code shapes are checked by hand instead of by a regular expression at every word, and a word written again
    /// shortly after ("pain and pain and ...") reuses the strings of its earlier copy instead of allocating new ones.
    /// </remarks>
    public static List<Token> Tokenize(string text, bool detectCodes = true) => Tokenize(text, detectCodes, skipRepeatedTail: true);

    /// <summary>Tokenizes text, optionally without skipping the copies of a repeating tail (tests compare the two).</summary>
    /// <param name="text">The raw text.</param>
    /// <param name="detectCodes">Whether to look for ICD-10-CM shaped tokens.</param>
    /// <param name="skipRepeatedTail">Whether copies proven to change nothing are skipped.</param>
    /// <returns>The tokens in order.</returns>
    internal static List<Token> Tokenize(string text, bool detectCodes, bool skipRepeatedTail)
    {
        char[]? rented = null;
        var folded = text.Length <= StackFoldLimit
            ? stackalloc char[text.Length]
            : (rented = ArrayPool<char>.Shared.Rent(text.Length)).AsSpan(0, text.Length);
        try
        {
            FoldInto(text, folded);
            return Scan(text, folded, detectCodes, skipRepeatedTail);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Longest text folded on the stack; longer text borrows a pooled buffer.</summary>
    private const int StackFoldLimit = 512;

    /// <summary>How far back a word looks for an identical earlier copy whose strings it can share.</summary>
    private const int ReuseLookBack = 2 * MaxRepeatPeriod;

    private static List<Token> Scan(string text, ReadOnlySpan<char> folded, bool detectCodes, bool skipRepeatedTail)
    {
        // Raw tokens go through shorthand expansion and repeat collapsing as they are read, so a long repetitive text
        // never builds a long list: the work after this pass depends on what the text says, not on how often it says it.
        var stream = new TokenStream();
        var tokens = stream.Output;
        var lastSeparator = '\0';
        var (periodStart, period) = skipRepeatedTail ? PeriodicTail(text) : (0, 0);
        var nextCheckpoint = period > 0 ? periodStart + period : int.MaxValue;
        State? previous = null;
        var i = 0;
        while (i < folded.Length)
        {
            if (i >= nextCheckpoint)
            {
                // A text whose tail repeats one unit of characters ("pain and pain and ..."): once a whole unit read
                // leaves the state of the reading exactly as it found it, every further copy would too, so the copies up
                // to the last whole one are skipped. The state compared is everything the reading depends on (the tokens
                // so far, the word held back, the last separator); offsets of what is kept are those of the copies read.
                if (i == nextCheckpoint)
                {
                    var state = new State(stream, lastSeparator);
                    if (previous is not null && state.SameAs(previous))
                    {
                        // At least one character is left to read normally: the end of the text reads differently
                        // from the middle of a copy ("1." ends a sentence only at the end).
                        var copies = (folded.Length - i - 1) / period;
                        stream.Shift(copies * period);
                        i += copies * period;
                        nextCheckpoint = int.MaxValue;
                        continue;
                    }

                    previous = state;
                }
                else
                {
                    previous = null; // a token ran across the unit's edge: compare at the next one
                }

                nextCheckpoint += period;
                if (nextCheckpoint > periodStart + (MaxCheckedCopies * period))
                {
                    nextCheckpoint = int.MaxValue;
                }
            }

            var c = folded[i];
            if (detectCodes && char.IsAsciiLetterLower(c) && (i == 0 || !char.IsLetterOrDigit(folded[i - 1])))
            {
                var length = CodeLength(folded, i);
                if (length > 0)
                {
                    lastSeparator = '\0';
                    stream.Add(Reuse(stream, text, i, length, TokenType.Code, out var reused)
                        ? reused
                        : new Token(text.Substring(i, length), IcdCode.Normalize(text.Substring(i, length)), TokenType.Code, i, i + length));
                    i += length;
                    continue;
                }
            }

            if (char.IsLetterOrDigit(c) || c == '\u0001')
            {
                var start = i;
                var apostrophes = false;
                while (i < folded.Length && (char.IsLetterOrDigit(folded[i]) || folded[i] == '\u0001'))
                {
                    apostrophes |= folded[i] == '\u0001';
                    i++;
                }

                if (Reuse(stream, text, start, i - start, TokenType.Word, out var same))
                {
                    lastSeparator = '\0';
                    stream.Add(same);
                    continue;
                }

                var word = Word(text, folded, start, i, apostrophes, out var original);
                if (word.Length > 0)
                {
                    lastSeparator = '\0';
                    stream.Add(new Token(original, Stem(word), TokenType.Word, start, i));
                }

                continue;
            }

            if (SeparatorText(c) is { } separator)
            {
                // A full stop inside a number ("7.5") is not a separator.
                if (c == '.' && i > 0 && i + 1 < folded.Length && char.IsDigit(folded[i - 1]) && char.IsDigit(folded[i + 1]))
                {
                    i++;
                    continue;
                }

                if (lastSeparator != c)
                {
                    stream.Add(new Token(separator, separator, TokenType.Boundary, i, i + 1, c));
                    lastSeparator = c;
                }

                i++;
                continue;
            }

            if (c is '&' or '+')
            {
                lastSeparator = '\0';
                stream.Add(new Token(c == '&' ? "&" : "+", "and", TokenType.Word, i, i + 1));
            }

            i++;
        }

        stream.Finish();
        return tokens;
    }

    /// <summary>Copies of a repeating tail compared before giving up on skipping the rest.</summary>
    private const int MaxCheckedCopies = 6;

    /// <summary>Shortest text whose repeating tail is looked for (an ordinary input is shorter).</summary>
    private const int MinPeriodicText = 48;

    /// <summary>Length of the end of the text searched for earlier in it to find the unit of a repeating tail.</summary>
    private const int PeriodProbe = 12;

    /// <summary>
    /// A tail of the text made of at least four copies of one unit of characters, as (start, unit length), or (0, 0).
    /// The unit is the distance back to the nearest earlier occurrence of the text's last characters; the tail is how far
    /// back the text repeats with that unit. Both are vectorised searches and comparisons, so an ordinary text pays
    /// almost nothing for the check.
    /// </summary>
    internal static (int Start, int Period) PeriodicTail(string text)
    {
        var n = text.Length;
        if (n < MinPeriodicText)
        {
            return (0, 0);
        }

        var span = text.AsSpan();
        var previous = span[..(n - 1)].LastIndexOf(span[(n - PeriodProbe)..]);
        if (previous < 0)
        {
            return (0, 0);
        }

        var period = n - PeriodProbe - previous;

        // Walk back one unit at a time while the unit before equals the unit after; then character by character.
        var start = n - period;
        while (start - period >= 0 && span.Slice(start - period, period).SequenceEqual(span.Slice(start, period)))
        {
            start -= period;
        }

        while (start > 0 && span[start - 1] == span[start - 1 + period])
        {
            start--;
        }

        return n - start >= 4 * period ? (start, period) : (0, 0);
    }

    /// <summary>What reading the rest of a text depends on, without offsets: kinds and forms of the tokens so far, the
    /// word held back and the last separator.</summary>
    private sealed class State
    {
        private readonly (TokenType Type, string Norm, string Original, int Length)[] tokens;
        private readonly (TokenType Type, string Norm, string Original, int Length)? pending;
        private readonly char lastSeparator;

        public State(TokenStream stream, char lastSeparator)
        {
            tokens = [.. stream.Output.Select(t => (t.Type, t.Norm, t.Original, t.End - t.Start))];
            pending = stream.Pending is { } p ? (p.Type, p.Norm, p.Original, p.End - p.Start) : null;
            this.lastSeparator = lastSeparator;
        }

        public bool SameAs(State other) =>
            lastSeparator == other.lastSeparator && pending == other.pending && tokens.AsSpan().SequenceEqual(other.tokens);
    }

    /// <summary>The word's folded form without apostrophes, and its original spelling without diacritics.</summary>
    private static string Word(string text, ReadOnlySpan<char> folded, int start, int end, bool apostrophes, out string original)
    {
        var raw = text.AsSpan(start, end - start);
        if (!apostrophes && Ascii.IsValid(raw))
        {
            // The common case: ASCII without apostrophes, where folding is lower-casing.
            original = raw.ToString();
            return ContainsUpper(raw) ? folded[start..end].ToString() : original;
        }

        Span<char> word = end - start <= 128 ? stackalloc char[end - start] : new char[end - start];
        Span<char> spelled = end - start <= 128 ? stackalloc char[end - start] : new char[end - start];
        var length = 0;
        for (var k = start; k < end; k++)
        {
            if (folded[k] != '\u0001')
            {
                word[length] = folded[k];
                spelled[length] = RemoveDiacritics(text[k]);
                length++;
            }
        }

        original = spelled[..length].ToString();
        return word[..length].ToString();
    }

    private static bool ContainsUpper(ReadOnlySpan<char> raw)
    {
        foreach (var c in raw)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A word or code written again within the last few tokens ("heroin heroin heroin", "F11.23 F11.23") shares the
    /// strings of that copy: repeated text costs no new allocation.
    /// </summary>
    private static bool Reuse(TokenStream stream, string text, int start, int length, TokenType type, out Token token)
    {
        var raw = text.AsSpan(start, length);
        if (stream.Pending is { } pending && Same(pending, raw, type))
        {
            token = pending with { Start = start, End = start + length };
            return true;
        }

        var tokens = stream.Output;
        for (var k = tokens.Count - 1; k >= 0 && k >= tokens.Count - ReuseLookBack; k--)
        {
            if (Same(tokens[k], raw, type))
            {
                token = tokens[k] with { Start = start, End = start + length };
                return true;
            }
        }

        token = default;
        return false;
    }

    /// <summary>
    /// Whether an earlier token was read from exactly this text. Its spelling must equal the text, which also keeps
    /// out the words shorthand expands to ("lbp" is read as "low back pain", three tokens spelled otherwise).
    /// </summary>
    private static bool Same(Token earlier, ReadOnlySpan<char> raw, TokenType type) =>
        earlier.Type == type && earlier.End - earlier.Start == raw.Length && raw.SequenceEqual(earlier.Original);

    /// <summary>
    /// Length of an ICD-10-CM shaped token at <paramref name="i"/> in folded text, or 0: a letter, a digit, a letter or
    /// digit, then up to four more (with or without a dot), and no letter or digit right after. Same shape as the
    /// pattern <c>[a-z][0-9][0-9a-z](\.[0-9a-z]{1,4}|[0-9a-z]{1,4})?(?![0-9a-z])</c>, read without backtracking.
    /// </summary>
    internal static int CodeLength(ReadOnlySpan<char> folded, int i)
    {
        if (i + 3 > folded.Length || !char.IsAsciiLetterLower(folded[i]) || !char.IsAsciiDigit(folded[i + 1]) || !IsCodeChar(folded[i + 2]))
        {
            return 0;
        }

        var more = Run(folded, i + 3);
        if (more is >= 1 and <= 4)
        {
            return 3 + more;
        }

        if (more > 4)
        {
            return 0; // "c12345": too long for a code, and no shorter reading ends at a non-alphanumeric
        }

        // Nothing right after the three characters: an optional dot with one to four more.
        if (i + 3 < folded.Length && folded[i + 3] == '.')
        {
            var after = Run(folded, i + 4);
            if (after is >= 1 and <= 4)
            {
                return 4 + after;
            }
        }

        return 3;
    }

    private static int Run(ReadOnlySpan<char> folded, int from)
    {
        var k = from;
        while (k < folded.Length && IsCodeChar(folded[k]))
        {
            k++;
        }

        return k - from;
    }

    private static bool IsCodeChar(char c) => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c);

    private static string? SeparatorText(char c) => c switch
    {
        ',' => ",",
        ';' => ";",
        '.' => ".",
        '!' => "!",
        '?' => "?",
        '\n' => "\n",
        '\r' => "\r",
        ':' => ":",
        '(' => "(",
        ')' => ")",
        '[' => "[",
        ']' => "]",
        '|' => "|",
        '•' => "•",
        _ => null,
    };

    /// <summary>Longest unit of tokens whose consecutive copies collapse into one.</summary>
    internal const int MaxRepeatPeriod = 16;

    /// <summary>
    /// Keeps one copy of a run of repeated units ("pain and pain and pain and", "no no no", a list written ten times):
    /// repeats add no meaning, and dropping them bounds the work any input costs. Units of up to
    /// <see cref="MaxRepeatPeriod"/> tokens are collapsed; offsets stay those of the copies kept. A unit that holds a
    /// sentence end ("cancer. cancer.") keeps two copies: the first reads in the context before it ("family history of
    /// cancer."), the second in a fresh sentence, and every further copy reads exactly like the second.
    /// </summary>
    /// <param name="tokens">The tokens.</param>
    /// <returns>The tokens without consecutive repeats.</returns>
    internal static List<Token> CollapseRepeats(List<Token> tokens)
    {
        if (tokens.Count < 2)
        {
            return tokens;
        }

        var result = new List<Token>(tokens.Count);
        foreach (var t in tokens)
        {
            AppendCollapsing(result, t);
        }

        return result;
    }

    /// <summary>Appends a token, then drops the copy it completes if the list now ends with a unit written twice.</summary>
    private static void AppendCollapsing(List<Token> result, Token t)
    {
        result.Add(t);
        for (var period = 1; period <= MaxRepeatPeriod && result.Count >= 2 * period; period++)
        {
            if (!SameUnit(result, period, 1))
            {
                continue;
            }

            if (EndsSentence(result, period) && (result.Count < 3 * period || !SameUnit(result, period, 2)))
            {
                continue;
            }

            result.RemoveRange(result.Count - period, period);
            return;
        }
    }

    /// <summary>Whether the last <paramref name="period"/> tokens equal the <paramref name="back"/>-th unit before them.</summary>
    private static bool SameUnit(List<Token> result, int period, int back)
    {
        for (var k = 0; k < period; k++)
        {
            var a = result[result.Count - 1 - k];
            var b = result[result.Count - 1 - (back * period) - k];
            if (a.Type != b.Type || !string.Equals(a.Norm, b.Norm, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the last unit holds a boundary that ends a negation or family scope (anything but a comma).</summary>
    private static bool EndsSentence(List<Token> result, int period)
    {
        for (var k = result.Count - period; k < result.Count; k++)
        {
            if (result[k].Type == TokenType.Boundary && !result[k].IsComma)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Normalises a phrase to its token key (words joined by one space, boundaries dropped).</summary>
    /// <param name="phrase">The phrase.</param>
    /// <returns>The key, or an empty string.</returns>
    public static string Key(string phrase) =>
        string.Join(' ', Tokenize(phrase, detectCodes: false).Where(t => t.Type == TokenType.Word).Select(t => t.Norm));

    /// <summary>Reduces a lower-case word to a crude singular so that "spasms" and "spasm" compare equal.</summary>
    /// <param name="word">The lower-case word.</param>
    /// <returns>The stem.</returns>
    public static string Stem(string word)
    {
        // Words without a vowel are abbreviations ("crps", "scds"): keep them whole.
        if (word.Length <= 3 || !char.IsAsciiLetter(word[^1]) || KeepFinalS.Contains(word) || !word.Any(c => "aeiouy".Contains(c)))
        {
            return word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^3] + "y";
        }

        if (word.EndsWith("sses", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
            && !word.EndsWith("is", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }

    /// <summary>
    /// Raw tokens in, final tokens out: clinical shorthand expanded ("h/o" is "history of", "LBP" is "low back pain"),
    /// then each token appended with <see cref="AppendCollapsing"/>. The same result as expanding the whole list and
    /// then collapsing it, without ever holding the uncollapsed list.
    /// </summary>
    private sealed class TokenStream
    {
        public List<Token> Output { get; } = new(16);

        /// <summary>The last word read, held back until the next token shows whether the two form "h/o", "s/p" ...</summary>
        public Token? Pending { get; private set; }

        public void Add(Token raw)
        {
            if (Pending is { } held)
            {
                Pending = null;
                if (raw.Type == TokenType.Word && PairShorthand(held, raw) is { } pair)
                {
                    foreach (var word in pair)
                    {
                        AppendCollapsing(Output, new Token(word, word, TokenType.Word, held.Start, raw.End));
                    }

                    return;
                }

                AppendExpanded(held);
            }

            if (raw.Type == TokenType.Word)
            {
                Pending = raw;
                return;
            }

            AppendCollapsing(Output, raw);
        }

        /// <summary>Moves the held-back word as if the text skipped had been read (its copies left nothing behind).</summary>
        /// <param name="offset">Characters skipped.</param>
        public void Shift(int offset)
        {
            if (Pending is { } held)
            {
                Pending = held with { Start = held.Start + offset, End = held.End + offset };
            }
        }

        public void Finish()
        {
            if (Pending is { } held)
            {
                Pending = null;
                AppendExpanded(held);
            }
        }

        private void AppendExpanded(Token t)
        {
            if (SingleShorthand.TryGetValue(t.Norm, out var expansion))
            {
                foreach (var word in expansion)
                {
                    AppendCollapsing(Output, new Token(word, word, TokenType.Word, t.Start, t.End));
                }

                return;
            }

            AppendCollapsing(Output, t);
        }

        // "h/o", "r/o", "w/o", "s/p", "c/o" arrive as two words ("h", "o"): rewrite them to their meaning.
        private static string[]? PairShorthand(Token first, Token second)
        {
            if (first.Norm.Length != 1 || second.Norm.Length != 1 || second.Start != first.End + 1)
            {
                return null;
            }

            return (first.Norm[0], second.Norm[0]) switch
            {
                ('h', 'o') => ["history", "of"],
                ('r', 'o') => ["rule", "out"],
                ('w', 'o') => ["without"],
                ('s', 'p') => ["status", "post"],
                ('c', 'o') => ["complain", "of"],
                ('f', 'h') => ["family", "history"],
                _ => null,
            };
        }
    }

    // Clinical shorthand written as one word: "c/o chronic LBP", "pt w/ hx of ...", "IVDU".
    private static readonly Dictionary<string, string[]> SingleShorthand = new(StringComparer.Ordinal)
    {
        ["lbp"] = ["low", "back", "pain"],
        ["clbp"] = ["chronic", "low", "back", "pain"],
        ["w"] = ["with"],
        ["ivdu"] = ["iv", "drug", "use"],
        ["ivda"] = ["iv", "drug", "abuse"],
        ["abd"] = ["abdominal"],
        ["sx"] = ["symptom"],
        ["yrs"] = ["year"],
        ["yr"] = ["year"],
        ["mos"] = ["month"],
        ["mths"] = ["month"],
    };

    private static void FoldInto(string text, Span<char> folded)
    {
        // ASCII text, the common case: vectorised lower-casing, then the few characters folding changes otherwise.
        if (Ascii.ToLower(text, folded, out _) == OperationStatus.Done)
        {
            var rest = folded;
            int k;
            while ((k = rest.IndexOfAny(AsciiFolded)) >= 0)
            {
                rest[k] = FoldChar(rest[k]);
                rest = rest[(k + 1)..];
            }

            return;
        }

        for (var k = 0; k < text.Length; k++)
        {
            folded[k] = FoldChar(text[k]);
        }
    }

    /// <summary>The ASCII characters folding turns into something other than their lower case.</summary>
    private static readonly SearchValues<char> AsciiFolded = SearchValues.Create("'`-_/\\");

    private static char FoldChar(char c)
    {
        if (c is '\'' or '\u2019' or '\u2018' or '`' or '\u00B4')
        {
            return '\u0001';
        }

        if (c is '\u2013' or '\u2014' or '-' or '_' or '/' or '\\')
        {
            return ' ';
        }

        if (char.IsAscii(c))
        {
            return char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
        }

        return char.ToLowerInvariant(RemoveDiacritics(c));
    }

    private static char RemoveDiacritics(char c)
    {
        // Half of a surrogate pair (an emoji, say) is not a code point on its own and cannot be normalised.
        if (c < 128 || char.IsSurrogate(c))
        {
            return c;
        }

        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        foreach (var d in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
            {
                return d;
            }
        }

        return c;
    }
}
