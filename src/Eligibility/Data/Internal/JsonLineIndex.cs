using System.Text.Json;

namespace Eligibility.Data.Internal;

/// <summary>Maps JSON paths (<c>$.conditions[2].from</c>) to 1-based line numbers, by one pass of the reader.</summary>
internal sealed class JsonLineIndex
{
    private readonly Dictionary<string, long> _lines = new(StringComparer.Ordinal);

    private JsonLineIndex()
    {
    }

    public static JsonLineIndex Build(ReadOnlySpan<byte> utf8)
    {
        var index = new JsonLineIndex();
        var newlines = new List<int>();
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                newlines.Add(i);
            }
        }

        long LineOf(long offset)
        {
            var pos = newlines.BinarySearch((int)offset);
            return (pos < 0 ? ~pos : pos) + 1;
        }

        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 64 });
            var stack = new Stack<(string Path, bool IsArray, int Next)>();
            string? pendingProperty = null;
            string current = "$";
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingProperty = reader.GetString();
                        var top = stack.Peek();
                        var path = $"{top.Path}.{pendingProperty}";
                        index._lines.TryAdd(path, LineOf(reader.TokenStartIndex));
                        current = path;
                        continue;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        var here = ValuePath(stack, ref current, pendingProperty);
                        index._lines.TryAdd(here, LineOf(reader.TokenStartIndex));
                        stack.Push((here, reader.TokenType == JsonTokenType.StartArray, 0));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        stack.Pop();
                        break;
                    default:
                        index._lines.TryAdd(ValuePath(stack, ref current, pendingProperty), LineOf(reader.TokenStartIndex));
                        break;
                }

                pendingProperty = null;
            }
        }
        catch (JsonException)
        {
            // The deserializer reports syntax errors with their own line; the index only serves valid documents.
        }

        return index;
    }

    /// <summary>The line of a path, or of its nearest ancestor that has one; 0 if none.</summary>
    public long LineOf(string path)
    {
        while (true)
        {
            if (_lines.TryGetValue(path, out var line))
            {
                return line;
            }

            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
            {
                return 0;
            }

            path = path[..cut];
        }
    }

    private static string ValuePath(Stack<(string Path, bool IsArray, int Next)> stack, ref string current, string? property)
    {
        if (stack.Count == 0)
        {
            return "$";
        }

        var top = stack.Pop();
        string path;
        if (top.IsArray)
        {
            path = $"{top.Path}[{top.Next}]";
            top.Next++;
        }
        else
        {
            path = property is null ? current : $"{top.Path}.{property}";
        }

        stack.Push(top);
        return path;
    }
}
