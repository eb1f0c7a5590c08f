using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

// Bounded load against the web sample: for each traffic mix and each concurrency, N workers send requests for a fixed
// time over keep-alive connections, then requests/s and latency percentiles are printed. Loopback only, and every
// step stops by itself (a step's duration is capped at 60 s), so it can run in CI.
//   dotnet run -c Release -- --url http://127.0.0.1:5080 [--seconds 5] [--concurrency 8,32] [--mix check,mixed]
var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: Eligibility.Load --url http://127.0.0.1:PORT [--seconds 1-60] [--concurrency 1,8,32] [--mix check,mixed] [--scan post|get]");
    return 2;
}

using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1024, UseProxy = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
using var client = new HttpClient(handler) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(10) };

// One short warm-up so the JIT and the engine's first sessions are not measured.
await RunStep(client, "mixed", 4, TimeSpan.FromSeconds(Math.Min(2, options.Seconds)));

Console.WriteLine($"{"mix",-6} {"conc",5} {"requests",9} {"req/s",9} {"p50 ms",8} {"p99 ms",8} {"errors",7}");
var anyErrors = false;
foreach (var mix in options.Mixes)
{
    foreach (var concurrency in options.Concurrency)
    {
        var r = await RunStep(client, mix, concurrency, TimeSpan.FromSeconds(options.Seconds));
        anyErrors |= r.Errors > 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{mix,-6} {concurrency,5} {r.Requests,9} {r.PerSecond,9:F0} {r.P50,8:F2} {r.P99,8:F2} {r.Errors,7}"));
    }
}

return anyErrors ? 1 : 0;

static async Task<StepResult> RunStep(HttpClient client, string mix, int concurrency, TimeSpan duration)
{
    var stop = Stopwatch.StartNew();
    var workers = new Task<(List<double> Latencies, int Errors)>[concurrency];
    for (var w = 0; w < concurrency; w++)
    {
        var seed = w;
        workers[w] = Task.Run(async () =>
        {
            var latencies = new List<double>(4096);
            var errors = 0;
            var i = seed;
            while (stop.Elapsed < duration)
            {
                using var request = Traffic.Next(mix, i++);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                    _ = await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        errors++;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    errors++;
                }

                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return (latencies, errors);
        });
    }

    var results = await Task.WhenAll(workers);
    var elapsed = stop.Elapsed.TotalSeconds;
    var all = results.SelectMany(r => r.Latencies).Order().ToArray();
    return new StepResult(all.Length, all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), results.Sum(r => r.Errors));
}

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

internal sealed record StepResult(int Requests, double PerSecond, double P50, double P99, int Errors);

/// <summary>The requests sent: "check" is POST /eligibility/check only; "mixed" adds scans and state lists.</summary>
internal static class Traffic
{
    private static readonly string[] Checks =
    [
        """{"jurisdiction":"NJ","conditions":["opioid use disorder"],"asOf":"2026-11-22"}""",
        """{"jurisdiction":"TX","conditions":["chronic pain"],"age":55,"attested":["severe"],"asOf":"2026-11-22"}""",
        """{"jurisdiction":"PA","conditions":["opioid withdrawal","chronic-pain"],"age":34,"medications":["buprenorphine"]}""",
        """{"jurisdiction":"NY","conditions":["F11.20"],"explain":true}""",
    ];

    /// <summary>Scans as GET with the condition in the query string (servers older than POST /eligibility/scan).</summary>
    public static bool ScanWithGet { get; set; }

    public static HttpRequestMessage Next(string mix, int i)
    {
        if (mix == "mixed")
        {
            // One in ten a scan of one condition over every jurisdiction, one in ten the state list.
            switch (i % 10)
            {
                case 0:
                    var pain = (i / 10 % 2) == 0;
                    return ScanWithGet
                        ? new HttpRequestMessage(HttpMethod.Get, pain ? "/eligibility/scan?condition=chronic%20pain&asOf=2026-11-22" : "/eligibility/scan?condition=opioid%20withdrawal")
                        : Json("/eligibility/scan", pain ? """{"condition":"chronic pain","asOf":"2026-11-22"}""" : """{"condition":"opioid withdrawal"}""");
                case 5:
                    return new HttpRequestMessage(HttpMethod.Get, "/eligibility/states");
            }
        }

        return Json("/eligibility/check", Checks[i % Checks.Length]);
    }

    private static HttpRequestMessage Json(string path, string body) =>
        new(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}

internal sealed record Options(Uri Url, int Seconds, int[] Concurrency, string[] Mixes)
{
    public static Options? Parse(string[] args)
    {
        Uri? url = null;
        var seconds = 5;
        int[] concurrency = [8, 32];
        string[] mixes = ["check", "mixed"];
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--url" when Uri.TryCreate(args[i + 1], UriKind.Absolute, out var u) && u.IsLoopback:
                    url = u;
                    break;
                case "--seconds" when int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var s) && s is >= 1 and <= 60:
                    seconds = s;
                    break;
                case "--concurrency":
                    concurrency = [.. args[i + 1].Split(',').Select(c => int.TryParse(c, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 512 ? n : 0)];
                    if (concurrency.Any(c => c == 0))
                    {
                        return null;
                    }

                    break;
                case "--mix":
                    mixes = args[i + 1].Split(',');
                    if (mixes.Any(m => m is not ("check" or "mixed")))
                    {
                        return null;
                    }

                    break;
                case "--scan" when args[i + 1] is "get" or "post":
                    Traffic.ScanWithGet = args[i + 1] == "get";
                    break;
                default:
                    return null; // includes a non-loopback --url: this tool never loads another machine
            }
        }

        return args.Length % 2 == 0 && url is not null ? new Options(url, seconds, concurrency, mixes) : null;
    }
}
