using System.Collections.Concurrent;

namespace Hyper.Live.LoadTest;

/// <summary>Failures by phase, with the first few messages kept for the report.</summary>
internal sealed class ErrorLog
{
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> samples = new();

    public int Total => counts.Values.Sum();

    public IReadOnlyDictionary<string, int> ByPhase => new SortedDictionary<string, int>(counts, StringComparer.Ordinal);

    public IReadOnlyList<string> Samples => samples.ToArray();

    public int Count(string phase) => counts.GetValueOrDefault(phase);

    public void Add(string phase, string message)
    {
        counts.AddOrUpdate(phase, 1, static (_, count) => count + 1);
        if (samples.Count < 10)
        {
            samples.Enqueue($"{phase}: {message}");
        }
    }
}
