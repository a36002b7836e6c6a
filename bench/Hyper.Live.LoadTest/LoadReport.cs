namespace Hyper.Live.LoadTest;

/// <summary>Everything one run measured, for the Markdown report and the smoke test.</summary>
internal sealed record LoadReport(
    LoadOptions Options,
    DateTimeOffset Started,
    MachineInfo Machine,
    string ServerAssembly,
    ServerDiagnostics Baseline,
    long BaselineRssBytes,
    IReadOnlyList<CheckpointResult> Checkpoints,
    IReadOnlyList<(int Sessions, LatencySummary Summary)> Latency,
    int SessionsHeld,
    int SessionsAnswered,
    double JoinUpBytes,
    double JoinDownBytes,
    double PageBytes,
    long PeakRssBytes,
    long EventsHandled,
    int ServerWarnings,
    int Errors,
    IReadOnlyDictionary<string, int> ErrorsByPhase,
    IReadOnlyList<string> ErrorSamples,
    TimeSpan Duration,
    string LoadAverageAtStart,
    string LoadAverageAtLatency)
{
    /// <summary>The server heap's largest types per session (<c>--heap-stats</c>), as a Markdown table.</summary>
    public string? HeapByType { get; init; }
}
