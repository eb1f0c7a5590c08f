using System.Text.Json;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Eligibility.Fhir;

/// <summary>
/// Reads FHIR R4 JSON with Firely's <see cref="FhirJsonDeserializer"/>. Every problem is a <see cref="FormatException"/>
/// that says what was wrong and where (FHIR path, line, position), never repeating the values sent.
/// </summary>
public static partial class FhirJson
{
    private static readonly FhirJsonDeserializer Deserializer = new();

    /// <summary>Reads a Bundle.</summary>
    /// <param name="json">A FHIR R4 Bundle as JSON.</param>
    /// <returns>The bundle.</returns>
    /// <exception cref="FormatException">The text is not JSON, not valid FHIR R4, or not a Bundle.</exception>
    public static Bundle ParseBundle(string json) => Parse<Bundle>(json, "Bundle");

    /// <summary>Reads any resource (a Patient, a Condition, a Bundle, ...).</summary>
    /// <param name="json">A FHIR R4 resource as JSON.</param>
    /// <returns>The resource.</returns>
    /// <exception cref="FormatException">The text is not JSON or not a valid FHIR R4 resource.</exception>
    public static Resource ParseResource(string json) => Parse<Resource>(json, "resource");

    private static T Parse<T>(string json, string expected)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(json);
        Resource resource;
        try
        {
            resource = Deserializer.DeserializeResource(json);
        }
        catch (DeserializationFailedException e)
        {
            throw new FormatException(Describe(e, expected), e);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not a valid FHIR R4 {expected}: malformed JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}. Send one JSON object with a \"resourceType\".", e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotSupportedException or FormatException)
        {
            throw new FormatException($"not a valid FHIR R4 {expected}: expected one JSON object with a \"resourceType\".", e);
        }

        return resource as T ?? throw new FormatException($"expected a FHIR R4 {expected}, found a {resource.TypeName}.");
    }

    /// <summary>The first problems, by code and place only: Firely's own messages quote the values sent.</summary>
    private static string Describe(DeserializationFailedException e, string expected)
    {
        var problems = e.Exceptions.ToList();
        var described = problems.Take(3).Select(p => $"{Explain(p.ErrorCode)} ({p.ErrorCode}{Where(p.Message)})");
        var more = problems.Count > 3 ? $"; and {problems.Count - 3} more" : "";
        return $"not a valid FHIR R4 {expected}: {string.Join("; ", described)}{more}.";
    }

    private static string Explain(string code) => code switch
    {
        "JSON103" => "no resourceType",
        "PVAL124" => "a value is not in the form its FHIR type requires",
        "PVAL128" => "an element FHIR R4 does not define here",
        "PVAL130" => "an unknown resource type",
        _ when code.StartsWith("JSON", StringComparison.Ordinal) => "a JSON shape FHIR does not allow",
        _ => "a FHIR format problem",
    };

    /// <summary>Firely ends each message with "At Path, line N, position M."; keep that part only.</summary>
    private static string Where(string message)
    {
        var match = Location().Match(message);
        if (!match.Success)
        {
            return "";
        }

        var path = match.Groups["path"].Success ? match.Groups["path"].Value + ", " : "";
        return $" at {path}line {match.Groups["line"].Value}, position {match.Groups["pos"].Value}";
    }

    [GeneratedRegex(@"At (?:(?<path>[A-Za-z$][A-Za-z0-9_.\[\]$]{0,200}), )?line (?<line>\d+), position (?<pos>\d+)\.?$")]
    private static partial Regex Location();
}
