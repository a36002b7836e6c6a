namespace Hyper.Live.LoadTest;

/// <summary>What the server's diagnostics endpoint reports (see <c>DiagnosticsEndpoint</c> in Hyper.Live).</summary>
internal sealed record ServerDiagnostics(
    long Sockets,
    long Sessions,
    long Events,
    long ManagedBytes,
    long GcHeapBytes,
    long GcCommittedBytes,
    bool ServerGc,
    string GcLatencyMode,
    int Threads,
    double GcPauseMilliseconds,
    IReadOnlyList<int> GcCollections,
    long DetachedSessions)
{
    /// <summary>CPU time the server process has used so far, user and system (<c>/proc/&lt;pid&gt;/stat</c>).</summary>
    public double CpuSeconds { get; init; }
}
