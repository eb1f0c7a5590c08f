using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Eligibility.Web.Tests;

/// <summary>The web sample as a child process on 127.0.0.1 and a free port; stopped (with its children) on dispose.</summary>
public sealed class SampleServer : IDisposable
{
    private readonly Process _process;

    private SampleServer(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
        Http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseUri { get; }

    public HttpClient Http { get; }

    public static SampleServer Start()
    {
        if (WebEnvironment.ApiMissing is { } missing)
        {
            throw new InvalidOperationException(missing);
        }

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(WebEnvironment.ApiDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WebEnvironment.ApiDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new SampleServer(process, new Uri($"http://127.0.0.1:{port}/"));
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                break;
            }

            try
            {
                using var probe = server.Http.GetAsync("eligibility/states").GetAwaiter().GetResult();
                if (probe.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            Thread.Sleep(250);
        }

        server.Dispose();
        throw new InvalidOperationException($"The web sample did not answer on {server.BaseUri}: {string.Join(Environment.NewLine, output.TakeLast(20))}");
    }

    public void Dispose()
    {
        Http.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
