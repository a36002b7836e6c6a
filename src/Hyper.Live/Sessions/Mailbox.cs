namespace Hyper.Live.Sessions;

/// <summary>
/// Messages handled strictly one at a time, in the order they were posted, on the thread pool.
/// While the mailbox is empty nothing runs: a drain is queued when a message arrives and ends
/// when none is left, so an idle mailbox holds no task, no channel and no waiting reader (about
/// 1.3 KB each, measured with the load harness). Once stopped, queued messages are dropped and
/// <see cref="OnStoppedAsync"/> runs exactly once, after the message being handled.
/// </summary>
/// <typeparam name="TMessage">What is posted.</typeparam>
internal abstract class Mailbox<TMessage> : IThreadPoolWorkItem
    where TMessage : class
{
    // Messages not handled yet, oldest first; also the lock for the fields after it.
    private readonly Queue<TMessage> queue = new();
    private bool started;
    private bool draining;
    private bool stopped;
    private bool finished;
    private TaskCompletionSource? completion;

    // The context of whoever started the mailbox, which messages are handled in (as in a loop started from there).
    private ExecutionContext? context;

    /// <summary>Completes when the mailbox has stopped and <see cref="OnStoppedAsync"/> has run.</summary>
    public Task Completion
    {
        get
        {
            lock (queue)
            {
                return finished ? Task.CompletedTask
                    : (completion ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }
        }
    }

    /// <summary>Whether <see cref="Stop"/> has been called.</summary>
    protected bool IsStopped
    {
        get
        {
            lock (queue)
            {
                return stopped;
            }
        }
    }

    /// <summary>Starts handling messages (those posted before included), in the execution context of the caller.</summary>
    public void Start()
    {
        context = ExecutionContext.Capture();
        bool drain;
        lock (queue)
        {
            started = true;
            drain = queue.Count > 0 && !draining;
            draining |= drain;
        }

        if (drain)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    /// <summary>
    /// Handles the messages after the current one in <paramref name="flow"/> instead (null: the default context): a
    /// session moved to another socket must not keep the old one's logging scope, nor what it references, alive.
    /// </summary>
    protected void MoveTo(ExecutionContext? flow) => context = flow;

    /// <summary>Queues a message; false once the mailbox has stopped.</summary>
    public bool Post(TMessage message)
    {
        lock (queue)
        {
            if (stopped)
            {
                return false;
            }

            queue.Enqueue(message);
            if (draining || !started)
            {
                return true;
            }

            draining = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        return true;
    }

    /// <summary>Refuses further messages, drops the queued ones and makes sure <see cref="OnStoppedAsync"/> runs.</summary>
    public void Stop()
    {
        bool drain;
        lock (queue)
        {
            stopped = true;
            drain = !draining;
            draining = true;
        }

        OnStopping();
        if (drain)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    /// <summary>Handles one message. What it throws stops the mailbox.</summary>
    protected abstract Task HandleAsync(TMessage message);

    /// <summary>Called for each message still queued when the mailbox stops, instead of handling it.</summary>
    protected virtual void OnDropped(TMessage message)
    {
    }

    /// <summary>Called by <see cref="Stop"/> on the stopping thread, before the drain ends: cancel what is running.</summary>
    protected virtual void OnStopping()
    {
    }

    /// <summary>Runs once, after the last message: release what the owner holds.</summary>
    protected abstract Task OnStoppedAsync();

    void IThreadPoolWorkItem.Execute()
    {
        if (context is null)
        {
            _ = DrainAsync();
        }
        else
        {
            ExecutionContext.Run(context, static mailbox => _ = ((Mailbox<TMessage>)mailbox!).DrainAsync(), this);
        }
    }

    /// <summary>Handles queued messages until none is left; once stopped, drops the rest and finishes. Only one drain runs at a time.</summary>
    private async Task DrainAsync()
    {
        while (true)
        {
            TMessage? message;
            lock (queue)
            {
                if (stopped)
                {
                    while (queue.TryDequeue(out var dropped))
                    {
                        OnDropped(dropped);
                    }

                    message = null;
                }
                else if (!queue.TryDequeue(out message))
                {
                    draining = false;
                    return;
                }
            }

            if (message is null)
            {
                await FinishAsync().ConfigureAwait(false);
                return;
            }

            try
            {
                await HandleAsync(message).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The owner reports its own failures; one that escapes still must not leave the mailbox running half-broken.
                Stop();
            }
        }
    }

    private async Task FinishAsync()
    {
        try
        {
            await OnStoppedAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Whatever failed was the owner's to report; the mailbox must still finish.
        }
        finally
        {
            TaskCompletionSource? done;
            lock (queue)
            {
                // `draining` stays set: nothing is handled after this.
                finished = true;
                done = completion;
            }

            done?.TrySetResult();
        }
    }
}
