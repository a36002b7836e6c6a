using System.Collections.Concurrent;

namespace Hyper.Live.BrowserTests.Conformance;

/// <summary>
/// Every event each run of a conformance scenario received, by run id (one run per client, so the
/// test client's and the browser's events never mix). A singleton of the conformance app.
/// </summary>
public sealed class EventRecorder
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<RecordedEvent>> runs = new(StringComparer.Ordinal);

    public void Record(string run, RecordedEvent recorded) => runs.GetOrAdd(run, _ => new()).Enqueue(recorded);

    public IReadOnlyList<RecordedEvent> Of(string run) => runs.TryGetValue(run, out var events) ? [.. events] : [];

    /// <summary>
    /// Waits until <paramref name="run"/> received at least <paramref name="count"/> events, then for
    /// <paramref name="settle"/> more so that an extra event (a duplicate, a late debounce) shows up too.
    /// </summary>
    public async Task<IReadOnlyList<RecordedEvent>> WaitForAsync(string run, int count, TimeSpan timeout, TimeSpan settle)
    {
        var until = DateTime.UtcNow + timeout;
        while (Of(run).Count < count && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        await Task.Delay(settle);
        return Of(run);
    }
}
