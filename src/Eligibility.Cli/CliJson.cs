using System.Text.Json.Serialization;

namespace Eligibility.Cli;

/// <summary>The JSON shape of <c>eligibility resolve</c>: <c>{input, condition, suggestions}</c> plus how it matched.</summary>
internal sealed record ResolveOutput(string Input, string? Condition, string? ConditionName, string Kind, double Score, IReadOnlyList<string> Suggestions);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ResolveOutput[]))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
