using System.Text.Json.Serialization;

namespace Eligibility.Cli;

/// <summary>The JSON shape of <c>eligibility resolve</c>: <c>{input, condition, suggestions}</c> plus how it matched.</summary>
internal sealed record ResolveOutput(string Input, string? Condition, string? ConditionName, string Kind, double Score, IReadOnlyList<string> Suggestions)
{
    /// <summary>The words or code the reading rests on.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Matched { get; init; }

    /// <summary>The duration the input states, in months.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? DurationMonths { get; init; }

    /// <summary>Why nothing matched, or what to know about the reading (a medication read alone).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ResolveOutput[]))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
