using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Eligibility.Api.Tests;

/// <summary>
/// The built web sample as a child process on 127.0.0.1 (a free port), started as the README says with logging at
/// Trace; everything it logs is kept for the tests to search. Stopped when the tests end.
/// </summary>
public partial class ApiServer : IAsyncLifetime
{
    private readonly StringBuilder _log = new();
    private readonly string[] _extraArgs;
    private Process? _process;

    public ApiServer() : this([])
    {
    }

    protected ApiServer(string[] extraArgs) => _extraArgs = extraArgs;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>Everything logged so far.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>The server's peak resident memory (VmHWM on Linux), in bytes.</summary>
    public long PeakMemoryBytes
    {
        get
        {
            _process!.Refresh();
            return _process.PeakWorkingSet64;
        }
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Eligibility.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("run the tests from inside the repository");
    }

    public async Task InitializeAsync()
    {
        var dll = Environment.GetEnvironmentVariable("ELIGIBILITY_API_DLL") is { Length: > 0 } set
            ? set
            : Path.Combine(RepositoryRoot(), "samples", "Eligibility.Api", "bin", "Release", "net10.0", "Eligibility.Api.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The web sample is not built ({dll}); run samples/run-samples.sh, or pack and 'dotnet build samples/Eligibility.Api -c Release' first.");
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var arg in _extraArgs)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Logging__LogLevel__Default"] = "Trace";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        _process = Process.Start(start)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_log)
            {
                _log.AppendLine(e.Data);
            }

            if (Listening().Match(e.Data) is { Success: true } m)
            {
                listening.TrySetResult(new Uri(m.Groups[1].Value));
            }
        };
        _process.OutputDataReceived += collect;
        _process.ErrorDataReceived += collect;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _ = _process.WaitForExitAsync().ContinueWith(_ => listening.TrySetException(new InvalidOperationException("the web sample exited:\n" + Log)), TaskScheduler.Default);

        BaseAddress = await listening.Task.WaitAsync(TimeSpan.FromMinutes(2));
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    /// <summary>Sends raw bytes on a new connection and returns what came back until the server closed it (or 30 s passed).</summary>
    /// <param name="head">The request line and headers, without the blank line.</param>
    /// <param name="body">Body bytes to send after the headers.</param>
    /// <param name="reset">Reset the connection (RST) right after sending instead of reading an answer.</param>
    public async Task<RawResponse> SendRawAsync(string head, byte[] body, bool reset = false)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(BaseAddress.Host, BaseAddress.Port);
        await socket.SendAsync(Encoding.ASCII.GetBytes(head + "\r\n\r\n"));
        try
        {
            if (body.Length > 0)
            {
                await socket.SendAsync(body);
            }
        }
        catch (SocketException)
        {
            // The server may close the connection before a large body is sent: the answer is still read below.
        }

        if (reset)
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
            return new RawResponse(0, "");
        }

        var received = new MemoryStream();
        var buffer = new byte[8192];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            int n;
            while ((n = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, n);
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            // A reset after the answer, or a server that keeps the connection open: what arrived is the answer.
        }

        var text = Encoding.UTF8.GetString(received.ToArray());
        var status = text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) ? int.Parse(text.AsSpan(9, 3)) : 0;
        return new RawResponse(status, text);
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}

/// <summary>A raw HTTP answer: its status (0 if none arrived) and its whole text (headers and body).</summary>
public sealed record RawResponse(int Status, string Text);

[CollectionDefinition(nameof(ApiCollection))]
public sealed class ApiCollection : ICollectionFixture<ApiServer>;
