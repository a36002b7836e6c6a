namespace Hyper.Live.Testing.Connection;

/// <summary>
/// Counts the work a page started on its own (live navigation, a rejoin, form recovery, the destroy handshake), so a
/// call that caused it completes only once it is done.
/// </summary>
/// <remarks>Owned by the page's channel and touched only on its mailbox.</remarks>
internal sealed class PageOperations
{
    private readonly Action<Task> publish;
    private readonly Action signal;
    private TaskCompletionSource settled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int count;
    private bool signalWhenSettled;

    /// <param name="publish">Publishes the task that completes once the work now started is done.</param>
    /// <param name="signal">Reports a settled server-initiated operation as an update (see <see cref="LivePage.NextUpdateAsync"/>).</param>
    public PageOperations(Action<Task> publish, Action signal)
    {
        this.publish = publish;
        this.signal = signal;
        settled.SetResult();
    }

    /// <param name="signal">Whether the server started it, so that its end is an update a test may wait for.</param>
    public void Begin(bool signal)
    {
        if (count++ == 0)
        {
            settled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            publish(settled.Task);
        }

        signalWhenSettled |= signal;
    }

    public void End()
    {
        if (count == 0 || --count > 0)
        {
            return;
        }

        settled.TrySetResult();
        if (signalWhenSettled)
        {
            signalWhenSettled = false;
            signal();
        }
    }

    /// <summary>The socket the work ran on is gone: none of it will finish.</summary>
    public void EndAll()
    {
        while (count > 0)
        {
            End();
        }
    }
}
