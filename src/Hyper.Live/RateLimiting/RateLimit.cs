using System.Globalization;
using System.Threading.RateLimiting;

namespace Hyper.Live.RateLimiting;

/// <summary>A parsed limit such as <c>10/minute</c>: at most <see cref="Permits"/> per <see cref="Window"/>.</summary>
internal readonly record struct RateLimit(int Permits, TimeSpan Window)
{
    /// <summary>
    /// Parses <c>&lt;count&gt;/second</c>, <c>/minute</c> or <c>/hour</c> with a positive count and
    /// nothing else (no spaces, plurals or abbreviations): a limit that reads differently from what
    /// it enforces is worse than an error.
    /// </summary>
    /// <exception cref="FormatException">The text is not such a limit; the message says what is expected.</exception>
    public static RateLimit Parse(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var window = slash < 0 ? (TimeSpan?)null : text[(slash + 1)..] switch
        {
            "second" => TimeSpan.FromSeconds(1),
            "minute" => TimeSpan.FromMinutes(1),
            "hour" => TimeSpan.FromHours(1),
            _ => null,
        };
        if (window is null ||
            !int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var permits) || permits == 0)
        {
            throw new FormatException(
                $"'{text}' is not a rate limit: write a positive count, a slash and second, minute or hour, e.g. \"10/minute\", \"5/second\" or \"100/hour\".");
        }

        return new RateLimit(permits, window.Value);
    }

    /// <summary>
    /// A limiter without a timer of its own: whoever acquires calls <see cref="ReplenishingRateLimiter.TryReplenish"/>
    /// first, which starts a new window once the last one is over (a timer per socket would cost far more than the limit).
    /// </summary>
    public FixedWindowRateLimiter CreateLimiter() => new(Options(autoReplenishment: false));

    /// <summary>The options of a fixed window for this limit, without a queue: an event over the limit is refused, not delayed.</summary>
    public FixedWindowRateLimiterOptions Options(bool autoReplenishment) => new()
    {
        PermitLimit = Permits,
        Window = Window,
        QueueLimit = 0,
        AutoReplenishment = autoReplenishment,
    };

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Permits}/{(Window == TimeSpan.FromSeconds(1) ? "second" : Window == TimeSpan.FromMinutes(1) ? "minute" : "hour")}";
}
