using System.Diagnostics;
using System.Globalization;

namespace Eligibility.Cli;

/// <summary>What a line of batch input turned out to be.</summary>
internal enum LineKind
{
    /// <summary>A line of text within the length limit.</summary>
    Text,

    /// <summary>A line longer than the limit: skipped unread to its end.</summary>
    TooLong,

    /// <summary>The input cannot be read as JSON Lines text from here on (a NUL character, a line without end).</summary>
    Unreadable,
}

/// <summary>One line of batch input.</summary>
/// <param name="Number">Its number in the input, from 1.</param>
/// <param name="Kind">Text, too long, or unreadable.</param>
/// <param name="Text">The line without its line break (only for <see cref="LineKind.Text"/>).</param>
/// <param name="Problem">Why the input is unreadable (only for <see cref="LineKind.Unreadable"/>).</param>
internal readonly record struct BatchLine(int Number, LineKind Kind, string? Text = null, string? Problem = null);

/// <summary>
/// Reads lines with bounded memory, whatever the input: a line longer than the limit is skipped to its end without
/// being kept (so a 600 MB line costs a 64 KiB buffer, and the lines after it are still read), a NUL character means
/// the input is binary, not text, and a line still without a break after <c>maxSkipped</c> characters ends the input
/// (so <c>/dev/zero</c> or an endless stream stops with a clear error instead of growing until memory runs out).
/// </summary>
internal sealed class BoundedLineReader(TextReader input, int maxLength, long maxSkipped)
{
    private readonly char[] _buffer = new char[16 * 1024];
    private char[] _line = new char[1024];
    private int _start;
    private int _end;
    private int _number;
    private bool _done;

    /// <summary>The next line, or null at the end of the input.</summary>
    public BatchLine? Next()
    {
        if (_done)
        {
            return null;
        }

        _number++;
        var length = 0;      // characters kept in _line
        var skipped = 0L;    // characters of an over-long line, counted but not kept
        var any = false;
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = input.Read(_buffer, 0, _buffer.Length);
                if (_end <= 0)
                {
                    _end = 0;
                    _done = true;
                    if (!any)
                    {
                        return null;
                    }

                    return Finish(length, skipped);
                }
            }

            any = true;
            var span = _buffer.AsSpan(_start, _end - _start);
            var stop = span.IndexOfAny('\n', '\0');
            var piece = stop < 0 ? span : span[..stop];
            // One character more than the limit is kept: a line at the limit may end in \r\n.
            if (skipped == 0 && length + piece.Length <= maxLength + 1)
            {
                if (length + piece.Length > _line.Length)
                {
                    Array.Resize(ref _line, Math.Min(maxLength + 1, Math.Max(_line.Length * 2, length + piece.Length)));
                }

                piece.CopyTo(_line.AsSpan(length));
                length += piece.Length;
            }
            else
            {
                skipped += (skipped == 0 ? length : 0) + piece.Length;
                length = 0;
                if (skipped > maxSkipped)
                {
                    _done = true;
                    return new BatchLine(_number, LineKind.Unreadable, Problem: $"line {_number} has no line break within {maxSkipped:N0} characters, so the input is not JSON Lines.");
                }
            }

            if (stop < 0)
            {
                _start = _end;
                continue;
            }

            _start += stop + 1;
            if (span[stop] == '\0')
            {
                _done = true;
                return new BatchLine(_number, LineKind.Unreadable, Problem: $"line {_number} holds a NUL character, so the input is binary, not text.");
            }

            return Finish(length, skipped);
        }
    }

    private BatchLine Finish(int length, long skipped)
    {
        if (skipped > 0)
        {
            return new BatchLine(_number, LineKind.TooLong);
        }

        if (length > 0 && _line[length - 1] == '\r')
        {
            length--;
        }

        if (length > maxLength)
        {
            return new BatchLine(_number, LineKind.TooLong);
        }

        return new BatchLine(_number, LineKind.Text, new string(_line, 0, length));
    }
}

/// <summary>Progress of a batch on a terminal: lines done and lines/s on one rewritten line, at most four times a second.</summary>
internal sealed class ProgressMeter(TextWriter terminal, TimeSpan? interval = null)
{
    private readonly long _interval = (long)((interval ?? TimeSpan.FromSeconds(0.25)).TotalSeconds * Stopwatch.Frequency);
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _next = Stopwatch.GetTimestamp() + (long)((interval ?? TimeSpan.FromSeconds(0.25)).TotalSeconds * Stopwatch.Frequency);
    private bool _shown;

    public void Tick(int lines)
    {
        var now = Stopwatch.GetTimestamp();
        if (now >= _next)
        {
            _next = now + _interval;
            Show(lines, now);
        }
    }

    /// <summary>Ends the progress line (only if one was shown), so the summary that follows starts on its own line.</summary>
    public void Finish(int lines)
    {
        if (_shown)
        {
            Show(lines, Stopwatch.GetTimestamp());
            terminal.WriteLine();
            terminal.Flush();
        }
    }

    private void Show(int lines, long now)
    {
        var seconds = (now - _started) / (double)Stopwatch.Frequency;
        terminal.Write(string.Create(CultureInfo.InvariantCulture, $"\r{lines:N0} lines, {(seconds > 0 ? lines / seconds : 0):N0} lines/s   "));
        terminal.Flush();
        _shown = true;
    }
}
