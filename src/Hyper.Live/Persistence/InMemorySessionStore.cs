using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Hyper.Live.Persistence;

/// <summary>
/// The default <see cref="ISessionStore"/>: snapshots in this process's memory, so they survive a detached
/// session's end (a reconnect after the grace period) but not a restart. Expired entries are swept as writes
/// arrive, at most once per minute.
/// </summary>
internal sealed class InMemorySessionStore(IOptions<HyperLiveOptions> options, TimeProvider? time = null) : ISessionStore
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (byte[] Value, DateTimeOffset Expires)> entries = new(StringComparer.Ordinal);
    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private long nextSweep;

    /// <summary>Entries held now, expired ones not yet swept included.</summary>
    public int Count => entries.Count;

    public Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(entries.TryGetValue(key, out var entry) && entry.Expires > clock.GetUtcNow() ? entry.Value : null);

    public Task SetAsync(string key, byte[] value, CancellationToken cancellationToken)
    {
        entries[key] = (value, Expiry());
        Sweep();
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        entries.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    public Task TouchAsync(string key, CancellationToken cancellationToken)
    {
        if (entries.TryGetValue(key, out var entry))
        {
            entries.TryUpdate(key, (entry.Value, Expiry()), entry);
        }

        return Task.CompletedTask;
    }

    private DateTimeOffset Expiry() => clock.GetUtcNow() + options.Value.SessionTimeout;

    private void Sweep()
    {
        var now = clock.GetUtcNow();
        var due = Interlocked.Read(ref nextSweep);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref nextSweep, (now + SweepInterval).UtcTicks, due) != due)
        {
            return;
        }

        foreach (var (key, entry) in entries)
        {
            if (entry.Expires <= now)
            {
                entries.TryRemove(new KeyValuePair<string, (byte[], DateTimeOffset)>(key, entry));
            }
        }
    }
}
