using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hyper.Live.Persistence;

/// <summary>
/// Saves and restores views' <see cref="PersistAttribute"/> members through the app's <see cref="ISessionStore"/>.
/// A snapshot is encrypted and signed with Data Protection under a purpose made of the session id and the view
/// type, so one altered, or copied to another session or view, does not open. Writes leave the session's
/// mailbox at once: they wait here, one per session (a newer one replaces an older one not yet written), and a
/// single background drain writes them, so a slow store never holds up an event, and what waits is bounded by
/// the number of sessions. Stopping the host writes what is still waiting.
/// </summary>
internal sealed partial class SessionSnapshots : IHostedService, IAsyncDisposable
{
    private readonly IDataProtector protector;
    private readonly ISessionStore store;
    private readonly ILogger logger;
    private readonly Lock gate = new();

    // Per session id: the protected snapshot to write, or null to delete it.
    private Dictionary<string, byte[]?> pending = new(StringComparer.Ordinal);
    private Task drain = Task.CompletedTask;
    private bool draining;

    public SessionSnapshots(IDataProtectionProvider dataProtection, ISessionStore store, ILoggerFactory loggers)
    {
        protector = dataProtection.CreateProtector("Hyper.Live.Snapshot.v1");
        this.store = store;
        logger = loggers.CreateLogger<SessionSnapshots>();
    }

    /// <summary>Queues <paramref name="state"/> (from <see cref="PersistedMembers.Capture"/>) as the snapshot of <paramref name="sessionId"/>.</summary>
    public void Save(string sessionId, Type viewType, PersistedMembers members, byte[] state)
    {
        var envelope = JsonSerializer.SerializeToUtf8Bytes(new Envelope(members.Fingerprint, JsonDocument.Parse(state).RootElement));
        Queue(sessionId, For(sessionId, viewType).Protect(envelope));
    }

    /// <summary>Queues the removal of the snapshot of <paramref name="sessionId"/>: its page left.</summary>
    public void Delete(string sessionId) => Queue(sessionId, null);

    /// <summary>Sets the members of <paramref name="view"/> from the stored snapshot of <paramref name="sessionId"/>, if one fits.</summary>
    public async Task<SnapshotRead> RestoreAsync(string sessionId, LiveView view, PersistedMembers members, CancellationToken cancellationToken)
    {
        byte[]? stored;
        lock (gate)
        {
            // A write still waiting is newer than what the store has.
            pending.TryGetValue(sessionId, out stored);
        }

        try
        {
            stored ??= await store.GetAsync(sessionId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogStoreFailed(logger, error, "read");
            return SnapshotRead.Unreadable;
        }

        if (stored is null)
        {
            return SnapshotRead.None;
        }

        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope>(For(sessionId, view.GetType()).Unprotect(stored));
        }
        catch (CryptographicException)
        {
            return SnapshotRead.Refused;
        }
        catch (JsonException)
        {
            return SnapshotRead.Unreadable;
        }

        if (envelope is null || envelope.Version != members.Fingerprint)
        {
            return SnapshotRead.Outdated;
        }

        try
        {
            members.Apply(view, envelope.State);
            return SnapshotRead.Restored;
        }
        catch (Exception error) when (error is JsonException or NotSupportedException or ArgumentException)
        {
            return SnapshotRead.Unreadable;
        }
    }

    /// <summary>Why a snapshot that was there could not be used, for the log; null when it was used or there was none.</summary>
    public static string? WhyNotRestored(SnapshotRead outcome) => outcome switch
    {
        SnapshotRead.Refused => "the snapshot does not open with this app's keys for this session and view (tampered with, or another session's)",
        SnapshotRead.Outdated => "the snapshot was written by a version of the view whose [Persist] members differ",
        SnapshotRead.Unreadable => "the snapshot's values do not fit the view's [Persist] members",
        _ => null,
    };

    /// <summary>Completes once everything queued so far is written.</summary>
    public async Task FlushAsync()
    {
        Task running;
        lock (gate)
        {
            running = drain;
        }

        await running.ConfigureAwait(false);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Graceful shutdown: writes what waits (sessions still changing while the server stops are written again on dispose).</summary>
    public Task StopAsync(CancellationToken cancellationToken) => FlushAsync().WaitAsync(cancellationToken);

    public async ValueTask DisposeAsync() => await FlushAsync().ConfigureAwait(false);

    private IDataProtector For(string sessionId, Type viewType) => protector.CreateProtector(sessionId, viewType.FullName!);

    private void Queue(string sessionId, byte[]? snapshot)
    {
        lock (gate)
        {
            pending[sessionId] = snapshot;
            if (!draining)
            {
                draining = true;
                drain = Task.Run(DrainAsync);
            }
        }
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            Dictionary<string, byte[]?> batch;
            lock (gate)
            {
                if (pending.Count == 0)
                {
                    draining = false;
                    return;
                }

                batch = pending;
                pending = new(StringComparer.Ordinal);
            }

            foreach (var (sessionId, snapshot) in batch)
            {
                try
                {
                    await (snapshot is null
                        ? store.DeleteAsync(sessionId, CancellationToken.None)
                        : store.SetAsync(sessionId, snapshot, CancellationToken.None)).ConfigureAwait(false);
                }
                catch (Exception error)
                {
                    LogStoreFailed(logger, error, snapshot is null ? "delete" : "write");
                }
            }
        }
    }

    /// <summary>What is protected: the members' fingerprint and their values.</summary>
    private sealed record Envelope(
        [property: System.Text.Json.Serialization.JsonPropertyName("v")] string Version,
        [property: System.Text.Json.Serialization.JsonPropertyName("s")] JsonElement State);

    [LoggerMessage(Level = LogLevel.Error, Message = "The session store failed to {Operation} a snapshot")]
    private static partial void LogStoreFailed(ILogger logger, Exception error, string operation);
}
