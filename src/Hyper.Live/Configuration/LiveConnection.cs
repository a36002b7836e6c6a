using System.Net;
using System.Security.Claims;

namespace Hyper.Live;

/// <summary>
/// One live socket of a browser tab, with every view joined over it: what
/// <see cref="HyperLiveOptions.OnSocketConnected"/> and <see cref="HyperLiveOptions.OnSocketDisconnected"/>
/// receive. Its <see cref="Id"/> and <see cref="SessionIds"/> are also in the logging scope of everything
/// logged for the socket (<c>SocketId</c>, <c>SessionIds</c>).
/// </summary>
public sealed class LiveConnection
{
    private static long lastId;
    private readonly Func<IReadOnlyList<string>> sessionIds;

    internal LiveConnection(ClaimsPrincipal user, IPAddress? remoteIpAddress, Func<IReadOnlyList<string>> sessionIds)
    {
        User = user;
        RemoteIpAddress = remoteIpAddress;
        this.sessionIds = sessionIds;
        Id = "socket-" + Interlocked.Increment(ref lastId).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>An id of the socket, unique in this server process (<c>socket-42</c>), for logs and metrics.</summary>
    public string Id { get; }

    /// <summary>The user of the socket's upgrade request.</summary>
    public ClaimsPrincipal User { get; }

    /// <summary>The client's address (the proxy's behind a reverse proxy, unless forwarded headers are applied).</summary>
    public IPAddress? RemoteIpAddress { get; }

    /// <summary>When the socket was accepted.</summary>
    public DateTimeOffset ConnectedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>
    /// The <see cref="LiveView.SessionId"/> of each view joined over the socket now; once disconnected, of those
    /// joined when it closed.
    /// </summary>
    public IReadOnlyList<string> SessionIds => closedSessionIds ?? sessionIds();

    /// <summary>The close code, once disconnected: the client's (echoed) or the server's; null for a connection that dropped without a close handshake.</summary>
    public int? CloseStatus { get; private set; }

    /// <summary>Why the socket closed, once disconnected: the client's reason, or the server's (<c>idle</c>, <c>server shutting down</c>, <c>malformed frame</c>, …).</summary>
    public string? CloseReason { get; private set; }

    /// <summary>Whether the client started the close (or dropped the connection), rather than the server.</summary>
    public bool ClosedByClient { get; private set; }

    /// <summary>
    /// Why the server closed the socket for a fault of the client (a malformed or oversized frame,
    /// too many rate-limited events, not reading its frames), or null.
    /// </summary>
    public string? Error { get; private set; }

    private IReadOnlyList<string>? closedSessionIds;

    /// <summary>Records how the socket ended, before the views go.</summary>
    internal void Closed(int? status, string? reason, bool byClient, bool error)
    {
        closedSessionIds = sessionIds();
        CloseStatus = status;
        CloseReason = reason;
        ClosedByClient = byClient;
        Error = error ? reason : null;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Id} [{string.Join(", ", SessionIds)}]";
}
