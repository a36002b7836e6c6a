namespace Hyper.Live.LoadTest;

/// <summary>Round-trip times of one phase, with the bytes each exchange moved; thread-safe.</summary>
internal sealed class LatencyRecorder
{
    private readonly List<double> milliseconds = [];
    private long upPayload;
    private long upFrame;
    private long downPayload;
    private long downFrame;

    public int Count
    {
        get
        {
            lock (milliseconds)
            {
                return milliseconds.Count;
            }
        }
    }

    public void Add(TimeSpan elapsed, in Exchange exchange)
    {
        lock (milliseconds)
        {
            milliseconds.Add(elapsed.TotalMilliseconds);
            upPayload += exchange.UpPayload;
            upFrame += exchange.UpFrame;
            downPayload += exchange.DownPayload;
            downFrame += exchange.DownFrame;
        }
    }

    public LatencySummary Summarize(string name, int errors, TimeSpan duration)
    {
        lock (milliseconds)
        {
            var sorted = milliseconds.ToArray();
            Array.Sort(sorted);
            double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
            var n = Math.Max(1, sorted.Length);
            return new LatencySummary(
                name,
                sorted.Length,
                errors,
                sorted.Length / Math.Max(duration.TotalSeconds, 1e-9),
                Percentile(0.50),
                Percentile(0.95),
                Percentile(0.99),
                sorted.Length == 0 ? double.NaN : sorted[^1],
                (double)upPayload / n,
                (double)upFrame / n,
                (double)downPayload / n,
                (double)downFrame / n);
        }
    }
}
