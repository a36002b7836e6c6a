using Microsoft.Extensions.Logging;

namespace Hyper.Live.Diagnostics;

/// <summary>
/// Lets one warning through per interval and counts the ones held back, so a client repeating
/// the same bad ~100-byte frame cannot flood the log. Not thread-safe: each owner (a socket's
/// receive loop, a session's mailbox) uses it from one flow at a time. A struct, kept in a
/// mutable field of its owner: every socket and session has one, and an object each would
/// cost 40 bytes more per session.
/// </summary>
internal struct WarningThrottle(TimeSpan interval)
{
    private readonly long intervalMilliseconds = (long)interval.TotalMilliseconds;
    private long nextWarning = long.MinValue;
    private int suppressed;

    /// <summary>
    /// Warning for the first call of each interval, with how many were held back since the last
    /// one (<paramref name="heldBack"/>); Debug for the others.
    /// </summary>
    public LogLevel Next(out int heldBack)
    {
        var now = Environment.TickCount64;
        if (now < nextWarning)
        {
            suppressed++;
            heldBack = 0;
            return LogLevel.Debug;
        }

        nextWarning = now + intervalMilliseconds;
        heldBack = suppressed;
        suppressed = 0;
        return LogLevel.Warning;
    }
}
