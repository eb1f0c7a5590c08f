using System.Text.RegularExpressions;
using Eligibility.Conditions.Internal;

namespace Eligibility.Tests.Conditions;

/// <summary>The linear tokenizer: code shapes read by hand, repeated copies skipped only when provably idle.</summary>
public sealed class TokenizerTests
{
    // The pattern the tokenizer used before code shapes were read by hand; CodeLength must agree with it.
    private static readonly Regex OldCodePattern = new(@"[a-z][0-9][0-9a-z](?:\.[0-9a-z]{1,4}|[0-9a-z]{1,4})?(?![0-9a-z])", RegexOptions.CultureInvariant);

    [Theory]
    [InlineData("f11.23")]
    [InlineData("f1123")]
    [InlineData("f11")]
    [InlineData("f11.")]
    [InlineData("f11.2345")]
    [InlineData("f11.23456")]
    [InlineData("f11234567")]
    [InlineData("g89.29 and")]
    [InlineData("t1d")]
    [InlineData("b12,")]
    [InlineData("c5")]
    [InlineData("a1.b2.c3")]
    [InlineData("z79.891")]
    [InlineData("x")]
    public void CodeLength_AgreesWithTheOldPattern(string folded)
    {
        var match = OldCodePattern.Match(folded, 0);
        var expected = match.Success && match.Index == 0 ? match.Length : 0;

        Tokenizer.CodeLength(folded, 0).Should().Be(expected, folded);
    }

    [Theory]
    [InlineData("pain and ", 9)]
    [InlineData("no ", 3)]
    [InlineData("PTSD, chronic pain, opioid use disorder, ", 41)]
    public void PeriodicTail_FindsTheRepeatedUnit(string unit, int period)
    {
        var text = "I was told " + string.Concat(Enumerable.Repeat(unit, 20));

        var (start, found) = Tokenizer.PeriodicTail(text);

        found.Should().Be(period);
        start.Should().BeLessThanOrEqualTo(11 + unit.Length, "the tail starts at the first copy, or just before it");
    }

    [Fact]
    public void PeriodicTail_OrdinaryText_HasNone()
    {
        Tokenizer.PeriodicTail("chronic low back pain since 2015 after a lifting injury at work, failed physical therapy").Should().Be((0, 0));
    }

    public static TheoryData<string> RepetitiveTexts()
    {
        var units = new[]
        {
            "pain and ", "no ", "heroin ", "a", "PTSD, chronic pain, opioid use disorder, cancer, epilepsy, ", "withdrawal from ",
            "for 3 years ", "xqzv ", "opiod withdrawl ", "F11.23 ", "h/o ", "s/p fusion ", "1.", "no cancer. ", "mother: cancer; ",
            "c/o LBP ", "dolor crónico, ", "don't ", "7.5 mg ", "pain-and-", "I I ", ", , ",
        };
        var data = new TheoryData<string>();
        foreach (var unit in units)
        {
            foreach (var prefix in new[] { "", "my ", "family history of " })
            {
                foreach (var length in new[] { 60, 211, 500 })
                {
                    data.Add((prefix + string.Concat(Enumerable.Repeat(unit, (length / unit.Length) + 1)))[..length]);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RepetitiveTexts))]
    public void Tokenize_SkippingRepeatedCopies_GivesTheTokensOfReadingEveryCopy(string text)
    {
        foreach (var detectCodes in new[] { true, false })
        {
            var skipped = Tokenizer.Tokenize(text, detectCodes, skipRepeatedTail: true);
            var everyCopy = Tokenizer.Tokenize(text, detectCodes, skipRepeatedTail: false);

            skipped.Select(t => (t.Type, t.Norm, t.Original)).Should().Equal(everyCopy.Select(t => (t.Type, t.Norm, t.Original)), text);
            skipped.Select(t => text[t.Start..t.End]).Should().Equal(everyCopy.Select(t => text[t.Start..t.End]), "offsets point at the same text");
        }
    }
}
