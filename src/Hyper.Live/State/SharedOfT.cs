using Hyper.Live.State;

namespace Hyper.Live;

/// <summary>
/// A value shared by every live session of the process, such as a visit counter or a chat room's history:
/// <c>static readonly Shared&lt;int&gt; Visits = new(0);</c>, or by name with <see cref="Shared.Get{T}"/>. Views read
/// <see cref="Value"/> in <c>Render()</c>; after a change, every connected view that read it in its last render
/// renders again and sends its diff, and views that did not read it do nothing. Many changes in a row cost each
/// reading view one render, not one per change.
/// </summary>
/// <remarks>
/// Writers are serialised: <see cref="Update(Func{T, T})"/> and <see cref="UpdateAsync"/> run one at a time, each
/// seeing the result of the one before, so <c>Visits.Update(n =&gt; n + 1)</c> never loses a count. Readers never
/// wait: they see the value before or after an update, never half of one. So give mutable types a new instance in
/// the update (<c>Update(lines =&gt; [.. lines.TakeLast(99), line])</c>, or an immutable collection) rather than
/// changing the one readers may be enumerating. Do not update a value from inside its own update (it would wait for itself).
/// Each reading view costs one entry here and one in its session (about 80 bytes), removed when the view stops
/// reading it or ends.
/// </remarks>
/// <typeparam name="T">The value's type.</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification =
    "The semaphore's wait handle is never asked for, so it holds nothing to release; shared values live as long as the process.")]
public sealed class Shared<T>
{
    private readonly SharedReaders readers = new();
    private readonly SemaphoreSlim writers = new(1, 1);

    // Replaced, never changed, on each write: a reader gets a whole value of any T without a lock.
    private volatile Box current;

    /// <summary>A shared value starting at <paramref name="initial"/>.</summary>
    /// <param name="initial">The value before any update.</param>
    /// <param name="autoBroadcast">Whether each update re-renders the views that read the value (see <see cref="AutoBroadcast"/>).</param>
    public Shared(T initial, bool autoBroadcast = true)
    {
        current = new Box(initial);
        AutoBroadcast = autoBroadcast;
    }

    /// <summary>
    /// The value now. Read during a connected view's render, it makes that view re-render when the value changes.
    /// Setting it is <c>Update(_ =&gt; value)</c>.
    /// </summary>
    public T Value
    {
        get
        {
            // Recorded before the read: a change after it still reaches this view.
            SharedReads.Record(readers);
            return current.Value;
        }
        set => Update(_ => value);
    }

    /// <summary>
    /// Whether every update re-renders the views that read the value (true by default). Turn it off to make several
    /// updates and then call <see cref="Broadcast"/> once, or for a value whose readers need not follow each change.
    /// </summary>
    public bool AutoBroadcast { get; set; }

    /// <summary>The connected views that read the value in their last render.</summary>
    public int ReaderCount => readers.Count;

    /// <summary>
    /// Replaces the value with <paramref name="update"/>'s result, after any update running, and returns it; then
    /// broadcasts when <see cref="AutoBroadcast"/> is on. <paramref name="update"/> is the only writer while it runs.
    /// </summary>
    public T Update(Func<T, T> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        T updated;
        writers.Wait();
        try
        {
            updated = update(current.Value);
            current = new Box(updated);
        }
        finally
        {
            writers.Release();
        }

        BroadcastIfAuto();
        return updated;
    }

    /// <summary>
    /// The asynchronous form of <see cref="Update(Func{T, T})"/> (e.g. to load what the new value needs): other writers
    /// wait until <paramref name="update"/> completes; readers see the old value meanwhile.
    /// </summary>
    public async Task<T> UpdateAsync(Func<T, CancellationToken, Task<T>> update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        T updated;
        await writers.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            updated = await update(current.Value, cancellationToken).ConfigureAwait(false);
            current = new Box(updated);
        }
        finally
        {
            writers.Release();
        }

        BroadcastIfAuto();
        return updated;
    }

    /// <summary>
    /// Re-renders every connected view that read the value in its last render (once each, however many broadcasts
    /// arrive before it gets to it); returns how many views were told.
    /// </summary>
    public int Broadcast() => readers.Notify();

    private void BroadcastIfAuto()
    {
        if (AutoBroadcast)
        {
            Broadcast();
        }
    }

    private sealed class Box(T value)
    {
        public T Value { get; } = value;
    }
}
