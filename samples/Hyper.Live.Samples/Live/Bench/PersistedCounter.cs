namespace Hyper.Live.Samples.Live.Bench;

/// <summary>
/// The benchmarks' counter with its count <see cref="PersistAttribute">[Persist]</see>ed: every click changes persisted
/// state, so every click queues a snapshot for the session store (what <see cref="Counter"/> never does).
/// </summary>
public sealed class PersistedCounter : LiveView
{
    [Persist]
    private int count;

    public void Inc() => count++;

    public override Html Render() => Counter.Page(IsConnected, count);
}
