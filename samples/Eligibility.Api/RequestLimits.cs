using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using BadHttpRequestException = Microsoft.AspNetCore.Http.BadHttpRequestException;

namespace Eligibility.Api;

/// <summary>
/// What the sample does against hostile or broken clients and careless logs, in one place: a request body limit
/// suited to a query, enforced by Kestrel before anything is parsed; client errors (too large, too slow, cut short,
/// reset) answered as problem+json 4xx or logged at Debug, never a 500 with an Error log; a per-request work budget;
/// and request logging that never holds a query string (where patient data would be).
/// </summary>
internal static partial class RequestLimits
{
    /// <summary>Largest request body accepted (64 KiB): a query is a few hundred bytes; 50 conditions and 50 medications fit.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Most characters of condition text one request may hold, over all its conditions: resolving text is the costly part of a query.</summary>
    public const int MaxConditionCharacters = 1_000;

    /// <summary>Longest a request's decision work may take before it is stopped with a 503.</summary>
    public static readonly TimeSpan WorkBudget = TimeSpan.FromSeconds(2);

    // The framework's request logs ("Request starting ... ?condition=HIV") and Kestrel's bad-request details (which
    // quote the request line) are switched off below Warning, whatever the configured level; RequestLog replaces them.
    private static readonly string[] QuietCategories =
    [
        "Microsoft.AspNetCore.Hosting.Diagnostics",
        "Microsoft.AspNetCore.Server.Kestrel.BadRequests",
        "Microsoft.AspNetCore.Http.RequestDelegateFactory",
        "Microsoft.AspNetCore.HttpLogging",
        "Microsoft.AspNetCore.W3CLogging",
    ];

    /// <summary>Body limit, slow-body timeout, log filters and problem details for client errors.</summary>
    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false; // no server name and version for scanners
            kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            kestrel.Limits.MaxRequestLineSize = 4 * 1024;
            // A body that stalls: 408 after 5 s below 240 bytes/s (Kestrel's default rate, stated so it is visible).
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));
        });

        foreach (var category in QuietCategories)
        {
            builder.Logging.AddFilter(category, LogLevel.Warning);
        }

        builder.Services.AddExceptionHandler<ClientErrorExceptionHandler>();
        return builder;
    }

    /// <summary>
    /// Exception handling, status-code problems, HEAD answered like GET, and the request log; then routing, so that
    /// all of these run before an endpoint is chosen. Call it right after Build().
    /// </summary>
    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Eligibility.Api.Requests");
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            // HEAD is GET without a body (RFC 9110); Kestrel still sends no body because the request line said HEAD.
            if (HttpMethods.IsHead(context.Request.Method))
            {
                context.Request.Method = HttpMethods.Get;
            }

            await next(context);
            if (log.IsEnabled(LogLevel.Debug))
            {
                // The route template, never the path or query string a client chose (they may hold patient data).
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no endpoint)";
                LogRequest(log, context.Request.Method, route, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
        app.UseRouting();
        return app;
    }

    /// <summary>The problem for a client error Kestrel raised while the body was read: too large (413), too slow (408), cut short (400).</summary>
    public static IResult BodyProblem(BadHttpRequestException e) => e.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => Problems.Status(e.StatusCode, "Body too large", $"A request body may hold at most {MaxBodyBytes:N0} bytes; send one query of at most {EligibilityQuery.MaxConditions} conditions."),
        StatusCodes.Status408RequestTimeout => Problems.Status(e.StatusCode, "Body too slow", "The request body stopped arriving; send the whole body at once, with a Content-Length that matches it."),
        _ => Problems.Status(StatusCodes.Status400BadRequest, "Incomplete body", "The request body ended before its Content-Length, or its framing was invalid; send the whole body, with a Content-Length that matches it."),
    };

    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "HTTP {Method} {Route} answered {StatusCode} in {ElapsedMilliseconds:F1} ms")]
    private static partial void LogRequest(ILogger logger, string method, string route, int statusCode, double elapsedMilliseconds);
}

/// <summary>
/// The last line of defence: a client error that escaped an endpoint (a body too large, too slow or cut short) becomes
/// its problem+json 4xx, and a client that went away is logged at Debug, never as an Error with a stack trace.
/// </summary>
internal sealed partial class ClientErrorExceptionHandler(ILogger<ClientErrorExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException bad)
        {
            LogClientError(logger, bad.StatusCode);
            await RequestLimits.BodyProblem(bad).ExecuteAsync(httpContext);
            return true;
        }

        if (httpContext.RequestAborted.IsCancellationRequested && exception is IOException or OperationCanceledException)
        {
            LogClientAborted(logger, exception.GetType().Name);
            httpContext.Abort(); // no draining of a body whose reader failed
            return true; // nobody is listening for an answer
        }

        return false;
    }

    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "Client error {StatusCode} while reading the request")]
    private static partial void LogClientError(ILogger logger, int statusCode);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "The client went away during the request ({Exception})")]
    private static partial void LogClientAborted(ILogger logger, string exception);
}
