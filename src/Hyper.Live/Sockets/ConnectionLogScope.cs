using System.Collections;

namespace Hyper.Live.Sockets;

/// <summary>
/// The logging scope of a socket: <c>SocketId</c> and <c>SessionIds</c> (comma-separated), the latter
/// read when a line is logged, so lines logged after a join name the view that joined.
/// </summary>
internal sealed class ConnectionLogScope(LiveConnection connection) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => 2;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("SocketId", connection.Id),
        1 => new("SessionIds", string.Join(",", connection.SessionIds)),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
        yield return this[1];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>How text loggers (the console's <c>IncludeScopes</c>) show the scope.</summary>
    public override string ToString() => $"socket {connection.Id} sessions [{string.Join(", ", connection.SessionIds)}]";
}
