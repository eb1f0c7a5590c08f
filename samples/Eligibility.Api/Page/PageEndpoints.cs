using System.Text.Json;
using Eligibility.Maps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Eligibility.Api;

/// <summary>
/// The page for people (<c>GET /</c>, with its script and style sheet, embedded in this assembly) and the map endpoint
/// it uses (<c>POST /eligibility/map</c>). The page loads nothing from other origins, runs under a strict
/// Content-Security-Policy and sends patient facts only in POST bodies.
/// </summary>
internal static class PageEndpoints
{
    /// <summary>Only this origin's script, style and requests; no inline code, no frames, no plugins, no other hosts.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>Largest map request body read, in bytes (a condition is at most 500 characters).</summary>
    public const int MaxBodyBytes = 8 * 1024;

    private static readonly (string Path, string Resource, string ContentType)[] Assets =
    [
        ("/", "index.html", "text/html; charset=utf-8"),
        ("/page/app.js", "app.js", "text/javascript; charset=utf-8"),
        ("/page/app.css", "app.css", "text/css; charset=utf-8"),
    ];

    /// <summary>Maps <c>GET /</c>, the page's assets and <c>POST /eligibility/map</c>.</summary>
    public static WebApplication MapPage(this WebApplication app)
    {
        // The map endpoint's body and answer types join the app's source-generated JSON metadata, so that the OpenAPI
        // document can describe them (reflection-based serialization is off). Nothing has been serialized yet, so the
        // options are still open to additions.
        var json = app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        if (!json.TypeInfoResolverChain.Contains(PageJsonContext.Default))
        {
            json.TypeInfoResolverChain.Add(PageJsonContext.Default);
        }

        foreach (var (path, resource, contentType) in Assets)
        {
            var bytes = Read(resource);
            app.MapGet(path, (HttpResponse response) =>
            {
                SecurityHeaders(response);
                response.Headers.CacheControl = "no-cache";
                return TypedResults.Bytes(bytes, contentType);
            }).ExcludeFromDescription();
        }

        app.MapPost("/eligibility/map", MapAsync)
            .Accepts<MapRequest>("application/json")
            .Produces<MapResponse>(StatusCodes.Status200OK, "application/json")
            .Produces<string>(StatusCodes.Status200OK, "image/svg+xml")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithTags("Eligibility")
            .WithName("Map")
            .WithSummary("Map one condition's outcome in every jurisdiction")
            .WithDescription("The body: {\"condition\": ..., \"asOf\": \"YYYY-MM-DD\", \"age\": n, \"visitor\": bool} (all but condition optional). "
                + "Answers an SVG tile map (image/svg+xml), or with 'Accept: application/json' one map per condition the text names, each with its per-jurisdiction outcomes and SVG.");
        return app;
    }

    private static async Task<IResult> MapAsync(HttpRequest request, IEligibilityEngine engine, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"Send at most {MaxBodyBytes} bytes: one JSON object such as {MapRequest.Example}.");
        }

        MapRequest? map;
        try
        {
            map = JsonSerializer.Deserialize(body, PageJsonContext.Default.MapRequest);
        }
        catch (JsonException e)
        {
            return Problems.BadRequest("Malformed map request", $"{Describe(e)} Send one JSON object such as {MapRequest.Example}.");
        }

        if (map is null || string.IsNullOrWhiteSpace(map.Condition))
        {
            return Problems.BadRequest("Missing condition", $"Send the condition to map, e.g. {MapRequest.Example}.");
        }

        var template = new EligibilityQuery { Jurisdiction = "", Conditions = [map.Condition], AsOf = map.AsOf, Age = map.Age, Visitor = map.Visitor ?? false };
        IReadOnlyList<EligibilityMap> maps;
        try
        {
            maps = EligibilityMap.CreateEach(engine, template, cancellationToken);
        }
        catch (ArgumentException e)
        {
            return Problems.InvalidQuery(e);
        }

        request.HttpContext.Response.Headers.CacheControl = "no-store";
        if (WantsJson(request.Headers.Accept))
        {
            return TypedResults.Json(new MapResponse([.. maps.Select(m => new MapEntry(m, m.ToSvg()))]), PageJsonContext.Default.MapResponse);
        }

        if (maps.Count > 1)
        {
            return Problems.BadRequest("Several conditions", $"The condition text names {maps.Count} conditions ({string.Join(", ", maps.Select(m => m.Condition))}); an SVG shows one. Send one of them, or ask for JSON (Accept: application/json) to get a map of each.");
        }

        SecurityHeaders(request.HttpContext.Response);
        return TypedResults.Text(maps[0].ToSvg(), "image/svg+xml; charset=utf-8");
    }

    /// <summary>The body, or null when it is longer than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static bool WantsJson(StringValues accept)
    {
        foreach (var value in accept)
        {
            if (value is not null && value.Contains("application/json", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What was wrong, by JSON path, without repeating the client's text.</summary>
    private static string Describe(JsonException e)
    {
        var path = e.Path ?? "$";
        if (e.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return "An unknown property was sent; use condition, asOf, age and visitor (camelCase).";
        }

        return path switch
        {
            "$.condition" => "condition must be a string.",
            "$.asOf" => "asOf must be a date string YYYY-MM-DD, e.g. \"2019-01-01\".",
            "$.age" => "age must be a whole number of years (0 to 130).",
            "$.visitor" => "visitor must be true or false.",
            _ => "The body is not a JSON object.",
        };
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    private static void SecurityHeaders(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XFrameOptions = "DENY";
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(PageEndpoints).Assembly.GetManifestResourceStream($"Eligibility.Api.Page.{name}")
            ?? throw new InvalidOperationException($"The page asset {name} is not embedded in {typeof(PageEndpoints).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
