using Microsoft.Extensions.Logging;

namespace Eligibility.Internal;

/// <summary>
/// Watches a data directory and calls a reload once changes have settled: every change restarts a debounce timer,
/// so saving ten files (or one file in ten writes) gives one reload. Logs file counts only, never file contents.
/// </summary>
internal sealed partial class DataDirectoryWatcher : IDisposable
{
    /// <summary>Quiet time after the last change before reloading.</summary>
    public static readonly TimeSpan DefaultDebounce = TimeSpan.FromMilliseconds(500);

    private readonly FileSystemWatcher? _watcher;
    private readonly ITimer _timer;
    private readonly TimeSpan _debounce;
    private readonly Action _reload;
    private readonly ILogger _logger;
    private volatile bool _disposed;

    public DataDirectoryWatcher(string directory, TimeSpan debounce, TimeProvider time, Action reload, ILogger logger)
    {
        _debounce = debounce;
        _reload = reload;
        _logger = logger;
        _timer = time.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        try
        {
            _watcher = new FileSystemWatcher(directory, "*.json")
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                IncludeSubdirectories = false,
            };
            _watcher.Changed += (_, _) => Schedule();
            _watcher.Created += (_, _) => Schedule();
            _watcher.Deleted += (_, _) => Schedule();
            _watcher.Renamed += (_, _) => Schedule();
            _watcher.Error += (_, e) =>
            {
                LogWatchError(_logger, e.GetException().GetType().Name);
                Schedule(); // events may have been lost: reload to be sure
            };
            _watcher.EnableRaisingEvents = true;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            _watcher?.Dispose();
            _watcher = null;
            LogCannotWatch(_logger, e.Message);
        }
    }

    /// <summary>Whether changes are being watched.</summary>
    public bool IsRunning => _watcher is not null && !_disposed;

    public void Dispose()
    {
        _disposed = true;
        _watcher?.Dispose();
        _timer.Dispose();
    }

    private void Schedule()
    {
        if (!_disposed)
        {
            try
            {
                _timer.Change(_debounce, Timeout.InfiniteTimeSpan);
            }
            catch (ObjectDisposedException)
            {
                // Disposed between the check and the call: nothing to do.
            }
        }
    }

    private void Fire()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            _reload(); // a failed reload keeps the old law and logs its own warning
        }
        catch (Exception e)
        {
            LogReloadCrashed(_logger, e.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "The data directory cannot be watched ({Reason}); call Reload() to pick up changes")]
    private static partial void LogCannotWatch(ILogger logger, string reason);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "The data directory watcher reported an error ({Error}); reloading to be sure")]
    private static partial void LogWatchError(ILogger logger, string error);

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "A reload started by the data directory watcher failed unexpectedly ({Error}); the old law keeps answering")]
    private static partial void LogReloadCrashed(ILogger logger, string error);
}
