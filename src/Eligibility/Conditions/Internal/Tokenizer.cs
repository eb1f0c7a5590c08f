using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Eligibility.Conditions.Internal;

/// <summary>Splits input into normalised tokens. Stateless and thread-safe.</summary>
internal static partial class Tokenizer
{
    private static readonly HashSet<string> KeepFinalS = new(StringComparer.Ordinal)
    {
        "this", "has", "was", "is", "as", "us", "yes", "gas", "bus", "plus", "its", "his", "hers", "ours", "yours", "theirs",
    };

    /// <summary>Lower-cases, removes diacritics and apostrophes; keeps offsets aligned with the input.</summary>
    /// <param name="text">The raw text.</param>
    /// <returns>Text of the same length with each character folded (apostrophes become <c>\u0001</c>).</returns>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(FoldChar(c));
        }

        return builder.ToString();
    }

    /// <summary>Tokenizes text; code-shaped tokens are reported as <see cref="TokenType.Code"/> when <paramref name="detectCodes"/> is set.</summary>
    /// <param name="text">The raw text.</param>
    /// <param name="detectCodes">Whether to look for ICD-10-CM shaped tokens.</param>
    /// <returns>The tokens in order.</returns>
    public static List<Token> Tokenize(string text, bool detectCodes = true)
    {
        var folded = Fold(text);
        var tokens = new List<Token>();
        var i = 0;
        while (i < folded.Length)
        {
            var c = folded[i];
            if (detectCodes && char.IsAsciiLetter(c) && (i == 0 || !char.IsLetterOrDigit(folded[i - 1])))
            {
                var match = CodePattern().Match(folded, i);
                if (match.Success && match.Index == i)
                {
                    var raw = text.Substring(i, match.Length);
                    tokens.Add(new Token(raw, IcdCode.Normalize(raw), TokenType.Code, i, i + match.Length));
                    i += match.Length;
                    continue;
                }
            }

            if (char.IsLetterOrDigit(c) || c == '\u0001')
            {
                var start = i;
                var word = new StringBuilder();
                var original = new StringBuilder();
                while (i < folded.Length && (char.IsLetterOrDigit(folded[i]) || folded[i] == '\u0001'))
                {
                    if (folded[i] != '\u0001')
                    {
                        word.Append(folded[i]);
                        original.Append(RemoveDiacritics(text[i]));
                    }

                    i++;
                }

                if (word.Length > 0)
                {
                    tokens.Add(new Token(original.ToString(), Stem(word.ToString()), TokenType.Word, start, i));
                }

                continue;
            }

            if (c is ',' or ';' or '.' or '!' or '?' or '\n' or '\r' or ':' or '(' or ')' or '[' or ']' or '|' or '•')
            {
                // A full stop inside a number ("7.5") is not a separator.
                if (c == '.' && i > 0 && i + 1 < folded.Length && char.IsDigit(folded[i - 1]) && char.IsDigit(folded[i + 1]))
                {
                    i++;
                    continue;
                }

                if (tokens.Count == 0 || tokens[^1].Type != TokenType.Boundary || tokens[^1].Separator != c)
                {
                    tokens.Add(new Token(c.ToString(), c.ToString(), TokenType.Boundary, i, i + 1, c));
                }

                i++;
                continue;
            }

            if (c is '&' or '+')
            {
                tokens.Add(new Token(c.ToString(), "and", TokenType.Word, i, i + 1));
            }

            i++;
        }

        return CollapseRepeats(ExpandShorthand(tokens));
    }

    /// <summary>
    /// Keeps one copy of a run of repeated units ("pain and pain and pain and", "no no no"): repeats add no meaning, and
    /// dropping them bounds the work any input costs. Units of one to four tokens are collapsed; offsets stay those of
    /// the copy kept.
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
            result.Add(t);
            for (var period = 1; period <= 4 && result.Count >= 2 * period; period++)
            {
                var repeated = true;
                for (var k = 0; k < period && repeated; k++)
                {
                    var a = result[result.Count - 1 - k];
                    var b = result[result.Count - 1 - period - k];
                    repeated = a.Type == b.Type && string.Equals(a.Norm, b.Norm, StringComparison.Ordinal);
                }

                if (repeated)
                {
                    result.RemoveRange(result.Count - period, period);
                    break;
                }
            }
        }

        return result;
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

    private static List<Token> ExpandShorthand(List<Token> tokens)
    {
        // "h/o", "r/o", "w/o", "s/p", "c/o" arrive as two words ("h", "o"): rewrite them to their meaning.
        var result = new List<Token>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Type == TokenType.Word && i + 1 < tokens.Count && tokens[i + 1].Type == TokenType.Word && tokens[i + 1].Start == t.End + 1)
            {
                var pair = t.Norm + "/" + tokens[i + 1].Norm;
                string[]? replacement = pair switch
                {
                    "h/o" => ["history", "of"],
                    "r/o" => ["rule", "out"],
                    "w/o" => ["without"],
                    "s/p" => ["status", "post"],
                    "c/o" => ["complain", "of"],
                    "f/h" => ["family", "history"],
                    _ => null,
                };
                if (replacement is not null)
                {
                    foreach (var word in replacement)
                    {
                        result.Add(new Token(word, word, TokenType.Word, t.Start, tokens[i + 1].End));
                    }

                    i++;
                    continue;
                }
            }

            if (t.Type == TokenType.Word && SingleShorthand.TryGetValue(t.Norm, out var expansion))
            {
                foreach (var word in expansion)
                {
                    result.Add(new Token(word, word, TokenType.Word, t.Start, t.End));
                }

                continue;
            }

            result.Add(t);
        }

        return result;
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

    [GeneratedRegex(@"[a-z][0-9][0-9a-z](?:\.[0-9a-z]{1,4}|[0-9a-z]{1,4})?(?![0-9a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
