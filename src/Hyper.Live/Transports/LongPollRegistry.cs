using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hyper.Live.Transports;

/// <summary>
/// The open long-poll sessions, found by the signed token their client sends with every request.
/// Bounded by <see cref="HyperLiveOptions.MaxLongPollSessions"/>; one timer closes the sessions
/// whose client has not polled for <see cref="HyperLiveOptions.IdleTimeout"/> (a long-poll client
/// sends no heartbeats: its polls are its sign of life), and every session ends when the app stops.
/// </summary>
internal sealed class LongPollRegistry : IDisposable
{
    private readonly ConcurrentDictionary<string, LongPollSession> sessions = new(StringComparer.Ordinal);
    private readonly IDataProtector protector;
    private readonly HyperLiveOptions options;
    private readonly Lock gate = new();
    private Timer? timer;
    private int count;
    private bool stopping;

    public LongPollRegistry(IDataProtectionProvider protection, IOptions<HyperLiveOptions> options, IHostApplicationLifetime lifetime)
    {
        protector = protection.CreateProtector("Hyper.Live.LongPoll");
        this.options = options.Value;
        lifetime.ApplicationStopping.Register(static registry => ((LongPollRegistry)registry!).CloseAll(), this);
    }

    /// <summary>How many sessions are open.</summary>
    public int Count => Volatile.Read(ref count);

    /// <summary>A new unguessable session id; the client gets it signed, as <see cref="Protect"/> makes it.</summary>
    public static string NewId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>The token the client sends back: the id, signed so a forged or altered one is told apart from an expired one.</summary>
    public string Protect(string id) => protector.Protect(id);

    /// <summary>
    /// Reserves a place for a new session; false when the app is stopping or <see cref="HyperLiveOptions.MaxLongPollSessions"/> are open.
    /// Each true must be followed by <see cref="Add"/> or <see cref="Release"/>.
    /// </summary>
    public bool TryReserve()
    {
        lock (gate)
        {
            if (stopping || (options.MaxLongPollSessions is { } max && count >= max))
            {
                return false;
            }

            Interlocked.Increment(ref count);
            return true;
        }
    }

    /// <summary>Gives back a place reserved by <see cref="TryReserve"/> that was not used.</summary>
    public void Release() => Interlocked.Decrement(ref count);

    /// <summary>Registers a session in a place reserved by <see cref="TryReserve"/>.</summary>
    public void Add(LongPollSession session)
    {
        sessions[session.Id] = session;
        lock (gate)
        {
            var period = TimeSpan.FromMilliseconds(Math.Clamp(options.IdleTimeout.TotalMilliseconds / 4, 100, 5000));
            timer ??= new Timer(static registry => ((LongPollRegistry)registry!).Sweep(), this, period, period);
        }
    }

    /// <summary>Finds the session of <paramref name="token"/>; <paramref name="forged"/> tells a token this app never signed from one whose session is gone.</summary>
    public LongPollSession? Find(string token, out bool forged)
    {
        string id;
        try
        {
            id = protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            forged = true;
            return null;
        }

        forged = false;
        return sessions.TryGetValue(id, out var session) ? session : null;
    }

    /// <summary>Forgets a session that has closed.</summary>
    public void Remove(LongPollSession session)
    {
        if (sessions.TryRemove(new KeyValuePair<string, LongPollSession>(session.Id, session)))
        {
            Interlocked.Decrement(ref count);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            timer?.Dispose();
            timer = null;
        }
    }

    /// <summary>Closes the sessions whose client stopped polling.</summary>
    internal void Sweep()
    {
        var now = Environment.TickCount64;
        var idle = (long)options.IdleTimeout.TotalMilliseconds;
        foreach (var (_, session) in sessions)
        {
            if (session.IsIdle(now, idle))
            {
                session.Close();
            }
        }
    }

    private void CloseAll()
    {
        lock (gate)
        {
            stopping = true;
        }

        foreach (var (_, session) in sessions)
        {
            session.Close();
        }
    }
}
