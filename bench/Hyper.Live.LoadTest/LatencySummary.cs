namespace Hyper.Live.LoadTest;

/// <summary>One latency phase's result: percentiles in milliseconds and mean bytes per exchange.</summary>
internal sealed record LatencySummary(
    string Name,
    int Count,
    int Errors,
    double Throughput,
    double P50,
    double P95,
    double P99,
    double Max,
    double UpPayload,
    double UpFrame,
    double DownPayload,
    double DownFrame)
{
    /// <summary>The server's garbage collections during the phase, e.g. "gen0 12, gen1 3, gen2 0, 41 ms paused".</summary>
    public string ServerGc { get; init; } = "";
}
