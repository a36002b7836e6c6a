using System.Net;
using System.Reflection;
using System.Security.Claims;
using System.Threading.RateLimiting;

namespace Hyper.Live.RateLimiting;

/// <summary>
/// The limits of one socket, shared by every view joined over it: its joins and events per
/// window, and whether it has sent so many rate-limited events that it must be closed. The
/// limiters are made on first use and replenished when used, so an idle socket holds no timer.
/// </summary>
internal sealed class SocketLimits : IDisposable
{
    private readonly RateLimits limits;
    private readonly RateLimitLease? addressPlace;
    private readonly IPAddress? address;
    private readonly ClaimsPrincipal user;
    private string? partition;
    private FixedWindowRateLimiter? events;
    private FixedWindowRateLimiter? joins;
    private FixedWindowRateLimiter? refusals;
    private volatile bool abusive;

    public SocketLimits(RateLimits limits, IPAddress? address, ClaimsPrincipal user, RateLimitLease? addressPlace)
    {
        this.limits = limits;
        this.address = address;
        this.user = user;
        this.addressPlace = addressPlace;
    }

    /// <summary>
    /// Who the <see cref="RateLimitAttribute"/> limits count this socket's events for: <c>user:…</c>,
    /// <c>ip:…</c> or <c>socket:…</c>; made on first use, as most sockets never meet such a limit.
    /// </summary>
    public string Partition =>
        Volatile.Read(ref partition) ?? Interlocked.CompareExchange(ref partition, limits.Partition(address, user), null) ?? partition!;

    /// <summary>True once the socket went over <see cref="HyperLiveOptions.RateLimitedEventLimit"/>: it is to be closed.</summary>
    public bool Abusive => abusive;

    /// <summary>Takes a join from <see cref="HyperLiveOptions.JoinRateLimit"/>; false when the socket joins too fast.</summary>
    public bool TryJoin() => TryAcquire(ref joins, limits.Joins);

    /// <summary>Takes an event from <see cref="HyperLiveOptions.EventRateLimit"/>; false when the socket sends too many.</summary>
    public bool TryEvent() => TryAcquire(ref events, limits.Events);

    /// <summary>Takes an event from the <see cref="RateLimitAttribute"/> on <paramref name="member"/>, for this socket's user or address.</summary>
    public bool TryEvent(MemberInfo member, RateLimit limit) => limits.TryAcquire(member, limit, Partition);

    /// <summary>Counts an event refused for a rate limit; past <see cref="HyperLiveOptions.RateLimitedEventLimit"/> the socket is marked <see cref="Abusive"/>.</summary>
    public void RateLimited()
    {
        limits.Metrics.EventRateLimited();
        if (!TryAcquire(ref refusals, limits.Refusals))
        {
            abusive = true;
        }
    }

    public void Dispose()
    {
        addressPlace?.Dispose();
        events?.Dispose();
        joins?.Dispose();
        refusals?.Dispose();
    }

    private static bool TryAcquire(ref FixedWindowRateLimiter? limiter, RateLimit? limit)
    {
        if (limit is not { } configured)
        {
            return true;
        }

        // Views of one socket run on their own mailboxes, so two may make the limiter at once: one wins.
        var current = Volatile.Read(ref limiter);
        if (current is null)
        {
            var made = configured.CreateLimiter();
            current = Interlocked.CompareExchange(ref limiter, made, null) ?? made;
            if (current != made)
            {
                made.Dispose();
            }
        }

        current.TryReplenish();
        using var lease = current.AttemptAcquire();
        return lease.IsAcquired;
    }
}
