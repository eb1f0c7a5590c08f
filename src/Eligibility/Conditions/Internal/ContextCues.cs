
namespace Eligibility.Conditions.Internal;

/// <summary>The kind of a context cue found around a condition mention.</summary>
internal enum CueType
{
    /// <summary>Negates mentions that follow ("no", "denies", "negative for").</summary>
    PreNegation,

    /// <summary>Negates the mention before it ("ruled out", "negative").</summary>
    PostNegation,

    /// <summary>Attributes following mentions to a relative ("mother", "family history of").</summary>
    PreFamily,

    /// <summary>Attributes the mention before it to the family ("runs in the family").</summary>
    PostFamily,

    /// <summary>Attributes following mentions to someone other than the patient ("my wife", "my dog").</summary>
    PreOther,

    /// <summary>Makes following mentions uncertain ("possible", "rule out").</summary>
    PreUncertain,

    /// <summary>Makes the mention before it uncertain ("suspected").</summary>
    PostUncertain,

    /// <summary>Turns a following mention into something that is not a diagnosis ("risk of", "screening for").</summary>
    PreBlock,

    /// <summary>Looks like a negation but is not ("no relief", "not improved").</summary>
    Pseudo,

    /// <summary>Ends the scope of a cue ("but", "however", a new subject "I").</summary>
    Terminator,

    /// <summary>A verb that ends a scope once the scope already holds content ("no cancer, has PTSD").</summary>
    Verb,
}

/// <summary>How the context qualifies a mention.</summary>
internal enum MentionContext
{
    /// <summary>The condition is asserted for the person.</summary>
    Affirmed,

    /// <summary>The condition is denied or ruled out.</summary>
    Negated,

    /// <summary>The condition belongs to a relative.</summary>
    Family,

    /// <summary>The condition belongs to someone else (partner, friend, pet).</summary>
    Other,

    /// <summary>The condition is only suspected.</summary>
    Uncertain,

    /// <summary>The mention is about risk, screening, exposure, carrier status and so on.</summary>
    Blocked,
}

/// <summary>A cue found in a token stream.</summary>
/// <param name="Start">First token index.</param>
/// <param name="End">Token index just past the cue.</param>
/// <param name="Type">The cue type.</param>
internal readonly record struct CueSpan(int Start, int End, CueType Type);

/// <summary>NegEx-style detection of negation, family history, uncertainty and non-diagnostic context. Thread-safe.</summary>
internal static class ContextCues
{
    private const int Window = 8;

    private static readonly (string Phrase, CueType Type)[] Phrases =
    [
        // Negation before the mention.
        ("no", CueType.PreNegation), ("not", CueType.PreNegation), ("never", CueType.PreNegation), ("denies", CueType.PreNegation),
        ("denied", CueType.PreNegation), ("deny", CueType.PreNegation), ("denying", CueType.PreNegation), ("without", CueType.PreNegation),
        ("negative for", CueType.PreNegation), ("neg for", CueType.PreNegation), ("tested negative for", CueType.PreNegation),
        ("free of", CueType.PreNegation), ("free from", CueType.PreNegation), ("no history of", CueType.PreNegation), ("no hx of", CueType.PreNegation),
        ("no sign of", CueType.PreNegation), ("no evidence of", CueType.PreNegation), ("absence of", CueType.PreNegation),
        ("ruled out", CueType.PreNegation), ("no longer has", CueType.PreNegation), ("no longer", CueType.PreNegation),
        ("doesnt have", CueType.PreNegation), ("does not have", CueType.PreNegation), ("dont have", CueType.PreNegation),
        ("do not have", CueType.PreNegation), ("didnt have", CueType.PreNegation), ("did not have", CueType.PreNegation),
        ("never had", CueType.PreNegation), ("has never had", CueType.PreNegation), ("never been diagnosed with", CueType.PreNegation),
        ("not diagnosed with", CueType.PreNegation), ("nor", CueType.PreNegation), ("neither", CueType.PreNegation),
        ("cleared of", CueType.PreNegation), ("cured of", CueType.PreNegation),

        // Negation after the mention.
        ("ruled out", CueType.PostNegation), ("was ruled out", CueType.PostNegation), ("has been ruled out", CueType.PostNegation),
        ("negative", CueType.PostNegation), ("is negative", CueType.PostNegation), ("was negative", CueType.PostNegation),
        ("denied", CueType.PostNegation), ("resolved", CueType.PostNegation), ("excluded", CueType.PostNegation),
        ("unlikely", CueType.PostNegation), ("not present", CueType.PostNegation), ("not found", CueType.PostNegation),
        ("free", CueType.PostNegation), ("cured", CueType.PostNegation), ("was cured", CueType.PostNegation),

        // Family history and other people.
        ("family history of", CueType.PreFamily), ("family history", CueType.PreFamily), ("family hx of", CueType.PreFamily),
        ("family hx", CueType.PreFamily), ("fhx", CueType.PreFamily), ("fh of", CueType.PreFamily), ("fh", CueType.PreFamily),
        ("mother", CueType.PreFamily), ("mom", CueType.PreFamily), ("mum", CueType.PreFamily), ("mommy", CueType.PreFamily),
        ("father", CueType.PreFamily), ("dad", CueType.PreFamily), ("daddy", CueType.PreFamily), ("brother", CueType.PreFamily),
        ("sister", CueType.PreFamily), ("sibling", CueType.PreFamily), ("parent", CueType.PreFamily), ("grandmother", CueType.PreFamily),
        ("grandfather", CueType.PreFamily), ("grandma", CueType.PreFamily), ("grandpa", CueType.PreFamily), ("grandparent", CueType.PreFamily),
        ("aunt", CueType.PreFamily), ("uncle", CueType.PreFamily), ("cousin", CueType.PreFamily), ("son", CueType.PreFamily),
        ("daughter", CueType.PreFamily), ("child", CueType.PreFamily), ("children", CueType.PreFamily), ("kid", CueType.PreFamily),
        ("husband", CueType.PreOther), ("wife", CueType.PreOther), ("spouse", CueType.PreOther), ("partner", CueType.PreOther),
        ("boyfriend", CueType.PreOther), ("girlfriend", CueType.PreOther), ("friend", CueType.PreOther), ("relative", CueType.PreFamily),
        ("niece", CueType.PreFamily), ("nephew", CueType.PreFamily), ("family member", CueType.PreFamily),
        ("roommate", CueType.PreOther), ("coworker", CueType.PreOther), ("neighbor", CueType.PreOther), ("neighbour", CueType.PreOther),
        ("dog", CueType.PreOther), ("cat", CueType.PreOther), ("pet", CueType.PreOther), ("puppy", CueType.PreOther),
        ("kitten", CueType.PreOther), ("vet", CueType.PreOther), ("veterinarian", CueType.PreOther), ("someone", CueType.PreOther),
        ("somebody", CueType.PreOther), ("people with", CueType.PreOther), ("patients with", CueType.PreOther),
        ("runs in family", CueType.PostFamily), ("runs in the family", CueType.PostFamily), ("runs in my family", CueType.PostFamily),
        ("in the family", CueType.PostFamily), ("in my family", CueType.PostFamily), ("in family", CueType.PostFamily),
        ("family history", CueType.PostFamily), ("on my mother side", CueType.PostFamily), ("on my father side", CueType.PostFamily),

        // Uncertainty.
        ("possible", CueType.PreUncertain), ("possibly", CueType.PreUncertain), ("probable", CueType.PreUncertain),
        ("probably", CueType.PreUncertain), ("suspected", CueType.PreUncertain), ("suspect", CueType.PreUncertain),
        ("suspicion of", CueType.PreUncertain), ("suspicious for", CueType.PreUncertain), ("question of", CueType.PreUncertain),
        ("questionable", CueType.PreUncertain), ("rule out", CueType.PreUncertain), ("to rule out", CueType.PreUncertain),
        ("may have", CueType.PreUncertain), ("might have", CueType.PreUncertain), ("could have", CueType.PreUncertain),
        ("maybe", CueType.PreUncertain), ("concern for", CueType.PreUncertain), ("concerned about", CueType.PreUncertain),
        ("evaluate for", CueType.PreUncertain), ("evaluation for", CueType.PreUncertain), ("work up for", CueType.PreUncertain),
        ("workup for", CueType.PreUncertain), ("not sure", CueType.PreUncertain), ("unsure", CueType.PreUncertain),
        ("whether", CueType.PreUncertain), ("undiagnosed", CueType.PreUncertain), ("self diagnosed", CueType.PreUncertain),
        ("suspected", CueType.PostUncertain), ("possible", CueType.PostUncertain), ("not confirmed", CueType.PostUncertain),
        ("unconfirmed", CueType.PostUncertain), ("a little", CueType.PreUncertain), ("a bit", CueType.PreUncertain),
        ("kind of", CueType.PreUncertain), ("sort of", CueType.PreUncertain), ("somewhat", CueType.PreUncertain), ("pending", CueType.PostUncertain), ("to be ruled out", CueType.PostUncertain),

        // Not a diagnosis of the condition.
        ("risk of", CueType.PreBlock), ("risk for", CueType.PreBlock), ("at risk", CueType.PreBlock), ("at risk for", CueType.PreBlock),
        ("at risk of", CueType.PreBlock), ("screening for", CueType.PreBlock), ("screen for", CueType.PreBlock),
        ("screened for", CueType.PreBlock), ("test for", CueType.PreBlock), ("tested for", CueType.PreBlock),
        ("testing for", CueType.PreBlock), ("exposure to", CueType.PreBlock), ("exposed to", CueType.PreBlock),
        ("vaccine for", CueType.PreBlock), ("vaccinated against", CueType.PreBlock), ("vaccinated for", CueType.PreBlock),
        ("vaccination for", CueType.PreBlock), ("fear of", CueType.PreBlock), ("afraid of", CueType.PreBlock),
        ("worried about", CueType.PreBlock), ("worry about", CueType.PreBlock), ("prevent", CueType.PreBlock),
        ("prevention of", CueType.PreBlock), ("prophylaxis for", CueType.PreBlock), ("carrier of", CueType.PreBlock),

        // Pseudo-negations: they contain a cue word but negate nothing.
        ("no relief", CueType.Pseudo), ("not relieved", CueType.Pseudo), ("no improvement", CueType.Pseudo),
        ("not improved", CueType.Pseudo), ("no better", CueType.Pseudo), ("no change", CueType.Pseudo), ("no response", CueType.Pseudo),
        ("not responding", CueType.Pseudo), ("no longer able", CueType.Pseudo), ("not only", CueType.Pseudo), ("no end", CueType.Pseudo),
        ("not controlled", CueType.Pseudo), ("not well controlled", CueType.Pseudo), ("without relief", CueType.Pseudo),
        ("without improvement", CueType.Pseudo), ("never ending", CueType.Pseudo), ("no matter", CueType.Pseudo),
        ("no doubt", CueType.Pseudo), ("not helped", CueType.Pseudo), ("not helping", CueType.Pseudo), ("not working", CueType.Pseudo),
        ("no other option", CueType.Pseudo), ("no other treatment", CueType.Pseudo),

        // Scope terminators.
        ("but", CueType.Terminator), ("however", CueType.Terminator), ("although", CueType.Terminator), ("though", CueType.Terminator),
        ("except", CueType.Terminator), ("yet", CueType.Terminator), ("whereas", CueType.Terminator), ("while", CueType.Terminator),
        ("i", CueType.Terminator), ("im", CueType.Terminator), ("ive", CueType.Terminator), ("patient", CueType.Terminator),
        ("pt", CueType.Terminator), ("myself", CueType.Terminator),
        ("has", CueType.Verb), ("have", CueType.Verb), ("had", CueType.Verb), ("is", CueType.Verb), ("was", CueType.Verb),
        ("are", CueType.Verb), ("were", CueType.Verb), ("report", CueType.Verb), ("present", CueType.Verb), ("complain", CueType.Verb),
        ("suffer", CueType.Verb), ("got", CueType.Verb), ("diagnosed", CueType.Verb), ("take", CueType.Verb), ("taking", CueType.Verb),
    ];

    private static readonly HashSet<string> PostBlockWords = new[]
    {
        "trait", "carrier", "screening", "screen", "test", "testing", "exposure", "exposed", "vaccine", "vaccination", "shot",
        "risk", "scare", "suspect", "prophylaxi", "prophylaxis", "prep", "awareness", "research", "foundation", "society", "walk",
        "month", "gene", "mutation", "prevention", "tendency", "tendencie", "trait",
    }.ToHashSet(StringComparer.Ordinal);

    private static readonly Dictionary<string, CueType[]>.AlternateLookup<ReadOnlySpan<char>> PreCues = Build(pre: true).GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, CueType[]>.AlternateLookup<ReadOnlySpan<char>> PostCues = Build(pre: false).GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly int MaxCueLength = Phrases.Max(p => Tokenizer.Key(p.Phrase).Split(' ').Length);

    /// <summary>Every word used by a cue, so that cue words are not treated as condition content.</summary>
    public static readonly HashSet<string> CueWords = Phrases
        .SelectMany(p => Tokenizer.Key(p.Phrase).Split(' '))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Finds the cues (before-mention kinds and terminators) in positions not covered by a mention.</summary>
    /// <param name="tokens">The tokens.</param>
    /// <param name="covered">Which token positions belong to a mention.</param>
    /// <returns>The cues in order, longest match first at each position.</returns>
    public static List<CueSpan> FindPreCues(IReadOnlyList<Token> tokens, bool[] covered) => Find(tokens, covered, PreCues);

    /// <summary>Finds cues that qualify the mention before them.</summary>
    /// <param name="tokens">The tokens.</param>
    /// <param name="covered">Which token positions belong to a mention.</param>
    /// <returns>The cues in order.</returns>
    public static List<CueSpan> FindPostCues(IReadOnlyList<Token> tokens, bool[] covered) => Find(tokens, covered, PostCues);

    /// <summary>Decides how the context qualifies the token span [<paramref name="start"/>, <paramref name="end"/>).</summary>
    /// <param name="tokens">The tokens.</param>
    /// <param name="preCues">Cues from <see cref="FindPreCues"/>.</param>
    /// <param name="postCues">Cues from <see cref="FindPostCues"/>.</param>
    /// <param name="start">First token of the mention.</param>
    /// <param name="end">Token just past the mention.</param>
    /// <returns>The context.</returns>
    public static MentionContext Evaluate(IReadOnlyList<Token> tokens, List<CueSpan> preCues, List<CueSpan> postCues, int start, int end)
    {
        var after = PostContext(tokens, postCues, end);
        if (after is not MentionContext.Affirmed)
        {
            return after;
        }

        return PreContext(tokens, preCues, start);
    }

    private static MentionContext PreContext(IReadOnlyList<Token> tokens, List<CueSpan> cues, int start)
    {
        var verbSeen = false;
        var words = 0;
        var position = start;
        for (var c = cues.Count - 1; c >= 0; c--)
        {
            var cue = cues[c];
            if (cue.End > start)
            {
                continue;
            }

            // Walk the tokens between this cue and the current position.
            for (var j = position - 1; j >= cue.End; j--)
            {
                var t = tokens[j];
                if (t.Type == TokenType.Boundary && !t.IsComma)
                {
                    return MentionContext.Affirmed;
                }

                if (t.Type != TokenType.Boundary)
                {
                    words++;

                    // "no cancer, has PTSD": a verb preceded by content ends the earlier cue's scope.
                    if (verbSeen && !Fillers.IsStopWord(t.Norm))
                    {
                        return MentionContext.Affirmed;
                    }
                }
            }

            position = cue.Start;
            if (words > Window)
            {
                return MentionContext.Affirmed;
            }

            switch (cue.Type)
            {
                case CueType.Verb:
                    verbSeen = true;
                    words++;
                    continue;
                case CueType.PreNegation:
                    return MentionContext.Negated;
                case CueType.PreFamily:
                    return MentionContext.Family;
                case CueType.PreOther:
                    return MentionContext.Other;
                case CueType.PreUncertain:
                    return MentionContext.Uncertain;
                case CueType.PreBlock:
                    return MentionContext.Blocked;
                default:
                    return MentionContext.Affirmed;
            }
        }

        return MentionContext.Affirmed;
    }

    private static MentionContext PostContext(IReadOnlyList<Token> tokens, List<CueSpan> cues, int end)
    {
        if (end < tokens.Count && tokens[end].Type == TokenType.Word && PostBlockWords.Contains(tokens[end].Norm))
        {
            var positive = end + 1 < tokens.Count && tokens[end + 1].Norm is "positive" or "confirmed";
            if (!positive)
            {
                return MentionContext.Blocked;
            }
        }

        foreach (var cue in cues)
        {
            if (cue.Start < end)
            {
                continue;
            }

            // Only cues right after the mention (at most a comma or two words in between).
            var gapWords = 0;
            for (var j = end; j < cue.Start; j++)
            {
                if (tokens[j].Type == TokenType.Boundary && !tokens[j].IsComma)
                {
                    return MentionContext.Affirmed;
                }

                if (tokens[j].Type != TokenType.Boundary)
                {
                    gapWords++;
                }
            }

            if (gapWords > 2)
            {
                return MentionContext.Affirmed;
            }

            return cue.Type switch
            {
                CueType.PostNegation => MentionContext.Negated,
                CueType.PostFamily => MentionContext.Family,
                CueType.PostUncertain => MentionContext.Uncertain,
                _ => MentionContext.Affirmed,
            };
        }

        return MentionContext.Affirmed;
    }

    private static List<CueSpan> Find(IReadOnlyList<Token> tokens, bool[] covered, Dictionary<string, CueType[]>.AlternateLookup<ReadOnlySpan<char>> dictionary)
    {
        var result = new List<CueSpan>();
        Span<char> key = stackalloc char[128];
        Span<int> ends = stackalloc int[MaxCueLength + 1];
        var i = 0;
        while (i < tokens.Count)
        {
            if (covered[i] || tokens[i].Type != TokenType.Word)
            {
                i++;
                continue;
            }

            // The words from i joined by spaces, built once on the stack; ends[n] is where the first n words end.
            var words = 0;
            var used = 0;
            for (var k = i; k < tokens.Count && words < MaxCueLength && !covered[k] && tokens[k].Type == TokenType.Word; k++)
            {
                var norm = tokens[k].Norm;
                if (used + norm.Length + 1 > key.Length)
                {
                    break;
                }

                if (words > 0)
                {
                    key[used++] = ' ';
                }

                norm.CopyTo(key[used..]);
                used += norm.Length;
                ends[++words] = used;
            }

            var matched = false;
            for (var length = words; length >= 1; length--)
            {
                if (dictionary.TryGetValue(key[..ends[length]], out var types))
                {
                    result.Add(new CueSpan(i, i + length, types[0]));
                    i += length;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                i++;
            }
        }

        return result;
    }

    private static Dictionary<string, CueType[]> Build(bool pre)
    {
        var map = new Dictionary<string, List<CueType>>(StringComparer.Ordinal);
        foreach (var (phrase, type) in Phrases)
        {
            var isPost = type is CueType.PostNegation or CueType.PostFamily or CueType.PostUncertain;
            if (isPost == pre)
            {
                continue;
            }

            var key = Tokenizer.Key(phrase);
            if (!map.TryGetValue(key, out var list))
            {
                list = [];
                map[key] = list;
            }

            list.Add(type);
        }

        return map.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }
}
