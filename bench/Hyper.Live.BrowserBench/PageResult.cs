namespace Hyper.Live.BrowserBench;

/// <summary>One page's figures: click → DOM latencies (ms), the join reply's bytes and bytes per click.</summary>
internal sealed record PageResult(string Name, double[] Times, long JoinBytes, int JoinDeflatedBytes, double BytesPerClick)
{
    public double Median => Percentile(0.5);

    public double P95 => Percentile(0.95);

    // Nearest rank: a value that was measured, never an interpolation.
    private double Percentile(double fraction)
    {
        var sorted = Times.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
