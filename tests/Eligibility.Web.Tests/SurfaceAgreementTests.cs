using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Eligibility.Cli;

namespace Eligibility.Web.Tests;

/// <summary>
/// The same answers everywhere: for each query, the library's Scan, the CLI's scan --format json and map --format
/// svg, the API's GET /eligibility/scan, and its POST /eligibility/map (SVG and JSON) give every jurisdiction the
/// same outcome. (The page's map and table are compared with the library in <see cref="PageTests"/>.)
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Web")]
public sealed class SurfaceAgreementTests(WebFixture web)
{
    private static readonly IEligibilityEngine Engine = EligibilityEngine.CreateDefault();

    [WebTheory]
    [InlineData("opioid use disorder", "2026-11-22")]
    [InlineData("heroin addiction", "2019-06-01")]
    [InlineData("opioid withdrawal", "2026-11-22")]
    [InlineData("chronic pain", "2026-11-22")]
    [InlineData("chronic pain", "2015-01-01")]
    [InlineData("F11.20", "2023-07-01")]
    [InlineData("ptsd", "2026-11-22")]
    public async Task Library_CLI_API_and_map_give_every_jurisdiction_the_same_outcome(string condition, string day)
    {
        var library = Engine.Scan(condition, DateOnly.Parse(day, CultureInfo.InvariantCulture)).ToDictionary(d => d.Jurisdiction, d => Kebab(d.Outcome));
        library.Should().HaveCount(56);

        var cliScan = Cli("scan", "--condition", condition, "--as-of", day, "--format", "json");
        Outcomes(JsonDocument.Parse(cliScan).RootElement.EnumerateArray()).Should().Equal(library, "CLI scan --format json");
        SvgOutcomes(Cli("map", "--condition", condition, "--as-of", day, "--format", "svg")).Should().Equal(library, "CLI map --format svg");

        var apiScan = await web.Server.Http.GetStringAsync(new Uri($"eligibility/scan?condition={Uri.EscapeDataString(condition)}&asOf={day}", UriKind.Relative));
        Outcomes(JsonDocument.Parse(apiScan).RootElement.EnumerateArray()).Should().Equal(library, "API GET /eligibility/scan");

        var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["condition"] = condition, ["asOf"] = day });
        SvgOutcomes(await PostMap(body, "image/svg+xml")).Should().Equal(library, "API POST /eligibility/map (SVG)");
        var mapJson = JsonDocument.Parse(await PostMap(body, "application/json")).RootElement.GetProperty("maps");
        mapJson.GetArrayLength().Should().Be(1);
        Outcomes(mapJson[0].GetProperty("map").GetProperty("tiles").EnumerateArray()).Should().Equal(library, "API POST /eligibility/map (JSON)");
        SvgOutcomes(mapJson[0].GetProperty("svg").GetString()!).Should().Equal(library, "the SVG inside the map JSON");
    }

    [WebTheory]
    [InlineData("NJ", "opioid use disorder", "qualifies")]
    [InlineData("ID", "opioid use disorder", "no-program")]
    [InlineData("PA", "opioid withdrawal", null)]
    [InlineData("TX", "chronic pain", null)]
    public async Task API_check_CLI_check_and_the_library_agree_for_one_jurisdiction(string jurisdiction, string condition, string? known)
    {
        const string day = "2026-11-22";
        var expected = Kebab(Engine.Evaluate(new EligibilityQuery { Jurisdiction = jurisdiction, Conditions = [condition], AsOf = new DateOnly(2026, 11, 22) }).Outcome);
        if (known is not null)
        {
            expected.Should().Be(known);
        }

        using var content = new StringContent(JsonSerializer.Serialize(new Dictionary<string, object> { ["jurisdiction"] = jurisdiction, ["conditions"] = new[] { condition }, ["asOf"] = day }), Encoding.UTF8, "application/json");
        using var response = await web.Server.Http.PostAsync(new Uri("eligibility/check", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("outcome").GetString().Should().Be(expected, "API");
        JsonDocument.Parse(Cli("check", "--state", jurisdiction, "--condition", condition, "--as-of", day, "--format", "json")).RootElement.GetProperty("outcome").GetString().Should().Be(expected, "CLI");
    }

    private async Task<string> PostMap(string body, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("eligibility/map", UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        using var response = await web.Server.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(text);
        response.Content.Headers.ContentType!.MediaType.Should().Be(accept);
        return text;
    }

    private static string Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        CliApp.Run(args, stdout, stderr).Should().Be(0, stderr.ToString());
        return stdout.ToString();
    }

    private static Dictionary<string, string> Outcomes(IEnumerable<JsonElement> items) =>
        items.ToDictionary(d => d.GetProperty("jurisdiction").GetString()!, d => d.GetProperty("outcome").GetString()!);

    private static Dictionary<string, string> SvgOutcomes(string svg) =>
        XDocument.Parse(svg).Descendants().Where(e => e.Attribute("data-jurisdiction") is not null)
            .ToDictionary(e => e.Attribute("data-jurisdiction")!.Value, e => e.Attribute("data-outcome")!.Value);

    private static string Kebab(Outcome outcome) => JsonSerializer.Serialize(outcome, EligibilityJsonContext.Default.Outcome).Trim('"');
}
