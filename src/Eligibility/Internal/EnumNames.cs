using System.Text.Json;

namespace Eligibility.Internal;

/// <summary>The kebab-case names the JSON contract uses for enum values, reused for text so both formats say the same words.</summary>
internal static class EnumNames
{
    public static string Kebab<T>(T value)
        where T : struct, Enum => JsonSerializer.Serialize(value, typeof(T), EligibilityJsonContext.Default).Trim('"');
}
