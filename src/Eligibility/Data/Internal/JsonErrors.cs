using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Eligibility.Data.Internal;

/// <summary>
/// Turns System.Text.Json's exceptions into messages for the people who edit data files: what the format expects at
/// that path (read from the generated metadata, so it stays true to the DTOs), never a .NET type name.
/// </summary>
internal static class JsonErrors
{
    public static string Describe(JsonException e, string path) => Describe(e, path, LawJsonContext.Default, typeof(JurisdictionDto), "data/states/schema.json", LawFileReader.MaxDepth);

    /// <summary>Describes a deserialization error of any strictly read data file (law files, the condition catalog).</summary>
    /// <param name="e">The exception.</param>
    /// <param name="path">The JSON path it occurred at.</param>
    /// <param name="context">The source-generated context of the file's DTOs.</param>
    /// <param name="root">The DTO type of the whole file.</param>
    /// <param name="schema">The repository path of the file's JSON Schema, named in messages.</param>
    /// <param name="maxDepth">The nesting limit the reader was given.</param>
    /// <returns>A message for the person editing the file.</returns>
    public static string Describe(JsonException e, string path, JsonSerializerContext context, Type root, string schema, int maxDepth)
    {
        if (e.InnerException is InvalidOperationException inner && inner.Message.Contains("UTF-", StringComparison.Ordinal))
        {
            return "the text is not valid UTF-8 (or escapes half a surrogate pair); save the file as UTF-8";
        }

        if (e.Message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return $"nested more than {maxDepth} levels deep (see {schema})";
        }

        if (e.Message.StartsWith("The JSON value could not be converted to", StringComparison.Ordinal))
        {
            var found = e.InnerException is FormatException ? "a number out of range or not whole" : "a value of another type";
            return Expected(path, context, root) is { } expected ? $"expected {expected}; found {found}" : $"found {found} than the format expects here (see {schema})";
        }

        if (e.Message.Contains("doesn't allow null values", StringComparison.Ordinal))
        {
            return Expected(path, context, root) is { } expected ? $"null is not allowed here; expected {expected}" : "null is not allowed here";
        }

        var message = Clean(e.Message);
        if (Quoted(message, "The JSON property '", "' could not be mapped") is { } unknown)
        {
            // A data file's own property names help whoever edits it; anything that does not look like one (a file that
            // is not a data file at all, say) is not repeated.
            return IsPropertyName(unknown)
                ? $"unknown property '{unknown}'; the properties allowed here are listed in {schema}"
                : $"unknown property (a name that is not an identifier; not repeated); the properties allowed here are listed in {schema}";
        }

        if (Quoted(message, "Duplicate property '", "' encountered") is { } duplicate)
        {
            return $"duplicate property '{duplicate}'; each property may appear once";
        }

        var missing = message.IndexOf("missing required properties including: ", StringComparison.Ordinal);
        if (missing >= 0)
        {
            return $"missing required properties: {message[(missing + "missing required properties including: ".Length)..].TrimEnd('.')}";
        }

        return message;
    }

    private static string? Quoted(string message, string before, string after)
    {
        if (!message.StartsWith(before, StringComparison.Ordinal))
        {
            return null;
        }

        var end = message.LastIndexOf(after, StringComparison.Ordinal);
        return end < before.Length ? null : message[before.Length..end];
    }

    /// <summary>What the format expects at a JSON path, by walking the generated metadata from the root; null when the path leaves it.</summary>
    internal static string? Expected(string path) => Expected(path, LawJsonContext.Default, typeof(JurisdictionDto));

    private static string? Expected(string path, JsonSerializerContext context, Type root)
    {
        JsonTypeInfo? info = context.GetTypeInfo(root);
        var i = 1; // after '$'
        while (i < path.Length && info is not null)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                var name = end < 0 ? path[(i + 1)..] : path[(i + 1)..end];
                var property = info.Kind == JsonTypeInfoKind.Object ? info.Properties.FirstOrDefault(p => p.Name == name) : null;
                info = property is null ? null : context.GetTypeInfo(property.PropertyType);
                i = end < 0 ? path.Length : end;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                info = info.Kind == JsonTypeInfoKind.Enumerable && info.ElementType is { } element ? context.GetTypeInfo(element) : null;
                i = end < 0 ? path.Length : end + 1;
            }
            else
            {
                return null;
            }
        }

        return info is null ? null : Describe(info.Type);
    }

    private static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return "a string";
        }

        if (type == typeof(int))
        {
            return $"a whole number from {int.MinValue} to {int.MaxValue}";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? "an array" : "an object";
    }

    private static string Clean(string message)
    {
        // System.Text.Json appends "Path: $.x | LineNumber: n | BytePositionInLine: m."; the problem has those already.
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    /// <summary>Whether a name looks like a schema property (letters and digits, at most 40), so it is safe to quote.</summary>
    private static bool IsPropertyName(string name)
    {
        if (name.Length is 0 or > 40 || !char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '$')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A JSON path with any bracketed property name that is not identifier-like replaced by <c>['?']</c>.</summary>
    internal static string SafePath(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path, @"\['((?:[^'\\]|\\.)*)'\]", m => IsPropertyName(m.Groups[1].Value) ? m.Value : "['?']");
}
