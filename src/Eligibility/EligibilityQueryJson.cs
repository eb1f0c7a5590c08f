using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Eligibility.Data.Internal;

namespace Eligibility;

/// <summary>
/// Reads an <see cref="EligibilityQuery"/> from JSON (camelCase, as <c>check --input</c> lines and web requests send it)
/// strictly: an unknown or repeated property, a value of the wrong type or a missing required value is an error that
/// says what was wrong, where (JSON path, line) and what to send, never a silently dropped field. Untrusted input is
/// bounded while it is read: at most <see cref="MaxBytes"/> bytes are read, a list stops at its 51st item, and no
/// message ever repeats the text sent (it may be patient data).
/// </summary>
public static class EligibilityQueryJson
{
    /// <summary>A query that works, for messages.</summary>
    public const string Example = """{"jurisdiction":"NJ","conditions":["opioid-use-disorder"]}""";

    /// <summary>
    /// Longest query accepted, in UTF-8 bytes (256 KiB): room for the largest valid query (50 conditions and 50
    /// medications of 500 characters each), and reading stops as soon as a longer one passes it.
    /// </summary>
    public const int MaxBytes = 256 * 1024;

    /// <summary>What each query property must hold, in the order of the messages.</summary>
    private static readonly (string Name, string Expected)[] Properties =
    [
        ("jurisdiction", "a USPS code string such as \"NJ\""),
        ("conditions", $"an array of 1 to {EligibilityQuery.MaxConditions} condition strings, e.g. [\"chronic pain\"]"),
        ("asOf", "a date string YYYY-MM-DD, e.g. \"2019-01-01\""),
        ("age", "a whole number of years (0 to 130)"),
        ("visitor", "true or false"),
        ("medications", $"an array of at most {EligibilityQuery.MaxMedications} medication names"),
        ("attested", $"an array of qualifier names ({string.Join(", ", QualifierKinds.Names)})"),
        ("durationMonths", "a whole number of months"),
        ("explain", "true or false"),
    ];

    private static string PropertyList => string.Join(", ", Properties.Select(p => p.Name));

    /// <summary>Reads one query from a JSON text.</summary>
    /// <param name="json">One JSON object.</param>
    /// <returns>The query (not yet validated: <see cref="IEligibilityEngine.Evaluate"/> checks its values).</returns>
    /// <exception cref="FormatException">The JSON is malformed, longer than <see cref="MaxBytes"/> or not a query; the message says what to send instead.</exception>
    public static EligibilityQuery Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        // A UTF-8 byte is at most one char and a char at most 3 bytes: check the cheap bound before encoding.
        if (json.Length > MaxBytes || Encoding.UTF8.GetMaxByteCount(json.Length) > MaxBytes && Encoding.UTF8.GetByteCount(json) > MaxBytes)
        {
            throw TooLong();
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(json, buffer);
            return Read(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads one query from a UTF-8 JSON stream (e.g. a request body), reading at most <see cref="MaxBytes"/> bytes.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The query (not yet validated).</returns>
    /// <exception cref="FormatException">The JSON is malformed, longer than <see cref="MaxBytes"/> or not a query; the message says what to send instead.</exception>
    public static async ValueTask<EligibilityQuery> ParseAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length > MaxBytes)
                    {
                        throw TooLong(); // stop reading: the rest is never buffered
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = await utf8Json.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, MaxBytes + 1) - length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > MaxBytes)
                {
                    throw TooLong();
                }
            }

            var span = buffer.AsSpan(0, length);
            return Read(span.StartsWith("\uFEFF"u8) ? span[3..] : span);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static FormatException TooLong() =>
        new($"the query is longer than {MaxBytes:N0} bytes; send at most {EligibilityQuery.MaxConditions} conditions and {EligibilityQuery.MaxMedications} medications of at most {EligibilityQuery.MaxConditionLength} characters each.");

    /// <summary>Reads the query token by token, so every limit holds while reading and errors carry path and line.</summary>
    private static EligibilityQuery Read(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 4, CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false });
        try
        {
            if (!reader.Read())
            {
                throw new FormatException("the query is empty; send one JSON object, e.g. " + Example + ".");
            }

            if (reader.TokenType == JsonTokenType.Null)
            {
                throw new FormatException("expected a JSON object, found null.");
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Error(utf8, ref reader, "$", $"expected a JSON object, found {Describe(reader.TokenType)}");
            }

            string? jurisdiction = null;
            List<string>? conditions = null;
            DateOnly? asOf = null;
            int? age = null;
            int? durationMonths = null;
            var visitor = false;
            var explain = false;
            List<string>? medications = null;
            List<QualifierKind>? attested = null;
            var seen = 0;

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var index = PropertyIndex(ref reader);
                if (index < 0)
                {
                    var hint = ClosestProperty(ref reader);
                    throw Error(utf8, ref reader, "$", $"unknown property{(hint is null ? "" : $" (did you mean '{hint}'?)")}", $"; use {PropertyList} (camelCase)");
                }

                var name = Properties[index].Name;
                if ((seen & (1 << index)) != 0)
                {
                    throw Error(utf8, ref reader, "$." + name, $"{name} appears more than once (send each property once)");
                }

                seen |= 1 << index;
                reader.Read();
                switch (name)
                {
                    case "jurisdiction":
                        jurisdiction = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw Expected(utf8, ref reader, index);
                        break;
                    case "conditions":
                        conditions = ReadStrings(utf8, ref reader, index, EligibilityQuery.MaxConditions, allowNull: false);
                        break;
                    case "asOf":
                        asOf = reader.TokenType == JsonTokenType.Null ? null : ReadDate(utf8, ref reader, index);
                        break;
                    case "age":
                        age = ReadInt(utf8, ref reader, index);
                        break;
                    case "visitor":
                        visitor = ReadBool(utf8, ref reader, index);
                        break;
                    case "medications":
                        medications = ReadStrings(utf8, ref reader, index, EligibilityQuery.MaxMedications, allowNull: true);
                        break;
                    case "attested":
                        attested = ReadQualifiers(utf8, ref reader, index);
                        break;
                    case "durationMonths":
                        durationMonths = ReadInt(utf8, ref reader, index);
                        break;
                    default:
                        explain = ReadBool(utf8, ref reader, index);
                        break;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject)
            {
                throw Error(utf8, ref reader, "$", "malformed JSON; send one JSON object");
            }

            if (reader.Read())
            {
                throw Error(utf8, ref reader, "$", "more than one JSON value; send one query object");
            }

            if (jurisdiction is null || conditions is null)
            {
                var missing = jurisdiction is null && conditions is null ? "jurisdiction and conditions are" : jurisdiction is null ? "jurisdiction is" : "conditions is";
                throw new FormatException($"{missing} missing; jurisdiction and conditions are required, e.g. {Example}.");
            }

            return new EligibilityQuery
            {
                Jurisdiction = jurisdiction,
                Conditions = conditions,
                AsOf = asOf,
                Age = age,
                Visitor = visitor,
                Medications = medications ?? [],
                Attested = attested ?? [],
                DurationMonths = durationMonths,
                Explain = explain,
            };
        }
        catch (JsonException e)
        {
            // The reader's own message quotes the offending text; say only where it is.
            throw new FormatException($"malformed JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}; send one JSON object, e.g. {Example}.", e);
        }
        catch (InvalidOperationException e)
        {
            // Invalid UTF-8 or an escape that is not text: the string cannot be read.
            throw new FormatException($"a string is not valid UTF-8 text; send text encoded as UTF-8.", e);
        }
    }

    private static int PropertyIndex(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < Properties.Length; i++)
        {
            if (reader.ValueTextEquals(Properties[i].Name))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The known property an unknown name is a likely typo of (derived from the list, never the name itself), or null.</summary>
    private static string? ClosestProperty(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.ValueSpan.Length > 40)
        {
            return null;
        }

        var name = Encoding.UTF8.GetString(reader.ValueSpan);
        string? best = null;
        var bestDistance = 3; // at most two edits
        foreach (var (candidate, _) in Properties)
        {
            var distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static List<string>? ReadStrings(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader, int index, int max, bool allowNull)
    {
        if (allowNull && reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Expected(utf8, ref reader, index);
        }

        var name = Properties[index].Name;
        var items = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (items.Count == max)
            {
                throw Error(utf8, ref reader, $"$.{name}[{max}]", $"{name} holds more than {max} items; send at most {max}");
            }

            if (reader.TokenType != JsonTokenType.String)
            {
                throw Error(utf8, ref reader, $"$.{name}[{items.Count}]", $"each item of {name} must be a string, found {Describe(reader.TokenType)}");
            }

            items.Add(reader.GetString()!);
        }

        return items;
    }

    private static List<QualifierKind>? ReadQualifiers(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader, int index)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Expected(utf8, ref reader, index);
        }

        var kinds = new List<QualifierKind>();
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var path = $"$.attested[{count}]";
            if (count++ == QualifierKinds.Names.Count())
            {
                throw Error(utf8, ref reader, path, $"attested holds more items than there are qualifiers; send each of {string.Join(", ", QualifierKinds.Names)} at most once");
            }

            // Names only: a number such as 0 is not a qualifier a practitioner attested.
            if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.Length > 64 || !QualifierKinds.TryParse(reader.GetString()!, out var kind))
            {
                throw Error(utf8, ref reader, path, $"each item of attested must be a qualifier name: {string.Join(", ", QualifierKinds.Names)}");
            }

            kinds.Add(kind);
        }

        return kinds;
    }

    private static DateOnly ReadDate(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader, int index)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && reader.ValueSpan.Length == 10
            && DateOnly.TryParseExact(Encoding.ASCII.GetString(reader.ValueSpan), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        throw Expected(utf8, ref reader, index);
    }

    private static int? ReadInt(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader, int index) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number when reader.TryGetInt32(out var value) => value,
            _ => throw Expected(utf8, ref reader, index),
        };

    private static bool ReadBool(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader, int index) =>
        reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw Expected(utf8, ref reader, index),
        };

    private static FormatException Expected(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader, int index)
    {
        var (name, expected) = Properties[index];
        return Error(utf8, ref reader, "$." + name, $"{name} must be {expected}, found {Describe(reader.TokenType)}");
    }

    /// <summary>An error at the reader's position: what was wrong, the JSON path and the line, never the text itself.</summary>
    private static FormatException Error(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader, string path, string message, string advice = "")
    {
        var start = (int)Math.Min(reader.TokenStartIndex, utf8.Length);
        var line = utf8[..start].Count((byte)'\n') + 1;
        return new FormatException($"{message} at {path} (line {line}){advice}.");
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "true/false",
        JsonTokenType.Null => "null",
        _ => "something else",
    };
}
