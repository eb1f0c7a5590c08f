using System.Text.Json;
using System.Text.RegularExpressions;
using Eligibility.Data;
using Eligibility.Data.Internal;

namespace Eligibility.Conditions.Internal;

/// <summary>A substance of the lexicon: the words for it and the conditions its use disorder and withdrawal mean.</summary>
/// <param name="Name">Short name ("opioid", "alcohol").</param>
/// <param name="UseDisorder">The id a use-disorder reading maps to, or <see langword="null"/> when it never maps.</param>
/// <param name="Withdrawal">The id a withdrawal reading maps to, or <see langword="null"/> when it never maps.</param>
/// <param name="Note">Why a reading never maps (for example cannabis or kratom).</param>
/// <param name="Terms">Normalised keys of the words for the substance.</param>
/// <param name="IllicitTerms">Normalised keys of the words for illicit forms, whose mere use or daily use means a use disorder.</param>
internal sealed record Substance(string Name, string? UseDisorder, string? Withdrawal, string? Note, IReadOnlyList<string> Terms, IReadOnlyList<string> IllicitTerms);

/// <summary>A medication: the condition it is indicated for when that is its only indication.</summary>
/// <param name="Terms">Normalised keys of its names.</param>
/// <param name="Indication">The only condition it treats, or <see langword="null"/> when it has several.</param>
/// <param name="Suggest">Ids to offer when it has several indications.</param>
/// <param name="Note">What the medication is, said to the user.</param>
internal sealed record Medication(IReadOnlyList<string> Terms, string? Indication, IReadOnlyList<string> Suggest, string Note);

/// <summary>Everything the catalog file holds besides the conditions.</summary>
/// <param name="NonConditions">Phrases that must never map, with the reason.</param>
/// <param name="Substances">The substance lexicon.</param>
/// <param name="Medications">The medication lexicon.</param>
internal sealed record CatalogLexicon(IReadOnlyList<(string Phrase, string Note)> NonConditions, IReadOnlyList<Substance> Substances, IReadOnlyList<Medication> Medications)
{
    /// <summary>No lexicon (used while validating a file).</summary>
    public static CatalogLexicon Empty { get; } = new([], [], []);
}

/// <summary>
/// Reads data/conditions/conditions.json strictly, like the law files: unknown, missing, duplicate and mistyped members
/// are errors, then every rule of data/conditions/schema.json and the checks a schema cannot express (known relation ids,
/// ranges that exist). Each problem names the file, the JSON path and the line.
/// </summary>
internal sealed partial class CatalogFileReader
{
    /// <summary>The file's path in the repository, used in messages.</summary>
    public const string FileName = "data/conditions/conditions.json";

    /// <summary>The schema's path in the repository, used in messages.</summary>
    public const string SchemaName = "data/conditions/schema.json";

    /// <summary>Deepest nesting accepted.</summary>
    public const int MaxDepth = 8;

    private const string ResourceName = "Eligibility.Data.conditions.json";

    private static readonly Lazy<(IReadOnlyList<ConditionDefinition> Conditions, CatalogLexicon Lexicon)> EmbeddedCatalog =
        new(ReadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string file;
    private readonly List<LawDataProblem> problems = [];
    private JsonLineIndex? lines;
    private byte[] json = [];

    private CatalogFileReader(string file) => this.file = file;

    /// <summary>The catalog embedded in the assembly, read once.</summary>
    public static (IReadOnlyList<ConditionDefinition> Conditions, CatalogLexicon Lexicon) Embedded => EmbeddedCatalog.Value;

    /// <summary>Reads the catalog embedded in the assembly; a problem in it is a build defect, reported with file, path and line.</summary>
    /// <returns>The definitions and the lexicon.</returns>
    /// <exception cref="InvalidOperationException">The embedded file is invalid.</exception>
    public static (IReadOnlyList<ConditionDefinition> Conditions, CatalogLexicon Lexicon) ReadEmbedded()
    {
        using var stream = typeof(CatalogFileReader).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The condition catalog {FileName} is not embedded in the assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var result = Read(FileName, buffer.ToArray(), out var found);
        if (result is null)
        {
            throw new InvalidOperationException($"The condition catalog is invalid:{Environment.NewLine}{string.Join(Environment.NewLine, found)}");
        }

        return result.Value;
    }

    /// <summary>Reads a catalog file's bytes.</summary>
    /// <param name="file">The file name, for problems.</param>
    /// <param name="utf8">The content.</param>
    /// <param name="problems">Every problem found; empty when the file is valid.</param>
    /// <returns>The definitions and the lexicon, or <see langword="null"/> when there are problems.</returns>
    public static (IReadOnlyList<ConditionDefinition> Conditions, CatalogLexicon Lexicon)? Read(string file, byte[] utf8, out IReadOnlyList<LawDataProblem> problems)
    {
        var reader = new CatalogFileReader(file);
        var result = reader.Read(utf8);
        problems = reader.problems.AsReadOnly();
        return reader.problems.Count == 0 ? result : null;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^([A-Z])([0-9]{2})-([A-Z])([0-9]{2})$")]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"^https?://[^\s]+$")]
    private static partial Regex UrlPattern();

    private (IReadOnlyList<ConditionDefinition>, CatalogLexicon)? Read(byte[] utf8)
    {
        ReadOnlySpan<byte> span = utf8;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        json = span.ToArray();
        CatalogFileDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(span, CatalogJsonContext.Default.CatalogFileDto);
        }
        catch (JsonException e)
        {
            var path = e.Path ?? "$";
            problems.Add(new LawDataProblem(file, path, (e.LineNumber ?? -1) + 1, JsonErrors.Describe(e, path, CatalogJsonContext.Default, typeof(CatalogFileDto), SchemaName, MaxDepth)));
            return null;
        }

        if (dto is null)
        {
            Problem("$", $"expected a JSON object, found null (see {SchemaName})");
            return null;
        }

        if (dto.FormatVersion != 1)
        {
            Problem("$.formatVersion", $"unsupported format version {dto.FormatVersion}; expected 1");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < dto.Conditions.Count; i++)
        {
            var c = dto.Conditions[i];
            var at = $"$.conditions[{i}]";
            if (!IdPattern().IsMatch(c.Id))
            {
                Problem($"{at}.id", $"'{Truncate(c.Id)}' is not a kebab-case id (lower-case letters and digits joined by single hyphens, e.g. opioid-use-disorder)");
            }
            else if (!ids.Add(c.Id))
            {
                Problem($"{at}.id", $"duplicate condition id '{c.Id}'; each id appears once");
            }
        }

        var definitions = new List<ConditionDefinition>(dto.Conditions.Count);
        for (var i = 0; i < dto.Conditions.Count; i++)
        {
            definitions.Add(MapCondition(dto.Conditions[i], $"$.conditions[{i}]", ids));
        }

        for (var i = 0; i < dto.NonConditions.Count; i++)
        {
            Phrase($"$.nonConditions[{i}].phrase", dto.NonConditions[i].Phrase);
            Text($"$.nonConditions[{i}].note", dto.NonConditions[i].Note, 200);
        }

        var substances = new List<Substance>();
        for (var i = 0; i < dto.Substances.Count; i++)
        {
            var s = dto.Substances[i];
            var at = $"$.substances[{i}]";
            Text($"{at}.name", s.Name, 40);
            KnownOrNull($"{at}.useDisorder", s.UseDisorder, ids);
            KnownOrNull($"{at}.withdrawal", s.Withdrawal, ids);
            if ((s.UseDisorder is null || s.Withdrawal is null) && string.IsNullOrWhiteSpace(s.Note))
            {
                Problem($"{at}.note", "a substance whose use disorder or withdrawal maps to no id needs a note saying why");
            }

            NonEmpty($"{at}.terms", s.Terms);
            substances.Add(new Substance(s.Name, s.UseDisorder, s.Withdrawal, s.Note, Keys($"{at}.terms", s.Terms), Keys($"{at}.illicitTerms", (s.IllicitTerms ?? []))));
        }

        var medications = new List<Medication>();
        for (var i = 0; i < dto.Medications.Count; i++)
        {
            var m = dto.Medications[i];
            var at = $"$.medications[{i}]";
            NonEmpty($"{at}.terms", m.Terms);
            KnownOrNull($"{at}.indication", m.Indication, ids);
            for (var k = 0; k < (m.Suggest ?? []).Count; k++)
            {
                KnownOrNull($"{at}.suggest[{k}]", (m.Suggest ?? [])[k], ids);
            }

            Text($"{at}.note", m.Note, 200);
            medications.Add(new Medication(Keys($"{at}.terms", m.Terms), m.Indication, (m.Suggest ?? []).AsReadOnly(), m.Note));
        }

        if (problems.Count > 0)
        {
            return null;
        }

        try
        {
            _ = new ConditionCatalog(definitions, CatalogLexicon.Empty);
        }
        catch (InvalidOperationException e)
        {
            Problem("$.conditions", $"{e.Message} Remove one isA link of the cycle.");
            return null;
        }

        var lexicon = new CatalogLexicon([.. dto.NonConditions.Select(n => (n.Phrase, n.Note))], substances.AsReadOnly(), medications.AsReadOnly());
        return (definitions.AsReadOnly(), lexicon);
    }

    private ConditionDefinition MapCondition(ConditionDto c, string at, HashSet<string> ids)
    {
        Text($"{at}.name", c.Name, 100);
        Text($"{at}.description", c.Description, 400);
        Text($"{at}.codeNote", c.CodeNote, 600);
        Relations($"{at}.isA", (c.IsA ?? []), ids, c.Id);
        Relations($"{at}.implies", (c.Implies ?? []), ids, c.Id);
        foreach (var (name, list) in new[] { ("synonyms", (c.Synonyms ?? [])), ("abbreviations", (c.Abbreviations ?? [])), ("layPhrases", (c.LayPhrases ?? [])), ("misspellings", (c.Misspellings ?? [])), ("spanish", (c.Spanish ?? [])) })
        {
            for (var k = 0; k < list.Count; k++)
            {
                Phrase($"{at}.{name}[{k}]", list[k]);
            }
        }

        var prefixes = Codes($"{at}.codes", c.Codes);
        var exclusions = Codes($"{at}.excludedCodes", (c.ExcludedCodes ?? []));
        return new ConditionDefinition
        {
            Id = c.Id,
            Name = c.Name,
            Description = c.Description,
            Canonical = c.Canonical,
            IsA = (c.IsA ?? []).AsReadOnly(),
            Implies = (c.Implies ?? []).AsReadOnly(),
            Synonyms = (c.Synonyms ?? []).AsReadOnly(),
            Abbreviations = (c.Abbreviations ?? []).AsReadOnly(),
            LayPhrases = (c.LayPhrases ?? []).AsReadOnly(),
            Misspellings = (c.Misspellings ?? []).AsReadOnly(),
            Spanish = (c.Spanish ?? []).AsReadOnly(),
            Codes = [.. c.Codes.Select(x => new ConditionCode(x.Code, x.Title, x.Verified, x.Source))],
            IcdCodes = prefixes,
            IcdExclusions = exclusions,
            CodeSource = c.CodeNote,
        };
    }

    private List<string> Codes(string at, List<CodeDto> codes)
    {
        var prefixes = new List<string>();
        for (var k = 0; k < codes.Count; k++)
        {
            var code = codes[k];
            var path = $"{at}[{k}]";
            if (RangePattern().Match(code.Code) is { Success: true } range)
            {
                var from = int.Parse(range.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                var to = int.Parse(range.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (range.Groups[1].Value != range.Groups[3].Value || from >= to)
                {
                    Problem($"{path}.code", $"'{code.Code}' is not an ascending range of one chapter letter (e.g. C00-C96)");
                }
                else
                {
                    prefixes.AddRange(IcdCode.Range(code.Code[..3], code.Code[4..]));
                }
            }
            else if (CodePattern().IsMatch(code.Code))
            {
                prefixes.Add(code.Code);
            }
            else
            {
                Problem($"{path}.code", $"'{Truncate(code.Code)}' is not an ICD-10-CM code (a letter, two digits, then optionally a dot and up to four characters, e.g. F11.23) or a range (C00-C96)");
            }

            if (code.Verified)
            {
                if (string.IsNullOrWhiteSpace(code.Title))
                {
                    Problem($"{path}.title", "a verified code needs its official ICD-10-CM title as read in the source");
                }

                if (code.Source is null || !UrlPattern().IsMatch(code.Source))
                {
                    Problem($"{path}.source", "a verified code needs the http(s) URL of the code reference it was read in");
                }
            }
            else if (code.Source is not null && !UrlPattern().IsMatch(code.Source))
            {
                Problem($"{path}.source", "expected an http(s) URL or no source");
            }
        }

        return prefixes;
    }

    private void Relations(string at, List<string> related, HashSet<string> ids, string self)
    {
        for (var k = 0; k < related.Count; k++)
        {
            if (related[k] == self)
            {
                Problem($"{at}[{k}]", $"a condition cannot be related to itself ('{self}')");
            }
            else if (!ids.Contains(related[k]))
            {
                Problem($"{at}[{k}]", $"unknown condition id '{Truncate(related[k])}'; relations name ids defined in this file");
            }
        }
    }

    private void KnownOrNull(string at, string? id, HashSet<string> ids)
    {
        if (id is not null && !ids.Contains(id))
        {
            Problem(at, $"unknown condition id '{Truncate(id)}'; use an id defined in this file, or null");
        }
    }

    private void NonEmpty(string at, List<string> list)
    {
        if (list.Count == 0)
        {
            Problem(at, "expected at least one term");
        }
    }

    private List<string> Keys(string at, List<string> terms)
    {
        var keys = new List<string>(terms.Count);
        for (var k = 0; k < terms.Count; k++)
        {
            if (Phrase($"{at}[{k}]", terms[k]) is { } key)
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    private string? Phrase(string at, string phrase)
    {
        if (phrase.Length is 0 or > 120)
        {
            Problem(at, "expected a phrase of 1 to 120 characters");
            return null;
        }

        var key = Tokenizer.Key(phrase);
        if (key.Length == 0)
        {
            Problem(at, "the phrase holds no word (letters or digits)");
            return null;
        }

        return key;
    }

    private void Text(string at, string text, int max)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > max)
        {
            Problem(at, $"expected a non-blank text of at most {max} characters");
        }
    }

    private void Problem(string path, string message)
    {
        lines ??= JsonLineIndex.Build(json);
        problems.Add(new LawDataProblem(file, path, lines.LineOf(path), message));
    }

    private static string Truncate(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
