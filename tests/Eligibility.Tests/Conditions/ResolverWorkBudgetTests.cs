namespace Eligibility.Tests.Conditions;

/// <summary>
/// Issue 13, bounded work: the rule for what the resolver reads of a long text (at most
/// <see cref="ConditionResolver.MaxWordsRead"/> words, at most <see cref="Eligibility.Conditions.Internal.TextAnalyzer.MaxCorrectedWords"/>
/// unknown words spelling-corrected), what a cut answer says, and that skipping repeated text never changes an answer.
/// </summary>
public sealed class ResolverWorkBudgetTests
{
    private static readonly ConditionResolver Resolver = new(ConditionCatalog.Default);

    // Seventy words that name no condition and never repeat (repeats are collapsed before words are counted).
    private static readonly string Filler = Numbered(35);

    [Fact]
    public void Resolve_ConditionPastTheWordLimit_IsNotReadAndTheNoteSaysSo()
    {
        var result = Resolver.Resolve($"{Filler} epilepsy");

        result.IsMatch.Should().BeFalse("epilepsy comes after the first {0} words", ConditionResolver.MaxWordsRead);
        result.Note.Should().Contain($"read only the first {ConditionResolver.MaxWordsRead} words");
    }

    [Fact]
    public void Resolve_ConditionWithinTheWordLimit_IsReadAndTheNoteSaysTheRestWasNot()
    {
        var result = Resolver.Resolve($"epilepsy {Filler}");

        result.ConditionId.Should().Be("epilepsy");
        result.Note.Should().Contain($"read only the first {ConditionResolver.MaxWordsRead} words");
    }

    [Fact]
    public void Resolve_TextWithinTheWordLimit_HasNoLimitNote()
    {
        var result = Resolver.Resolve($"{Numbered((ConditionResolver.MaxWordsRead / 2) - 1)} epilepsy");

        result.ConditionId.Should().Be("epilepsy");
        (result.Note ?? "").Should().NotContain("read only");
    }

    [Fact]
    public void ResolveAll_PastTheWordLimit_EndsWithTheUnreadPartAsAnItem()
    {
        var results = Resolver.ResolveAll($"PTSD, {Filler}, epilepsy, glaucoma");

        results.Select(r => r.ConditionId).Should().Contain("ptsd").And.NotContain(["epilepsy", "glaucoma"]);
        var unread = results[^1];
        unread.IsMatch.Should().BeFalse();
        unread.Note.Should().StartWith($"not read: past the first {ConditionResolver.MaxWordsRead} words");
        unread.Input.Should().Contain("epilepsy, glaucoma", "the item names what was left out");
    }

    [Fact]
    public void ResolveAll_CutFallsOnTheLastListSeparatorWithinTheLimit()
    {
        // 40 filler words, a comma, then 40 more: the cut keeps the first item whole instead of stopping mid-item.
        var first = Numbered(20);
        var results = Resolver.ResolveAll($"{first}, {first} chronic pain");

        results[^1].Input.Should().StartWith(",", "the text is cut at the comma, the last separator within the limit");
        results[^1].Input.Should().EndWith("chronic pain");
    }

    [Fact]
    public void Resolve_MoreUnknownWordsThanTheCorrectionLimit_CorrectsTheFirstAndSaysSo()
    {
        // Seven invented words, then a misspelt condition: the misspelling is the eighth unknown word.
        var result = Resolver.Resolve("plorbin snarfle quexotic brimbly vorpalish dithery fumblous fibromyalgai");

        result.IsMatch.Should().BeFalse("fibromyalgai is past the correction limit and is read as written");
        result.Note.Should().Contain($"spelling checked for the first {Eligibility.Conditions.Internal.TextAnalyzer.MaxCorrectedWords} unknown words only");
    }

    [Fact]
    public void Resolve_MisspellingAmongTheFirstUnknownWords_IsStillCorrected()
    {
        var result = Resolver.Resolve("fibromyalgai plorbin snarfle quexotic brimbly vorpalish dithery fumblous");

        result.ConditionId.Should().Be("fibromyalgia");
        result.Kind.Should().Be(MatchKind.Fuzzy);
        result.Note.Should().Contain("spelling checked for the first");
    }

    [Fact]
    public void Resolve_FewUnknownWords_HasNoCorrectionNote()
    {
        var result = Resolver.Resolve("fibromyalgai and epilepsie");

        result.ConditionId.Should().NotBeNull();
        (result.Note ?? "").Should().NotContain("spelling checked");
    }

    [Theory]
    [InlineData("pain and ", "pain and pain a")]
    [InlineData("heroin addiction, ", "heroin addiction")]
    [InlineData("withdrawal from ", "withdrawal from")]
    [InlineData("opiod withdrawl ", "opiod withdrawl")]
    [InlineData("F11.23 ", "F11.23")]
    [InlineData("no history of cancer. ", "no history of cancer.")]
    public void Resolve_TextRepeatedToFiveHundredCharacters_ReadsLikeOneCopy(string unit, string oneCopy)
    {
        var repeated = string.Concat(Enumerable.Repeat(unit, 500 / unit.Length + 1))[..500];

        var result = Resolver.Resolve(repeated);
        var expected = Resolver.Resolve(oneCopy);

        result.ConditionId.Should().Be(expected.ConditionId, repeated);
        result.Kind.Should().Be(expected.Kind, repeated);
    }

    [Fact]
    public void ResolveAll_ListWrittenTenTimes_NamesEachConditionOnce()
    {
        var text = string.Join(", ", Enumerable.Repeat("PTSD, chronic pain, opioid use disorder, cancer, epilepsy", 10));

        var results = Resolver.ResolveAll(text[..Math.Min(500, text.Length)]);

        results.Where(r => r.IsMatch).Select(r => r.ConditionId).Should()
            .BeEquivalentTo(["ptsd", "chronic-pain", "opioid-use-disorder", "cancer", "epilepsy"]);
    }

    [Fact]
    public void RepeatCollapse_KeepsASecondSentenceCopy_FamilyHistoryThenOwnCondition()
    {
        // The bug: "cancer." written twice collapsed into one copy, so the patient's own cancer in the second sentence
        // was read under the first sentence's "family history of" and the answer was 'family history'.
        var result = Resolver.Resolve("family history of cancer. cancer.");

        result.ConditionId.Should().Be("cancer");
        Resolver.ResolveAll("family history of cancer. cancer.").Select(r => r.Kind).Should().Contain([MatchKind.Negated, MatchKind.Name]);
    }

    /// <summary>"visit 1 visit 2 ... visit n": 2n words, no two units alike.</summary>
    private static string Numbered(int count) => string.Join(' ', Enumerable.Range(1, count).Select(k => $"visit {k}"));
}
