namespace Eligibility.Conditions.Internal;

/// <summary>The kind of a token produced by <see cref="Tokenizer"/>.</summary>
internal enum TokenType
{
    /// <summary>A word or number.</summary>
    Word,

    /// <summary>A hard separator (comma, semicolon, full stop, newline ...).</summary>
    Boundary,

    /// <summary>Text shaped like an ICD-10-CM code (letter, digit, alphanumeric, optional suffix).</summary>
    Code,
}

/// <summary>One token of an input.</summary>
/// <param name="Original">The token as written (diacritics removed, case kept).</param>
/// <param name="Norm">The normalised form: lower case and singular for words, upper case without dot for codes.</param>
/// <param name="Type">The token kind.</param>
/// <param name="Start">Offset of the token in the original input.</param>
/// <param name="End">Offset just past the token in the original input.</param>
/// <param name="Separator">For boundaries: the separator character.</param>
internal readonly record struct Token(string Original, string Norm, TokenType Type, int Start, int End, char Separator = '\0')
{
    /// <summary>True for a comma boundary, which does not end a negation scope.</summary>
    public bool IsComma => Type == TokenType.Boundary && Separator == ',';
}
