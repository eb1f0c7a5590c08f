using System.Text.Json.Nodes;
using Eligibility.Tests.TestAssets;

namespace Eligibility.Tests.Data;

/// <summary>
/// Every fact in the real law data rests on a source that was read: no text says it comes "from memory", every fact
/// names its citation and the page it was read on, and that page is a real address (absolute http/https, not a
/// mail-filter redirect that hides where it points and expires).
/// </summary>
public class ProvenanceTests
{
    /// <summary>Hosts that only wrap another address (mail link scanners, click trackers).</summary>
    private static readonly string[] RedirectWrapperHosts =
    [
        "safelinks.protection.outlook.com",
        "urldefense.com",
        "urldefense.proofpoint.com",
        "l.facebook.com",
        "lm.facebook.com",
    ];

    public static TheoryData<string> Codes() => [.. DataFiles.AllCodes];

    [Theory]
    [MemberData(nameof(Codes))]
    public void RealDataFile_EveryFactCitesASourceReadNotMemory(string code)
    {
        var path = Path.Combine(DataFiles.StatesDirectory, code.ToLowerInvariant() + ".json");
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        var problems = new List<string>();

        Walk(root, "$", problems);

        problems.Should().BeEmpty($"{Path.GetFileName(path)} must rest on sources read, each with a citation and a real address");
    }

    private static void Walk(JsonNode? node, string path, List<string> problems)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj.ContainsKey("citation") || obj.ContainsKey("sourceUrl"))
                {
                    CheckFact(obj, path, problems);
                }

                if (obj["url"] is JsonValue url && path.StartsWith("$.sources", StringComparison.Ordinal))
                {
                    CheckUrl(url.GetValue<string>(), path + ".url", problems);
                }

                foreach (var (key, child) in obj)
                {
                    Walk(child, path + "." + key, problems);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]", problems);
                }

                break;
            case JsonValue value when value.TryGetValue(out string? text):
                if (text.Contains("from memory", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"{path}: says it is from memory");
                }

                break;
        }
    }

    private static void CheckFact(JsonObject fact, string path, List<string> problems)
    {
        var citation = (fact["citation"] as JsonValue)?.TryGetValue(out string? c) == true ? c : null;
        if (string.IsNullOrWhiteSpace(citation))
        {
            problems.Add($"{path}.citation: blank");
        }

        var sourceUrl = (fact["sourceUrl"] as JsonValue)?.TryGetValue(out string? u) == true ? u : null;
        if (string.IsNullOrWhiteSpace(sourceUrl))
        {
            problems.Add($"{path}.sourceUrl: blank");
        }
        else
        {
            CheckUrl(sourceUrl, path + ".sourceUrl", problems);
        }
    }

    private static void CheckUrl(string url, string path, List<string> problems)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"{path}: not an absolute http(s) URL");
            return;
        }

        var host = uri.Host.ToLowerInvariant();
        var wrapper = RedirectWrapperHosts.Any(w => host == w || host.EndsWith("." + w, StringComparison.Ordinal))
            || (host is "www.google.com" or "google.com" && uri.AbsolutePath == "/url");
        if (wrapper)
        {
            problems.Add($"{path}: a redirect wrapper ({host}), not the page read");
        }
    }
}
