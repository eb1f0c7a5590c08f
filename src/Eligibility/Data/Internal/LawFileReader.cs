using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Eligibility.Law;

namespace Eligibility.Data.Internal;

/// <summary>
/// Reads one jurisdiction file: strict deserialization (unknown, missing, duplicate and mistyped members are errors),
/// then every constraint of schema.json and the semantic checks the schema cannot express (dates that exist,
/// ordered and non-overlapping intervals, known condition ids). Problems carry file, JSON path and line.
/// </summary>
internal sealed partial class LawFileReader
{
    /// <summary>Largest file accepted (see <see cref="LawLibrary.MaxFileBytes"/>).</summary>
    public const int MaxFileBytes = LawLibrary.MaxFileBytes;

    /// <summary>Most items one array may hold (see <see cref="LawLibrary.MaxArrayItems"/>).</summary>
    public const int MaxArrayItems = LawLibrary.MaxArrayItems;

    /// <summary>Deepest nesting accepted (see <see cref="LawLibrary.MaxDepth"/>).</summary>
    public const int MaxDepth = LawLibrary.MaxDepth;

    private static readonly string[] Confidences = ["high", "medium", "low"];

    private readonly string _file;
    private readonly Func<string, bool> _isKnownCondition;
    private readonly List<LawDataProblem> _problems = [];
    private byte[]? _json;
    private int _jsonStart;
    private JsonLineIndex? _lines;

    private LawFileReader(string file, Func<string, bool> isKnownCondition)
    {
        _file = file;
        _isKnownCondition = isKnownCondition;
    }

    /// <summary>Reads a file's bytes; returns the law or adds the problems found to <paramref name="problems"/>.</summary>
    /// <param name="file">The file name, for problems.</param>
    /// <param name="utf8">The content.</param>
    /// <param name="expectedCode">The code the file name implies.</param>
    /// <param name="isKnownCondition">Whether a condition id is in the catalog.</param>
    /// <param name="problems">Receives the problems found.</param>
    public static JurisdictionLaw? Read(string file, byte[] utf8, string expectedCode, Func<string, bool> isKnownCondition, List<LawDataProblem> problems)
    {
        var reader = new LawFileReader(file, isKnownCondition);
        var law = reader.Read(utf8, expectedCode);
        problems.AddRange(reader._problems);
        return reader._problems.Count == 0 ? law : null;
    }

    /// <summary>The line of a JSON path in a file that parsed (for problems found across files); 0 if unknown.</summary>
    /// <param name="utf8">The file's content.</param>
    /// <param name="path">The JSON path, e.g. <c>$.code</c>.</param>
    /// <returns>The 1-based line.</returns>
    public static long LineOf(byte[] utf8, string path)
    {
        ReadOnlySpan<byte> span = utf8;
        return JsonLineIndex.Build(span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? span[3..] : span).LineOf(path);
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^https?://[^\s]+$")]
    private static partial Regex UrlPattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    private JurisdictionLaw? Read(byte[] utf8, string expectedCode)
    {
        if (utf8.Length == 0)
        {
            Problem("$", "the file is empty; expected a JSON object (see data/states/schema.json)");
            return null;
        }

        if (utf8.Length > MaxFileBytes)
        {
            Problem("$", $"the file is {utf8.Length} bytes; the limit is {MaxFileBytes}");
            return null;
        }

        ReadOnlySpan<byte> span = utf8;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..]; // A UTF-8 byte-order mark is harmless; skip it.
        }

        JurisdictionDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(span, LawJsonContext.Default.JurisdictionDto);
        }
        catch (JsonException e)
        {
            var path = e.Path ?? "$";
            _problems.Add(new LawDataProblem(_file, JsonErrors.SafePath(path), (e.LineNumber ?? -1) + 1, JsonErrors.Describe(e, path)));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException)
        {
            // Not seen in 10,000 fuzzed files (System.Text.Json wraps these in JsonException); kept as a backstop.
            Problem("$", $"the file is not valid UTF-8 JSON: {e.Message}");
            return null;
        }

        if (dto is null)
        {
            Problem("$", "expected a JSON object, found null");
            return null;
        }

        // Line numbers are only needed to report a problem: index the file then, not on every load.
        _json = utf8;
        _jsonStart = utf8.Length - span.Length;
        return Map(dto, expectedCode, utf8);
    }

    private JurisdictionLaw? Map(JurisdictionDto d, string expectedCode, byte[] utf8)
    {
        if (d.FormatVersion != 1)
        {
            Problem("$.formatVersion", $"unsupported format version {d.FormatVersion}; expected 1");
        }

        if (!CodePattern().IsMatch(d.Code))
        {
            Problem("$.code", $"'{d.Code}' is not a two-letter upper-case USPS code");
        }
        else if (!string.Equals(d.Code, expectedCode, StringComparison.Ordinal))
        {
            Problem("$.code", $"code '{d.Code}' does not match the file name (expected '{expectedCode}')");
        }

        Text("$.name", d.Name, 2, 80);
        var lastVerified = Date("$.lastVerified", d.LastVerified);
        var confidence = Conf("$.confidence", d.Confidence);
        if (d.Summary is not null)
        {
            Text("$.summary", d.Summary, 0, 2000);
        }

        var programs = Each("$.programs", d.Programs, MapProgram);
        var adultUse = Each("$.adultUse", d.AdultUse, (path, a) => new AdultUsePeriod(a.Legal, Range(path, a), Prov(path, a)));
        var list = new ConditionListInfo(d.ConditionList.Complete, Prov("$.conditionList", d.ConditionList));
        var conditions = Each("$.conditions", d.Conditions, MapCondition);
        var discretion = Each("$.practitionerDiscretion", d.PractitionerDiscretion, MapDiscretion);
        var kratom = Each("$.kratom", d.Kratom, MapKratom);
        var patients = MapPatients(d.Patients);
        if (d.Sources.Count == 0)
        {
            Problem("$.sources", "at least one source is required: every fact needs a source");
        }

        var sources = Each("$.sources", d.Sources, (path, s) =>
        {
            Url($"{path}.url", s.Url);
            Text($"{path}.title", s.Title);
            OneOf($"{path}.kind", s.Kind, ["statute", "regulation", "agency", "court", "secondary"]);
            return new Source(s.Url, s.Title, Date($"{path}.retrieved", s.Retrieved), s.Kind);
        });

        NoOverlap("$.programs", programs, p => p.Range, _ => "program");
        NoOverlap("$.adultUse", adultUse, a => a.Range, _ => "adult use");
        NoOverlap("$.conditions", conditions, c => c.Range, c => c.ConditionId);
        NoOverlap("$.practitionerDiscretion", discretion, x => x.Range, _ => "practitioner discretion");
        NoOverlap("$.kratom", kratom, k => k.Range, _ => "kratom");

        if (_problems.Count > 0)
        {
            return null;
        }

        var version = Convert.ToHexStringLower(SHA256.HashData(utf8))[..16];
        return new JurisdictionLaw(d.Code, d.Name, lastVerified, confidence, d.Summary, programs!, adultUse!, list, conditions!, discretion!, patients, kratom!, sources!, version);
    }

    /// <summary>
    /// Maps every item of an array. System.Text.Json does not apply nullable annotations to collection elements, so a
    /// <c>null</c> item is reported here (it used to reach the mappers as a null reference). Returns null when any item
    /// was null, after mapping the others so that their problems are reported too.
    /// </summary>
    private List<TOut>? Each<TIn, TOut>(string path, List<TIn> items, Func<string, TIn, TOut> map)
        where TIn : class
    {
        if (items.Count > MaxArrayItems)
        {
            Problem(path, $"{items.Count} items is too many; the limit is {MaxArrayItems}");
            return null;
        }

        var result = new List<TOut>(items.Count);
        var complete = true;
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (items[i] is { } item)
            {
                result.Add(map(itemPath, item));
            }
            else
            {
                Problem(itemPath, typeof(TIn) == typeof(string) ? "null is not allowed here; expected a string" : "null is not allowed here; expected an object");
                complete = false;
            }
        }

        return complete ? result : null;
    }

    private ProgramPeriod MapProgram(string path, ProgramDto p)
    {
        var kind = OneOf($"{path}.kind", p.Kind, ["comprehensive", "low-thc", "none"]) switch
        {
            "low-thc" => ProgramKind.LowThc,
            "none" => ProgramKind.None,
            _ => ProgramKind.Comprehensive,
        };
        OptionalText($"{path}.name", p.Name);
        OptionalText($"{path}.productLimit", p.ProductLimit);
        return new ProgramPeriod(kind, p.Name, p.ProductLimit, Range(path, p), Prov(path, p));
    }

    private ConditionEntry MapCondition(string path, ConditionDto c)
    {
        if (!IdPattern().IsMatch(c.Condition))
        {
            Problem($"{path}.condition", $"'{c.Condition}' is not a kebab-case condition id");
        }
        else if (!_isKnownCondition(c.Condition))
        {
            Problem($"{path}.condition", $"unknown condition id '{c.Condition}'; use an id from the condition catalog (data/conditions/conditions.json; 'eligibility conditions' lists them) or add it there first (README, 'Adding a condition id')");
        }

        Text($"{path}.wording", c.Wording);
        var status = OneOf($"{path}.status", c.Status, ["listed", "unknown", "rejected"]) switch
        {
            "unknown" => ListingStatus.Unknown,
            "rejected" => ListingStatus.Rejected,
            _ => ListingStatus.Listed,
        };
        var qualifiers = Each($"{path}.qualifiers", c.Qualifiers, MapQualifier) ?? [];
        return new ConditionEntry(c.Condition, c.Wording, status, qualifiers, Range(path, c), Prov(path, c));
    }

    private Qualifier MapQualifier(string path, QualifierDto q)
    {
        QualifierKind kind = default;
        if (!QualifierKinds.TryParse(q.Kind, out kind))
        {
            Problem($"{path}.kind", $"unknown qualifier '{q.Kind}'; the rules understand: {string.Join(", ", QualifierKinds.Names)}");
        }

        if (kind == QualifierKind.MinimumDuration && q.Months is null)
        {
            Problem($"{path}.months", "minimum-duration needs 'months'");
        }

        if (q.Months is not null && kind != QualifierKind.MinimumDuration && QualifierKinds.TryParse(q.Kind, out _))
        {
            Problem($"{path}.months", $"'months' belongs to minimum-duration only; the rules ignore it on {q.Kind}");
        }

        if (q.Months is { } months && (months < 1 || months > 120))
        {
            Problem($"{path}.months", $"{months} is out of range; expected 1 to 120");
        }

        if (kind is QualifierKind.Other or QualifierKind.SpecialistCertification && q.Text is null)
        {
            Problem($"{path}.text", $"{q.Kind} needs 'text' with the law's words");
        }

        OptionalText($"{path}.text", q.Text);
        return new Qualifier(kind, q.Months, q.Text);
    }

    private DiscretionPeriod MapDiscretion(string path, DiscretionDto x)
    {
        OptionalText($"{path}.wording", x.Wording);
        IntRange($"{path}.minimumPatientAge", x.MinimumPatientAge, 0, 30);
        return new DiscretionPeriod(x.Allowed, x.Wording, x.MinimumPatientAge, Range(path, x), Prov(path, x));
    }

    private KratomPeriod MapKratom(string path, KratomDto k)
    {
        var status = OneOf($"{path}.status", k.Status, ["legal", "regulated", "banned", "unknown"]) switch
        {
            "regulated" => KratomStatus.Regulated,
            "banned" => KratomStatus.Banned,
            "unknown" => KratomStatus.Unknown,
            _ => KratomStatus.Legal,
        };
        IntRange($"{path}.minimumAge", k.MinimumAge, 0, 30);
        return new KratomPeriod(status, k.MinimumAge, Range(path, k), Prov(path, k));
    }

    private PatientRules MapPatients(PatientsDto p)
    {
        IntRange("$.patients.adultAge.age", p.AdultAge.Age, 16, 25);
        var minors = new MinorRules(p.Minors.Allowed, p.Minors.CaregiverRequired, p.Minors.SecondPractitionerRequired,
            (p.Minors.OtherRequirements is null ? [] : Each("$.patients.minors.otherRequirements", p.Minors.OtherRequirements, (path, r) => { Text(path, r); return r; })) ?? [],
            Prov("$.patients.minors", p.Minors));
        var visitors = OneOf("$.patients.residency.visitors", p.Residency.Visitors, ["none", "reciprocity", "visitor-registration", "unknown"]) switch
        {
            "none" => VisitorRoute.None,
            "reciprocity" => VisitorRoute.Reciprocity,
            "visitor-registration" => VisitorRoute.VisitorRegistration,
            _ => VisitorRoute.Unknown,
        };
        OptionalText("$.patients.residency.reciprocityNote", p.Residency.ReciprocityNote);
        var residency = new ResidencyRules(p.Residency.Required, visitors, p.Residency.ReciprocityNote, Prov("$.patients.residency", p.Residency));
        RegistrationRules? registration = null;
        if (p.Registration is { } r)
        {
            registration = new RegistrationRules(
                Each("$.patients.registration.steps", r.Steps, (path, s) => { Text(path, s); return s; }) ?? [],
                Prov("$.patients.registration", r));
        }

        return new PatientRules(p.AdultAge.Age, Prov("$.patients.adultAge", p.AdultAge), minors, residency, registration);
    }

    private Provenance Prov(string path, FactDto f)
    {
        Text($"{path}.citation", f.Citation);
        Url($"{path}.sourceUrl", f.SourceUrl);
        OptionalText($"{path}.note", f.Note);
        return new Provenance(f.Citation, f.SourceUrl, Date($"{path}.retrieved", f.Retrieved), Conf($"{path}.confidence", f.Confidence), f.Note);
    }

    private DateRange Range(string path, DatedFactDto f)
    {
        DateOnly? from = f.From is null ? null : Date($"{path}.from", f.From);
        DateOnly? until = f.Until is null ? null : Date($"{path}.until", f.Until);
        if (from is { } a && until is { } b && a >= b)
        {
            Problem($"{path}.until", $"until {f.Until} is not after from {f.From}; intervals are [from, until)");
        }

        return new DateRange(from, until);
    }

    private void NoOverlap<T>(string path, List<T>? items, Func<T, DateRange> range, Func<T, string> key)
    {
        if (items is null)
        {
            return; // an item was null: already reported, and the indexes would not match the file
        }

        for (var i = 0; i < items.Count; i++)
        {
            for (var j = i + 1; j < items.Count; j++)
            {
                if (key(items[i]) == key(items[j]) && range(items[i]).Overlaps(range(items[j])))
                {
                    Problem($"{path}[{j}]", $"{key(items[j])} {range(items[j])} overlaps entry [{i}] {range(items[i])}; periods of the same fact must not overlap");
                }
            }
        }
    }

    private DateOnly Date(string path, string value)
    {
        if (DatePattern().IsMatch(value) && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Problem(path, $"'{Truncate(value)}' is not a date; expected YYYY-MM-DD");
        return default;
    }

    private Confidence Conf(string path, string value) => OneOf(path, value, Confidences) switch
    {
        "high" => Confidence.High,
        "medium" => Confidence.Medium,
        _ => Confidence.Low,
    };

    private string OneOf(string path, string value, string[] allowed)
    {
        if (Array.IndexOf(allowed, value) < 0)
        {
            Problem(path, $"'{Truncate(value)}' is not allowed; expected one of: {string.Join(", ", allowed)}");
        }

        return value;
    }

    private void Text(string path, string value, int min = 1, int max = 4000)
    {
        if (value.Length < min || value.Length > max)
        {
            Problem(path, $"text of length {value.Length} is out of range; expected {min} to {max} characters");
        }
        else if (value.AsSpan().IndexOfAnyInRange('\u0000', '\u001f') is var at and >= 0 || (at = value.AsSpan().IndexOfAnyInRange('\u007f', '\u009f')) >= 0)
        {
            Problem(path, $"text holds control character U+{(int)value[at]:X4} at position {at}; expected plain text on one line");
        }
        else if (value.Length > 0 && string.IsNullOrWhiteSpace(value))
        {
            Problem(path, "text is blank; expected words");
        }
    }

    private void OptionalText(string path, string? value)
    {
        if (value is not null)
        {
            Text(path, value);
        }
    }

    private void Url(string path, string value)
    {
        if (value.Length > 1000 || !UrlPattern().IsMatch(value))
        {
            Problem(path, $"'{Truncate(value)}' is not an http(s) URL");
        }
    }

    private void IntRange(string path, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            Problem(path, $"{v} is out of range; expected {min} to {max}");
        }
    }

    private JsonLineIndex? Lines() =>
        _lines ??= _json is null ? null : JsonLineIndex.Build(_json.AsSpan(_jsonStart));

    private void Problem(string path, string message) =>
        _problems.Add(new LawDataProblem(_file, path, Lines()?.LineOf(path) ?? 0, message));

    private static string Truncate(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
