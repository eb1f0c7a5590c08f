namespace Eligibility.Tests.Issues;

/// <summary>
/// The tokenizer removed diacritics one UTF-16 char at a time and passed half of a surrogate pair (an emoji) to
/// string.Normalize, which threw ArgumentException from inside Evaluate. Surrogates are now left as they are.
/// </summary>
public class ResolverEmojiSurrogateTests
{
    [Theory]
    [InlineData("💊 chronic pain 🌿", "chronic-pain")]
    [InlineData("opioid withdrawal 😣", "opioid-withdrawal")]
    [InlineData("🌿", null)]
    public void Resolve_TextWithEmoji_ResolvesWithoutThrowing(string input, string? expected)
    {
        new ConditionResolver(ConditionCatalog.Default).Resolve(input).ConditionId.Should().Be(expected);
    }
}
