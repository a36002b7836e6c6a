using System.Threading.Channels;

namespace Hyper.Live.Testing.Connection;

/// <summary>
/// Runs a channel's work one item at a time, in the order it was posted: frames from the socket and calls from the
/// test thread alike. Everything the channel mutates is touched only from here, which is what lets it go without
/// locks (as Phoenix's ClientProxy keeps a test's state in one process).
/// </summary>
/// <remarks>Work running here must never wait for other work posted here (it would wait for itself).</remarks>
internal sealed class ChannelMailbox
{
    private readonly Channel<Func<Task>> work = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Action<Exception> unhandled;
    private readonly Task running;

    /// <param name="unhandled">Told of an exception a posted item let escape; the loop goes on.</param>
    public ChannelMailbox(Action<Exception> unhandled)
    {
        this.unhandled = unhandled;
        running = Loop();
    }

    /// <summary>Queues work whose outcome nobody awaits (a frame to apply); false once the mailbox is complete.</summary>
    public bool TryPost(Func<Task> item) => work.Writer.TryWrite(item);

    /// <summary>Runs <paramref name="item"/> in turn and returns its result or exception to the caller.</summary>
    public async Task<T> Call<T>(Func<Task<T>> item, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var posted = TryPost(async () =>
        {
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                done.TrySetResult(await item().ConfigureAwait(false));
            }
            catch (Exception error)
            {
                done.TrySetException(error);
            }
        });
        if (!posted)
        {
            throw new ObjectDisposedException(nameof(LivePage), "The page is closed.");
        }

        return await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="item"/> in turn; its exception goes to the caller.</summary>
    public Task Call(Func<Task> item, CancellationToken cancellationToken) =>
        Call(
            async () =>
            {
                await item().ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    /// <summary>Runs a synchronous <paramref name="item"/> in turn.</summary>
    public Task<T> Run<T>(Func<T> item, CancellationToken cancellationToken) =>
        Call(() => Task.FromResult(item()), cancellationToken);

    /// <summary>Runs what was posted so far, then stops taking work.</summary>
    public async Task CompleteAsync()
    {
        work.Writer.TryComplete();
        await running.ConfigureAwait(false);
    }

    private async Task Loop()
    {
        // Off the constructor's thread, so a caller never runs the loop inline.
        await Task.Yield();
        await foreach (var item in work.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await item().ConfigureAwait(false);
            }
            catch (Exception error)
            {
                unhandled(error);
            }
        }
    }
}
