namespace Hyper.Live.LoadTest;

/// <summary>
/// The server's memory while holding <see cref="Sessions"/> sessions, after a forced full
/// collection: resident set size from <c>/proc</c>, live managed bytes from the server.
/// </summary>
internal sealed record CheckpointResult(
    int Sessions,
    int Sockets,
    double OpenSeconds,
    long RssBytes,
    long ManagedBytes,
    long GcCommittedBytes,
    long ServerSessions,
    long ServerSockets);
