using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Hyper.Live.Diagnostics;
using Microsoft.Extensions.Options;

namespace Hyper.Live.RateLimiting;

/// <summary>
/// The app's limits (<see cref="HyperLiveOptions"/>), parsed once when the app maps its endpoints so a
/// bad limit fails at startup; the live sockets per IP address; and the limiters of
/// <see cref="RateLimitAttribute"/>s, one per attributed view or method, partitioned by user or address.
/// </summary>
internal sealed class RateLimits : IDisposable
{
    private readonly ConcurrentDictionary<MemberInfo, PartitionedRateLimiter<string>> attributed = new();
    private readonly PartitionedRateLimiter<IPAddress>? socketsPerAddress;
    private long anonymousSockets;

    public RateLimits(IOptions<HyperLiveOptions> options, HyperLiveMetrics metrics)
    {
        var values = options.Value;
        Metrics = metrics;
        Events = Parse(values.EventRateLimit, nameof(HyperLiveOptions.EventRateLimit));
        Joins = Parse(values.JoinRateLimit, nameof(HyperLiveOptions.JoinRateLimit));
        Refusals = Parse(values.RateLimitedEventLimit, nameof(HyperLiveOptions.RateLimitedEventLimit));
        if (values.MaxSocketsPerIpAddress is { } perAddress)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perAddress, nameof(HyperLiveOptions.MaxSocketsPerIpAddress));
            socketsPerAddress = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address => RateLimitPartition.GetConcurrencyLimiter(
                address, _ => new ConcurrencyLimiterOptions { PermitLimit = perAddress, QueueLimit = 0 }));
        }
    }

    /// <summary>Events per socket; null when unlimited.</summary>
    public RateLimit? Events { get; }

    /// <summary>Joins per socket; null when unlimited.</summary>
    public RateLimit? Joins { get; }

    /// <summary>Rate-limited events a socket may send before it is closed; null when never closed for it.</summary>
    public RateLimit? Refusals { get; }

    public HyperLiveMetrics Metrics { get; }

    /// <summary>
    /// The limits of a new socket from <paramref name="address"/>; null (counted as refused) when the
    /// address has <see cref="HyperLiveOptions.MaxSocketsPerIpAddress"/> sockets open already.
    /// Disposing the result frees the address's place.
    /// </summary>
    public SocketLimits? OpenSocket(IPAddress? address, ClaimsPrincipal user)
    {
        if (address is { IsIPv4MappedToIPv6: true })
        {
            address = address.MapToIPv4();
        }

        RateLimitLease? place = null;
        if (socketsPerAddress is not null && address is not null)
        {
            place = socketsPerAddress.AttemptAcquire(address);
            if (!place.IsAcquired)
            {
                place.Dispose();
                Metrics.SocketRefused();
                return null;
            }
        }

        return new SocketLimits(this, address, user, place);
    }

    /// <summary>
    /// Who <see cref="RateLimitAttribute"/> limits count a socket's events for: they follow the person,
    /// not the tab — the signed-in user, else the address (else the socket alone).
    /// </summary>
    public string Partition(IPAddress? address, ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, Name: { } name } ? "user:" + name
        : address is not null ? "ip:" + address
        : "socket:" + Interlocked.Increment(ref anonymousSockets);

    /// <summary>Takes one event from <paramref name="member"/>'s limit for <paramref name="partition"/>; false when it is used up.</summary>
    public bool TryAcquire(MemberInfo member, RateLimit limit, string partition)
    {
        var limiter = attributed.GetOrAdd(member, static (_, limit) => PartitionedRateLimiter.Create<string, string>(
            key => RateLimitPartition.GetFixedWindowLimiter(key, _ => limit.Options(autoReplenishment: true))), limit);
        using var lease = limiter.AttemptAcquire(partition);
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        socketsPerAddress?.Dispose();
        foreach (var limiter in attributed.Values)
        {
            limiter.Dispose();
        }
    }

    private static RateLimit? Parse(string? text, string option)
    {
        try
        {
            return text is null ? null : RateLimit.Parse(text);
        }
        catch (FormatException invalid)
        {
            throw new InvalidOperationException($"HyperLiveOptions.{option}: {invalid.Message}", invalid);
        }
    }
}
