namespace Hyper.Live;

/// <summary>A pending <c>SendAfter</c> or <c>ScheduleInfo</c>; cancel it to stop its messages.</summary>
public sealed class LiveTimer : IDisposable
{
    private readonly Action<LiveTimer> cancel;
    private ITimer? timer;

    internal LiveTimer(Action<LiveTimer> cancel) => this.cancel = cancel;

    /// <summary>Whether the timer was cancelled (by <see cref="Cancel"/> or because the view went away).</summary>
    public bool IsCancelled { get; private set; }

    /// <summary>Stops the timer; a message already queued may still arrive once it is in the mailbox.</summary>
    public void Cancel()
    {
        if (IsCancelled)
        {
            return;
        }

        IsCancelled = true;
        timer?.Dispose();
        cancel(this);
    }

    /// <inheritdoc cref="Cancel"/>
    public void Dispose() => Cancel();

    internal void Start(ITimer started)
    {
        timer = started;
        if (IsCancelled)
        {
            started.Dispose();
        }
    }
}
