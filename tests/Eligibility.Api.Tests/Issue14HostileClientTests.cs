using System.Net;
using System.Text;
using System.Text.Json;

namespace Eligibility.Api.Tests;

/// <summary>
/// Issue 14, the web sample over real HTTP: a load and abuse test found 500s (with Error logs and stack traces) for
/// an over-sized, a stalled and a reset body; cheap requests that cost seconds; a 28 MB array read whole (3.26 GB for
/// eight at once); the query string (a condition) in the request log; the client's text echoed back; duplicate
/// properties accepted; no 415 without a Content-Type, 405 for HEAD, "attested":[0] accepted; and the data directory
/// not read from configuration. Each test sends what the abuse test sent.
/// </summary>
[Collection(nameof(ApiCollection))]
public sealed class Issue14HostileClientTests(ApiServer server)
{
    private const string Marker = "ZZPATIENTMARK"; // stands for what a patient typed: it must never be logged or echoed
    private const string Head = "POST /eligibility/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json";

    [Fact]
    public async Task Post_31MegabyteBody_413ProblemNot500()
    {
        var response = await server.SendRawAsync($"{Head}\r\nContent-Length: {31 * 1024 * 1024}", new byte[1024 * 1024]);

        response.Status.Should().Be(413);
        response.Text.Should().Contain("application/problem+json").And.Contain("Body too large").And.Contain("65,536 bytes");
    }

    [Fact]
    public async Task Post_BodyStopsBeforeItsContentLength_408ProblemNot500()
    {
        var response = await server.SendRawAsync($"{Head}\r\nContent-Length: 1000", """{"jurisdiction":"NJ","""u8.ToArray());

        response.Status.Should().Be(408);
        response.Text.Should().Contain("application/problem+json").And.Contain("Body too slow");
    }

    [Fact]
    public async Task Post_ClientResetsMidBody_NoErrorLoggedAndTheServerAnswersOn()
    {
        for (var i = 0; i < 50; i++)
        {
            await server.SendRawAsync($"{Head}\r\nContent-Length: 5000", Encoding.UTF8.GetBytes("""{"jurisdiction":"NJ","conditions":[" """ + Marker), reset: true);
        }

        (await server.Client.GetAsync("/eligibility/states")).StatusCode.Should().Be(HttpStatusCode.OK);
        await Task.Delay(500); // let the server finish logging the resets
        ErrorLines(server.Log).Should().BeEmpty("a client that goes away is not a server error");
        server.Log.Should().NotContain(" 500 ").And.NotContain("status 500");
    }

    [Fact]
    public async Task Post_FiftyLongUnknownConditions_400NamingTheLimitBeforeAnyWork()
    {
        var painful = ("pain and " + string.Concat(Enumerable.Repeat("pain and ", 59)))[..500];
        var body = JsonSerializer.Serialize(new { jurisdiction = "NJ", conditions = Enumerable.Repeat(painful, 50).ToArray() }, JsonOptions);

        var response = await PostJson("/eligibility/check", body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await Problem(response);
        problem.GetProperty("title").GetString().Should().Be("Too much condition text");
        problem.GetProperty("detail").GetString().Should().Contain("25,000 characters").And.Contain("at most 1,000");
    }

    [Fact]
    public async Task Post_SevenMillionConditionsEightAtOnce_413WhileReadingAndMemoryStaysBounded()
    {
        // Chunked, so no Content-Length tells the server the size in advance: the limit must hold while reading.
        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("\"a\",", 256 * 1024))); // 1 MiB
        var body = new MemoryStream();
        body.Write(Encoding.ASCII.GetBytes("""{"jurisdiction":"NJ","conditions":["""));
        for (var i = 0; i < 28; i++)
        {
            body.Write(Encoding.ASCII.GetBytes($"\r\n{chunk.Length:X}\r\n"));
            body.Write(chunk);
        }

        var bytes = body.ToArray();
        var first = Encoding.ASCII.GetByteCount("""{"jurisdiction":"NJ","conditions":[""");
        var framed = Encoding.ASCII.GetBytes($"{first:X}\r\n").Concat(bytes).ToArray();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => server.SendRawAsync($"{Head}\r\nTransfer-Encoding: chunked", framed)));

        answers.Should().OnlyContain(a => a.Status == 413);
        var peak = server.PeakMemoryBytes;
        Console.WriteLine($"web sample peak resident memory after 8 x 28 MB bodies: {peak / (1024 * 1024)} MB");
        peak.Should().BeLessThan(600L * 1024 * 1024, "bodies are refused at 64 KiB, never read whole (it was 3.26 GB)");
    }

    [Fact]
    public async Task Log_AtTrace_NeverHoldsAConditionMedicationOrQueryString()
    {
        await server.Client.GetAsync($"/eligibility/scan?condition={Marker}%20HIV&asOf=2026-11-22");
        await PostJson("/eligibility/check", $$"""{"jurisdiction":"NJ","conditions":["{{Marker}} HIV"],"medications":["{{Marker}} methadone"],"age":41,"attested":["severe"]}""");
        await PostJson("/eligibility/check", $$"""{"jurisdiction":"{{Marker}}","conditions":["{{Marker}}"]}""");
        await PostJson("/eligibility/check", $$"""{"jurisdiction":"NJ","conditions":["x"],"asOf":"{{Marker}}"}""");
        await PostJson("/eligibility/scan", $$"""{"condition":"{{Marker}} chronic pain"}""");
        await PostJson("/eligibility/check", $"t{Marker} HIV+ on methadone");
        await server.SendRawAsync($"GET /eligibility/scan?condition={Marker} HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header Line {Marker}", []);
        await Task.Delay(500);

        var log = server.Log;
        log.Should().Contain("Now listening on", "the log was captured at Trace");
        log.Should().Contain("HTTP POST /eligibility/check answered 200", "requests are logged, by route");
        log.Should().NotContainEquivalentOf(Marker).And.NotContain("condition=").And.NotContain("methadone");
    }

    [Theory]
    [InlineData($"t{Marker} HIV+ on methadone")]
    [InlineData($$"""{"jurisdiction":"NJ","conditions":["x"],"asOf":"{{Marker}}<script>"}""")]
    [InlineData($$"""{"jurisdiction":"{{Marker}}","conditions":["x"]}""")]
    [InlineData($$"""{"{{Marker}}":1,"jurisdiction":"NJ","conditions":["x"]}""")]
    [InlineData($$"""{"jurisdiction":"NJ","conditions":[{{Marker}}]}""")]
    [InlineData($$"""{"jurisdiction":"NJ","conditions":["x"],"age":"{{Marker}}"}""")]
    public async Task Post_BadQuery_400ThatNeverEchoesTheText(string body)
    {
        var response = await PostJson("/eligibility/check", body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().NotContainEquivalentOf(Marker).And.NotContain("methadone");
    }

    [Fact]
    public async Task Post_100KilobytePropertyName_NotEchoed()
    {
        var name = new string('q', 60_000); // under the 64 KiB body limit, so the reader sees it

        var response = await PostJson("/eligibility/check", $$"""{"{{name}}":1,"jurisdiction":"NJ","conditions":["x"]}""");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var text = await response.Content.ReadAsStringAsync();
        text.Should().NotContain("qqqq");
        text.Length.Should().BeLessThan(1000);
    }

    [Fact]
    public async Task GetScan_BadAsOf_NotEchoed()
    {
        var response = await server.Client.GetAsync($"/eligibility/scan?condition=cancer&asOf={Marker}%3Cscript%3E");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().NotContainEquivalentOf(Marker).And.Contain("asOf is not a date");
    }

    [Fact]
    public async Task Post_DuplicateJurisdiction_400NotAnsweredForTheLastOne()
    {
        var response = await PostJson("/eligibility/check", """{"jurisdiction":"NJ","jurisdiction":"TX","conditions":["chronic pain"]}""");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Problem(response)).GetProperty("detail").GetString().Should().Contain("jurisdiction appears more than once");
    }

    [Fact]
    public async Task Post_WithoutContentType_415()
    {
        using var content = new ByteArrayContent("""{"jurisdiction":"NJ","conditions":["cancer"]}"""u8.ToArray());

        var response = await server.Client.PostAsync("/eligibility/check", content);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Theory]
    [InlineData("/eligibility/states")]
    [InlineData("/openapi/v1.json")]
    public async Task Head_OnAGetEndpoint_200WithoutABody(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, path);

        var response = await server.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Post_AttestedNumber_400()
    {
        var response = await PostJson("/eligibility/check", """{"jurisdiction":"NJ","conditions":["chronic pain"],"attested":[0]}""");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Problem(response)).GetProperty("detail").GetString().Should().Contain("$.attested[0]");
    }

    [Fact]
    public async Task PostScan_ConditionInTheBody_DecidesEveryJurisdiction()
    {
        var response = await PostJson("/eligibility/scan", """{"condition":"opioid withdrawal","asOf":"2026-11-22"}""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var decisions = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        decisions.GetArrayLength().Should().BeGreaterThan(50);
        decisions[0].GetProperty("conditions")[0].GetProperty("condition").GetString().Should().Be("opioid-withdrawal");
    }

    [Theory]
    [InlineData("""{"condition":"cancer","condition":"HIV"}""", "condition appears more than once")]
    [InlineData("""{"condition":"cancer","state":"NJ"}""", "unknown property")]
    [InlineData("""{"asOf":"2026-11-22"}""", "condition is missing")]
    [InlineData("""{"condition":"cancer","asOf":"ZQX"}""", "asOf must be a date string")]
    public async Task PostScan_BadBody_400SayingWhat(string body, string expected)
    {
        var response = await PostJson("/eligibility/scan", body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var detail = (await Problem(response)).GetProperty("detail").GetString();
        detail.Should().Contain(expected).And.NotContain("ZQX").And.NotContain("HIV");
    }

    [Fact]
    public async Task Post_GoodQuery_StillDecided()
    {
        var response = await PostJson("/eligibility/check", """{"jurisdiction":"NJ","conditions":["opioid use disorder"],"asOf":"2026-11-22"}""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("outcome").GetString().Should().Be("qualifies");
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };

    /// <summary>Console log entries at Error or Critical ("fail:", "crit:").</summary>
    private static string[] ErrorLines(string log)
    {
        var lines = log.Split('\n');
        return [.. lines.Select((l, i) => (l, i))
            .Where(x => x.l.StartsWith("fail:", StringComparison.Ordinal) || x.l.StartsWith("crit:", StringComparison.Ordinal))
            .Select(x => string.Join('\n', lines.Skip(x.i).Take(4)))]; // the entry with its message
    }

    private Task<HttpResponseMessage> PostJson(string path, string body) =>
        server.Client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> Problem(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}

/// <summary>The sample reads the engine's options from configuration (Issue 14.9): here a data directory holding only NJ.</summary>
public sealed class OneJurisdictionServer() : ApiServer(["--Eligibility:DataDirectory=" + Directory()])
{
    private static string Directory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "eligibility-api-data-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        File.Copy(Path.Combine(RepositoryRoot(), "data", "states", "nj.json"), Path.Combine(dir, "nj.json"));
        return dir;
    }
}

public sealed class Issue14ConfigurationTests(OneJurisdictionServer server) : IClassFixture<OneJurisdictionServer>
{
    [Fact]
    public async Task DataDirectoryFromConfiguration_IsTheLawAnswered()
    {
        var states = JsonDocument.Parse(await server.Client.GetStringAsync("/eligibility/states")).RootElement;

        states.EnumerateArray().Select(s => s.GetProperty("code").GetString()).Should().Equal("NJ");
    }
}
