
namespace Eligibility.Conditions.Internal;

/// <summary>Filler phrases ("I have", "diagnosed with", "history of") and stop words. Thread-safe.</summary>
internal static class Fillers
{
    private static readonly string[] LeadingPhrases =
    [
        "i have", "i ve", "ive", "i got", "ive got", "i have got", "i have been diagnosed with", "ive been diagnosed with",
        "i was diagnosed with", "i am diagnosed with", "i am", "im", "i suffer from", "i suffer with", "i struggle with", "i live with",
        "i deal with", "i", "me", "my", "mine", "patient has", "patient with", "patient", "pt has", "pt with", "pt", "the patient has",
        "client has", "has", "have", "had", "having", "with", "history of", "history", "hx of", "hx", "pmh", "pmh of",
        "past medical history of", "past medical history", "medical history of", "medical history", "known", "known history of",
        "diagnosed with", "diagnosed", "was diagnosed with", "been diagnosed with", "dx with", "dx of", "dx", "diagnosis of",
        "diagnosis", "diagnoses", "suffering from", "suffers from", "suffer from", "struggling with", "dealing with", "living with",
        "a", "an", "the", "of", "from", "severe", "bad", "really bad", "really", "very", "terrible", "horrible", "awful",
        "confirmed", "ongoing", "current", "currently", "active", "some", "also", "and", "so", "um", "uh", "well", "yes", "hi",
        "hello", "condition", "qualifying condition", "medical condition", "for", "need", "need help with", "want", "treated for",
        "being treated for", "treatment for", "in treatment for", "seeing a doctor for", "doctor says", "doctor said",
        "tengo", "sufro de", "sufro", "padezco de", "padezco", "mi", "diagnosticado con", "diagnosticada con", "con", "de", "el", "la",
        "los", "las", "un", "una",
    ];

    private static readonly string[] TrailingPhrases =
    [
        "diagnosis", "dx", "condition", "problem", "issue", "please", "thanks", "thank you", "for years", "for a long time",
        "for many years", "since childhood", "since birth",
    ];

    private static readonly HashSet<string> StopWordSet = new[]
    {
        "a", "an", "the", "and", "or", "nor", "plus", "also", "as", "well", "of", "for", "from", "since", "in", "on", "at", "by",
        "to", "it", "this", "that", "which", "who", "very", "really", "so", "some", "any", "all", "been", "be", "being", "do",
        "doe", "did", "get", "got", "about", "after", "before", "due", "because", "my", "me", "i", "im", "ive", "we", "our",
        "your", "his", "her", "their", "he", "she", "they", "them", "him", "its", "am", "are", "is", "was", "were", "will",
        "would", "can", "could", "should", "may", "might", "must", "need", "want", "like", "just", "still", "now", "then",
        "there", "here", "yes", "ok", "okay", "please", "thank", "thanks", "you", "hello", "hi", "help", "doctor", "dr",
        "medical", "cannabis", "marijuana", "card", "mmj", "recommend", "recommendation", "qualify", "qualifying", "condition",
        "diagnosis", "diagnosed", "history", "hx", "dx", "patient", "pt", "year", "yr", "month", "week", "day", "ago", "time",
        "old", "age", "male", "female", "man", "woman", "has", "have", "had", "having", "with", "without", "but", "however",
        "not", "no", "never", "know", "known", "think", "feel", "feeling", "suffer", "suffering", "struggle", "struggling",
        "deal", "dealing", "living", "live", "severe", "bad", "terrible", "horrible", "awful", "chronic", "current", "currently",
        "ongoing", "active", "confirmed", "treated", "treatment", "treating", "taking", "take", "using", "use", "been", "being",
        "lot", "lots", "much", "many", "bit", "little", "more", "less", "than", "what", "when", "where", "why", "how", "if",
        "um", "uh", "etc", "other", "others", "stuff", "thing", "things", "life", "since", "ever", "long", "again", "too",
        "whole", "every", "each", "both", "either", "because", "cause", "caused", "causing", "after", "during", "while",
        "mild", "moderate", "worse", "worst", "better", "good", "great", "very", "extremely", "pretty", "kind", "sort",
        "de", "del", "la", "el", "los", "las", "lo", "y", "por", "con", "mi", "mis", "un", "una", "tengo", "sufro", "padezco", "que",
        "en", "muy", "desde", "hace",
    }.Concat(ContextCues.CueWords).ToHashSet(StringComparer.Ordinal);

    private static readonly string[][] Leading = Prepare(LeadingPhrases);
    private static readonly string[][] Trailing = Prepare(TrailingPhrases);

    /// <summary>Whether a normalised word carries no condition content.</summary>
    /// <param name="norm">The normalised word.</param>
    /// <returns><see langword="true"/> for stop words, cue words and numbers.</returns>
    public static bool IsStopWord(string norm) =>
        norm.Length < 2 || StopWordSet.Contains(norm) || norm.All(char.IsDigit);

    /// <summary>Removes leading and trailing filler phrases.</summary>
    /// <param name="words">Normalised words.</param>
    /// <returns>The remaining words (possibly empty).</returns>
    public static List<string> Strip(IReadOnlyList<string> words)
    {
        var list = words.ToList();
        var changed = true;
        while (changed && list.Count > 0)
        {
            changed = false;
            foreach (var phrase in Leading)
            {
                if (phrase.Length <= list.Count && phrase.Length < list.Count + 1 && StartsWith(list, phrase))
                {
                    list.RemoveRange(0, phrase.Length);
                    changed = true;
                    break;
                }
            }
        }

        changed = true;
        while (changed && list.Count > 0)
        {
            changed = false;
            foreach (var phrase in Trailing)
            {
                if (phrase.Length <= list.Count && EndsWith(list, phrase))
                {
                    list.RemoveRange(list.Count - phrase.Length, phrase.Length);
                    changed = true;
                    break;
                }
            }
        }

        return list;
    }

    private static bool StartsWith(List<string> list, string[] phrase)
    {
        for (var i = 0; i < phrase.Length; i++)
        {
            if (!string.Equals(list[i], phrase[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool EndsWith(List<string> list, string[] phrase)
    {
        var offset = list.Count - phrase.Length;
        for (var i = 0; i < phrase.Length; i++)
        {
            if (!string.Equals(list[offset + i], phrase[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static string[][] Prepare(IEnumerable<string> phrases) =>
        phrases.Select(p => Tokenizer.Key(p).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length > 0)
            .OrderByDescending(p => p.Length)
            .ToArray();
}
