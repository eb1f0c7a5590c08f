namespace Eligibility.Conditions.Internal;

/// <summary>What the composer read in a text that no catalog phrase matched (or a duration beside one that did).</summary>
/// <param name="Condition">The condition, or <see langword="null"/> when the reading maps to none.</param>
/// <param name="Kind">How it was read: composed, duration or medication.</param>
/// <param name="Start">First token of the words it rests on.</param>
/// <param name="End">Token just past them.</param>
/// <param name="Score">Confidence.</param>
/// <param name="Note">Why it maps to nothing, or what the user should know about the reading.</param>
/// <param name="Suggestions">Ids to offer when it maps to nothing.</param>
/// <param name="Context">How the surrounding text qualifies it (negation, family, someone else).</param>
internal sealed record Reading(ConditionDefinition? Condition, MatchKind Kind, int Start, int End, double Score, string? Note, IReadOnlyList<string> Suggestions, MentionContext Context);

/// <summary>
/// Compositional reading of what people type: a substance named by generic, brand or street name combined with a
/// use-disorder or withdrawal word ("strung out on percs", "kicking dope", "dependencia de opiáceos"); pain with a
/// stated duration or a chronicity word ("hip pain for 3 years", "dolor persistente"); a medication named alone.
/// The words for substances and medications are data (data/conditions/conditions.json); the grammar is here.
/// Work is linear in the number of tokens. Immutable and thread-safe.
/// </summary>
internal sealed class Composer
{
    /// <summary>Pain lasting this many months or more is chronic pain.</summary>
    public const int ChronicMonths = 3;

    private const int PairWindow = 7;

    // Words that say a substance is used in a disordered way (normalised: lower case, crude singular, no accents).
    private static readonly HashSet<string> UseWords = Set(
        "addicted", "addiction", "addict", "hooked", "habit", "dependent", "dependence", "dependency", "abuse", "abusing", "abused",
        "abuser", "misuse", "misusing", "misused", "relapse", "relapsed", "relapsing", "recovery", "recovering", "clean", "sober", "sobriety",
        "mat", "moud", "oat", "problem", "disorder", "strung", "shooting", "snorting", "sniffing", "injecting", "ivdu", "junkie", "craving",
        "binge", "binging", "overuse", "overusing", "cant stop", "can not stop", "cannot stop", "couldnt stop", "out of control",
        "adiccion", "adicto", "adicta", "dependencia", "dependiente", "abuso", "consumo", "recuperacion", "enganchado", "enganchada",
        "trastorno", "problema");

    // Words that say an illicit substance is used at all, which for street opioids means a use disorder.
    private static readonly HashSet<string> IllicitUseWords = Set(
        "use", "using", "used", "user", "iv", "smoking", "smoke", "every day", "everyday", "daily", "shoot", "snort", "inject", "uso", "usando");

    // Words that say the person is in withdrawal (explicit).
    private static readonly HashSet<string> WithdrawalWords = Set(
        "withdrawal", "withdrawing", "withdraw", "withdrew", "withdrawl", "withdrawel", "dopesick", "dope sick", "detox", "detoxing", "detoxed",
        "detoxification", "kicking", "kick", "cold turkey", "tapering", "taper", "weaning", "wean", "cow", "sow", "ows", "sick", "jonesing",
        "abstinencia", "desintoxicacion", "desintoxicando", "retirada");

    // Words that say the person is stopping (withdrawal unless the text says they are in recovery).
    private static readonly HashSet<string> StoppingWords = Set(
        "quitting", "quit", "coming off", "come off", "getting off", "get off", "going off", "go off", "trying to get off", "stopping",
        "stop taking", "dejando", "dejar");

    // Recovery words beat stopping words ("clean off heroin 2 years" is a use disorder in remission, not withdrawal).
    private static readonly HashSet<string> RecoveryWords = Set("clean", "sober", "sobriety", "recovery", "recovering", "recuperacion");

    // Opioid withdrawal scales and their abbreviation: opioid-specific even without a substance named.
    private static readonly HashSet<string> OpioidWithdrawalMarkers = Set("cow", "sow", "ows", "dopesick", "dope sick");

    // Withdrawal words that name withdrawal by themselves ("detoxing", "going cold turkey"), unlike "sick" or "kicking".
    private static readonly HashSet<string> SelfStandingWithdrawalWords = Set(
        "withdrawal", "withdrawing", "withdrawl", "withdrawel", "detox", "detoxing", "detoxed", "detoxification", "cold turkey",
        "abstinencia", "desintoxicacion", "desintoxicando");

    private static readonly HashSet<string> PainWords = Set(
        "pain", "painful", "hurt", "hurting", "ache", "aching", "achy", "sore", "soreness", "dolor", "dolore", "duele", "doliendo", "adolorido");

    private static readonly HashSet<string> ChronicWords = Set(
        "chronic", "constant", "persistent", "persisting", "longstanding", "long standing", "long term", "long lasting", "lifelong",
        "continuous", "permanent", "never ending", "all the time", "most days", "every day", "everyday", "daily", "for year", "for many year",
        "cronico", "cronica", "persistente", "constante", "permanente", "todos los dias", "continuo", "continua");

    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.Ordinal)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["fifteen"] = 15, ["twenty"] = 20, ["couple"] = 2,
        ["few"] = 3, ["several"] = 3, ["many"] = 3, ["un"] = 1, ["una"] = 1, ["uno"] = 1, ["do"] = 2, ["dos"] = 2, ["tre"] = 3, ["tres"] = 3,
        ["cuatro"] = 4, ["cinco"] = 5, ["seis"] = 6, ["siete"] = 7, ["ocho"] = 8, ["nueve"] = 9, ["diez"] = 10, ["vario"] = 3,
    };

    private static readonly Dictionary<string, int> UnitMonths = new(StringComparer.Ordinal)
    {
        ["year"] = 12, ["yr"] = 12, ["yrs"] = 12, ["ano"] = 12, ["month"] = 1, ["mo"] = 1, ["mos"] = 1, ["mese"] = 1, ["mes"] = 1,
        ["week"] = 0, ["wk"] = 0, ["wks"] = 0, ["semana"] = 0, ["day"] = 0, ["dia"] = 0, ["decade"] = 120,
    };

    private static readonly HashSet<string> LowerBoundWords = Set("over", "more", "least", "mas", "beyond", "past", "last");
    private static readonly HashSet<string> UpperBoundWords = Set("almost", "nearly", "under", "less", "casi", "menos");

    private readonly ConditionCatalog catalog;
    private readonly TimeProvider time;
    private readonly Dictionary<string, (Substance Substance, bool Illicit)> substanceTerms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Medication> medicationTerms = new(StringComparer.Ordinal);
    private readonly int maxTermWords;
    private readonly Dictionary<string, LexiconTerm>.AlternateLookup<ReadOnlySpan<char>> lexicon;

    /// <summary>Builds the lexicon indexes.</summary>
    /// <param name="catalog">The catalog whose ids readings map to (ids it lacks are skipped).</param>
    /// <param name="time">The clock that turns "since 2019" into months.</param>
    public Composer(ConditionCatalog catalog, TimeProvider time)
    {
        this.catalog = catalog;
        this.time = time;
        foreach (var s in catalog.Lexicon.Substances)
        {
            foreach (var key in s.Terms)
            {
                substanceTerms.TryAdd(key, (s, s.IllicitTerms.Contains(key)));
            }
        }

        foreach (var m in catalog.Lexicon.Medications)
        {
            foreach (var key in m.Terms)
            {
                medicationTerms.TryAdd(key, m);
            }
        }

        maxTermWords = substanceTerms.Keys.Concat(medicationTerms.Keys).Concat(UseWords).Concat(WithdrawalWords).Concat(StoppingWords).Concat(ChronicWords)
            .Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max();

        // Every word list in one index, looked up by characters: one lookup per (position, length) and no string built.
        var all = new Dictionary<string, LexiconTerm>(StringComparer.Ordinal);
        LexiconTerm At(string key) => all.TryGetValue(key, out var term) ? term : all[key] = new LexiconTerm();
        foreach (var (key, value) in substanceTerms)
        {
            At(key).Substance = value;
        }

        foreach (var (key, value) in medicationTerms)
        {
            At(key).Medication = value;
        }

        foreach (var (set, role) in new[]
        {
            (UseWords, Role.Use), (IllicitUseWords, Role.IllicitUse), (WithdrawalWords, Role.Withdrawal), (StoppingWords, Role.Stopping),
            (ChronicWords, Role.Chronic), (RecoveryWords, Role.Recovery), (OpioidWithdrawalMarkers, Role.OpioidMarker),
            (SelfStandingWithdrawalWords, Role.SelfStanding),
        })
        {
            foreach (var key in set)
            {
                At(key).Roles |= role;
            }
        }

        lexicon = all.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    [Flags]
    private enum Role
    {
        None = 0,
        Use = 1,
        IllicitUse = 2,
        Withdrawal = 4,
        Stopping = 8,
        Chronic = 16,
        Recovery = 32,
        OpioidMarker = 64,
        SelfStanding = 128,
    }

    /// <summary>What one lexicon phrase is: a substance, a medication, and which word lists hold it.</summary>
    private sealed class LexiconTerm
    {
        public (Substance Substance, bool Illicit)? Substance { get; set; }

        public Medication? Medication { get; set; }

        public Role Roles { get; set; }
    }

    /// <summary>Reads a duration of pain (or of anything) stated in the text, in whole months (a lower bound).</summary>
    /// <param name="tokens">The tokens.</param>
    /// <returns>The months, or <see langword="null"/> when no duration is stated.</returns>
    public int? Duration(IReadOnlyList<Token> tokens)
    {
        int? best = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Type != TokenType.Word)
            {
                continue;
            }

            var months = DurationAt(tokens, i);
            if (months is { } m && (best is null || m > best))
            {
                best = m;
            }
        }

        return best;
    }

    /// <summary>Reads the text compositionally.</summary>
    /// <param name="tokens">The tokens of the whole input.</param>
    /// <returns>The reading, or <see langword="null"/> when nothing here applies.</returns>
    public Reading? Read(IReadOnlyList<Token> tokens)
    {
        var words = new string[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            words[i] = tokens[i].Type == TokenType.Word ? tokens[i].Norm : "";
        }

        var substances = new List<(int Start, int End, Substance Substance, bool Illicit)>();
        var medications = new List<(int Start, int End, Medication Medication)>();
        var use = new List<(int Start, int End)>();
        var illicitUse = new List<(int Start, int End)>();
        var withdrawal = new List<(int Start, int End, bool OpioidMarker)>();
        var selfStanding = new List<(int Start, int End)>();
        var stopping = new List<(int Start, int End)>();
        var recovery = false;
        var pain = -1;
        var chronic = -1;
        var inSubstance = new bool[tokens.Count];
        Span<char> key = stackalloc char[256];
        Span<int> ends = stackalloc int[maxTermWords + 1];

        for (var i = 0; i < tokens.Count; i++)
        {
            if (words[i].Length == 0)
            {
                continue;
            }

            // Longest term first, at most maxTermWords words: linear in the input.
            var run = 0;
            while (i + run < tokens.Count && run < maxTermWords && words[i + run].Length > 0)
            {
                run++;
            }

            var used = 0;
            for (var length = 1; length <= run; length++)
            {
                var word = words[i + length - 1];
                if (used + word.Length + 1 > key.Length)
                {
                    run = length - 1;
                    break;
                }

                if (length > 1)
                {
                    key[used++] = ' ';
                }

                word.CopyTo(key[used..]);
                used += word.Length;
                ends[length] = used;
            }

            for (var length = run; length >= 1; length--)
            {
                if (!lexicon.TryGetValue(key[..ends[length]], out var term))
                {
                    continue;
                }

                if (term.Substance is { } s)
                {
                    substances.Add((i, i + length, s.Substance, s.Illicit));
                    Array.Fill(inSubstance, true, i, length);
                }

                if (term.Medication is { } m)
                {
                    medications.Add((i, i + length, m));
                }

                var roles = term.Roles;
                if ((roles & Role.Use) != 0)
                {
                    use.Add((i, i + length));
                    recovery |= (roles & Role.Recovery) != 0;
                }

                if ((roles & Role.IllicitUse) != 0)
                {
                    illicitUse.Add((i, i + length));
                }

                if ((roles & Role.Withdrawal) != 0)
                {
                    withdrawal.Add((i, i + length, (roles & Role.OpioidMarker) != 0));
                    if ((roles & Role.SelfStanding) != 0)
                    {
                        selfStanding.Add((i, i + length));
                    }
                }

                if ((roles & Role.Stopping) != 0)
                {
                    stopping.Add((i, i + length));
                }

                if ((roles & Role.Chronic) != 0 && chronic < 0)
                {
                    chronic = i;
                }
            }
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (pain < 0 && !inSubstance[i] && PainWords.Contains(words[i]))
            {
                pain = i;
            }
        }

        var cuesCovered = new bool[tokens.Count];
        foreach (var (start, end, _, _) in substances)
        {
            Array.Fill(cuesCovered, true, start, end - start);
        }

        var preCues = ContextCues.FindPreCues(tokens, cuesCovered);
        var postCues = ContextCues.FindPostCues(tokens, cuesCovered);

        // 1. A substance with a withdrawal or use word near it.
        foreach (var (start, end, substance, illicit) in substances)
        {
            var w = Near(withdrawal.Select(x => (x.Start, x.End)), start, end);
            if (w is null && !recovery)
            {
                w = Near(stopping, start, end);
            }

            var u = Near(use, start, end) ?? (illicit ? Near(illicitUse, start, end) : null);
            if (w is null && u is null)
            {
                continue;
            }

            var withdrawn = w is not null;
            var state = (w ?? u)!.Value;
            var id = withdrawn ? substance.Withdrawal : substance.UseDisorder;
            var spanStart = Math.Min(start, state.Start);
            var spanEnd = Math.Max(end, state.End);
            var context = ContextCues.Evaluate(tokens, preCues, postCues, spanStart, spanEnd);
            var condition = id is null ? null : catalog.Find(id);
            var note = condition is null ? substance.Note ?? $"{substance.Name} {(withdrawn ? "withdrawal" : "use")} is not mapped" : null;
            return new Reading(condition, MatchKind.Composed, spanStart, spanEnd, 0.9, note, [], context);
        }

        // 2. Opioid withdrawal scales and "dope sick" need no substance named.
        foreach (var (start, end, marker) in withdrawal)
        {
            if (marker && catalog.Find("opioid-withdrawal") is { } ows)
            {
                return new Reading(ows, MatchKind.Composed, start, end, 0.9, null, [], ContextCues.Evaluate(tokens, preCues, postCues, start, end));
            }
        }

        // 3. A medication named alone: only a single-indication medication maps, and says it was read from the medication.
        if (medications.Count > 0 && use.Count == 0 && withdrawal.Count == 0)
        {
            var (start, end, medication) = medications[0];
            var context = ContextCues.Evaluate(tokens, preCues, postCues, start, end);
            var condition = medication.Indication is null ? null : catalog.Find(medication.Indication);
            return condition is null
                ? new Reading(null, MatchKind.Medication, start, end, 0, medication.Note, medication.Suggest.Where(catalog.Contains).ToList(), context)
                : new Reading(condition, MatchKind.Medication, start, end, 0.85, $"read from the medication alone: {medication.Note}", [], context);
        }

        // 4. A substance named alone: never a diagnosis by itself.
        if (substances.Count > 0 && pain < 0)
        {
            var (start, end, substance, _) = substances[0];
            var suggest = new[] { substance.UseDisorder, substance.Withdrawal }.OfType<string>().Distinct().Where(catalog.Contains).ToList();
            var note = substance.UseDisorder is null ? substance.Note : $"{substance.Name} named without a use disorder or withdrawal";
            return new Reading(null, MatchKind.None, start, end, 0, note, suggest, ContextCues.Evaluate(tokens, preCues, postCues, start, end));
        }

        // 5. A withdrawal word with no substance: opioid withdrawal is the likeliest reading here, said as a guess.
        if (selfStanding.Count > 0 && substances.Count == 0 && !recovery && catalog.Find("opioid-withdrawal") is { } guess)
        {
            var (start, end) = selfStanding[0];
            return new Reading(guess, MatchKind.Composed, start, end, 0.6,
                "no substance named; read as opioid withdrawal: name the substance if it is not an opioid", [], ContextCues.Evaluate(tokens, preCues, postCues, start, end));
        }

        // 6. Pain with a duration of three months or more, or with a chronicity word.
        if (pain >= 0 && catalog.Find("chronic-pain") is { } chronicPain)
        {
            var months = Duration(tokens);
            var context = ContextCues.Evaluate(tokens, preCues, postCues, pain, pain + 1);
            if (months is { } m)
            {
                return m >= ChronicMonths
                    ? new Reading(chronicPain, MatchKind.Duration, pain, pain + 1, 0.9, null, [], context)
                    : new Reading(null, MatchKind.None, pain, pain + 1, 0, $"pain for less than {ChronicMonths} months is not chronic pain", ["chronic-pain"], context);
            }

            if (chronic >= 0)
            {
                return new Reading(chronicPain, MatchKind.Composed, Math.Min(pain, chronic), Math.Max(pain, chronic) + 1, 0.85, null, [], context);
            }
        }

        return null;
    }

    private static (int Start, int End)? Near(IEnumerable<(int Start, int End)> spans, int start, int end)
    {
        (int Start, int End)? best = null;
        var bestGap = int.MaxValue;
        foreach (var s in spans)
        {
            if (s.Start < end && s.End > start)
            {
                continue; // the substance word itself ("dope" in "dope sick" is both)
            }

            var gap = s.Start >= end ? s.Start - end : start - s.End;
            if (gap <= PairWindow && gap < bestGap)
            {
                best = s;
                bestGap = gap;
            }
        }

        return best;
    }

    private int? DurationAt(IReadOnlyList<Token> tokens, int i)
    {
        var word = tokens[i].Norm;

        // "since 2019", "desde 2019": a year before this one.
        if (word is "since" or "desde" && i + 1 < tokens.Count && tokens[i + 1].Type == TokenType.Word
            && tokens[i + 1].Norm.Length == 4 && int.TryParse(tokens[i + 1].Norm, out var year))
        {
            var now = time.GetUtcNow();
            return year >= 1900 && year < now.Year ? ((now.Year - year - 1) * 12) + now.Month : null;
        }

        if (!UnitMonths.TryGetValue(word, out var perUnit))
        {
            return null;
        }

        // "for years", "for many years", "hace años": at least two years.
        int? count = null;
        if (i > 0 && tokens[i - 1].Type == TokenType.Word)
        {
            var before = tokens[i - 1].Norm;
            if (int.TryParse(before, out var n) && n is >= 0 and <= 100)
            {
                count = n;
            }
            else if (NumberWords.TryGetValue(before, out var w))
            {
                count = before is "many" or "several" or "few" or "vario" ? Math.Max(w, 2) : w;
            }
            else if (before is "for" or "hace" or "por" or "durante" && tokens[i].Original.EndsWith('s'))
            {
                count = 2;
            }
        }

        if (count is null)
        {
            return null;
        }

        var months = count.Value * perUnit;
        if (perUnit == 0)
        {
            months = 0; // weeks and days: less than a month for any count a person would type here
            if (word is "week" or "wk" or "wks" or "semana" && count >= 13)
            {
                months = count.Value / 4;
            }
        }

        // "almost 3 months" is less than three months; "over 6 months" is at least six.
        for (var k = Math.Max(0, i - 4); k < i - 1; k++)
        {
            if (tokens[k].Type == TokenType.Word && UpperBoundWords.Contains(tokens[k].Norm))
            {
                return Math.Max(0, months - 1);
            }
        }

        return months;
    }

    private static HashSet<string> Set(params string[] phrases) =>
        phrases.Select(Tokenizer.Key).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
}
