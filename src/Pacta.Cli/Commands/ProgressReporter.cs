using System.Diagnostics;
using System.Globalization;

namespace Pacta.Cli.Commands;

/// <summary>
/// A progress line on standard error for long writes, redrawn at most a few times a second; silent when standard
/// error is not a terminal, so logs and test output stay clean.
/// </summary>
public sealed class ProgressReporter(string what, long total)
{
    private readonly long _start = Stopwatch.GetTimestamp();
    private long _last;
    private bool _shown;

    public static bool Wanted => !Console.IsErrorRedirected;

    public void Report(long done)
    {
        var now = Stopwatch.GetTimestamp();
        if (now - _last < Stopwatch.Frequency / 4) return;
        _last = now;
        _shown = true;
        var pct = total > 0 ? Math.Min(100.0, 100.0 * done / total) : 0;
        Console.Error.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r{what}: {pct,5:0.0}% ({done:N0} of {total:N0} rows, {Stopwatch.GetElapsedTime(_start).TotalSeconds:0.0} s)   "));
    }

    public void Done()
    {
        if (_shown) Console.Error.Write("\r" + new string(' ', 79) + "\r");
    }
}
