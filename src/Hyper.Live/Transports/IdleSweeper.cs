using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hyper.Live.Transports;

/// <summary>
/// Keeps the open connections in one list and, with a single timer for all of them, closes
/// those silent for longer than <see cref="HyperLiveOptions.IdleTimeout"/>, aborts those that
/// did not finish closing within a grace period, and closes every one when the app stops.
/// </summary>
/// <remarks>
/// A per-connection idle timer (a linked <see cref="CancellationTokenSource"/> re-armed with
/// <c>CancelAfter</c> on every frame) costs each idle socket a timer, a token source and its
/// callback registrations; one sweep every few seconds costs each socket two list links and
/// a timestamp. Idle sockets are closed between <c>IdleTimeout</c> and <c>IdleTimeout</c> plus
/// one sweep period (at most 5 s) after their last frame.
/// </remarks>
internal sealed class IdleSweeper : IDisposable
{
    /// <summary>How long a closing connection may take to finish its close handshake before it is aborted.</summary>
    internal static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(5);

    private readonly Lock gate = new();
    private readonly long idleMilliseconds;
    private readonly TimeSpan period;
    private WebSocketConnection? head;
    private Timer? timer;
    private bool stopping;

    public IdleSweeper(IOptions<HyperLiveOptions> options, IHostApplicationLifetime lifetime)
    {
        var idle = options.Value.IdleTimeout;
        idleMilliseconds = (long)idle.TotalMilliseconds;
        period = TimeSpan.FromMilliseconds(Math.Clamp(idle.TotalMilliseconds / 4, 100, 5000));
        lifetime.ApplicationStopping.Register(static sweeper => ((IdleSweeper)sweeper!).CloseAll(), this);
    }

    /// <summary>Starts watching <paramref name="connection"/>; false when the app is stopping.</summary>
    public bool Add(WebSocketConnection connection)
    {
        lock (gate)
        {
            if (stopping)
            {
                return false;
            }

            connection.Next = head;
            if (head is not null)
            {
                head.Previous = connection;
            }

            head = connection;
            timer ??= new Timer(static sweeper => ((IdleSweeper)sweeper!).Sweep(), this, period, period);
            return true;
        }
    }

    public void Remove(WebSocketConnection connection)
    {
        lock (gate)
        {
            if (connection.Previous is not null)
            {
                connection.Previous.Next = connection.Next;
            }
            else if (head == connection)
            {
                head = connection.Next;
            }

            if (connection.Next is not null)
            {
                connection.Next.Previous = connection.Previous;
            }

            connection.Previous = null;
            connection.Next = null;
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

    /// <summary>Closes idle connections and aborts those stuck closing; the work on each happens outside the lock.</summary>
    internal void Sweep()
    {
        var now = Environment.TickCount64;
        var grace = (long)CloseGrace.TotalMilliseconds;
        List<(WebSocketConnection Connection, bool Abort)>? due = null;
        lock (gate)
        {
            for (var connection = head; connection is not null; connection = connection.Next)
            {
                var closing = connection.ClosingSince;
                if (closing != 0 ? now - closing > grace : now - connection.LastReceived > idleMilliseconds)
                {
                    (due ??= []).Add((connection, closing != 0));
                }
            }
        }

        foreach (var (connection, abort) in due ?? [])
        {
            if (abort)
            {
                connection.Abort();
            }
            else
            {
                connection.CloseIdle();
            }
        }
    }

    private void CloseAll()
    {
        var all = new List<WebSocketConnection>();
        lock (gate)
        {
            stopping = true;
            for (var connection = head; connection is not null; connection = connection.Next)
            {
                all.Add(connection);
            }
        }

        foreach (var connection in all)
        {
            connection.CloseForShutdown();
        }
    }
}
