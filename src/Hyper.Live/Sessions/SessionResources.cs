using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace Hyper.Live.Sessions;

/// <summary>
/// What a connected view holds besides its state: pub/sub subscriptions, timers and background
/// work, all delivered through the session's mailbox and all released with the session.
/// Created on first use: most views never subscribe nor schedule anything.
/// </summary>
internal sealed class SessionResources(Mailbox<SessionMessage> mailbox, IServiceProvider services, CancellationToken lifetime)
{
    private Dictionary<string, IDisposable>? subscriptions;
    private ConcurrentDictionary<LiveTimer, byte>? timers;

    /// <summary>The app's pub/sub.</summary>
    public IPubSub PubSub { get; } = services.GetRequiredService<IPubSub>();

    /// <summary>Delivers messages published on <paramref name="topic"/> to the mailbox; once per topic.</summary>
    public void Subscribe(string topic)
    {
        subscriptions ??= new(StringComparer.Ordinal);
        if (!subscriptions.ContainsKey(topic))
        {
            subscriptions[topic] = PubSub.Subscribe(topic, (from, message) => mailbox.Post(new SessionMessage.Info(message, from)));
        }
    }

    /// <summary>Ends the subscription to <paramref name="topic"/>, if any.</summary>
    public void Unsubscribe(string topic)
    {
        if (subscriptions is not null && subscriptions.Remove(topic, out var subscription))
        {
            subscription.Dispose();
        }
    }

    /// <summary>Posts <paramref name="message"/> after <paramref name="due"/>, then every <paramref name="period"/> if given.</summary>
    public LiveTimer Schedule(object message, TimeSpan due, TimeSpan? period)
    {
        var timers = LazyInitializer.EnsureInitialized(ref this.timers);
        var timer = new LiveTimer(cancelled => timers.TryRemove(cancelled, out _));
        timers[timer] = 0;
        timer.Start(TimeProvider.System.CreateTimer(
            _ =>
            {
                if (period is null)
                {
                    timers.TryRemove(timer, out byte _);
                }

                if (!timer.IsCancelled)
                {
                    mailbox.Post(new SessionMessage.Info(message));
                }
            },
            null,
            due,
            period ?? Timeout.InfiniteTimeSpan));
        if (lifetime.IsCancellationRequested)
        {
            timer.Cancel();
        }

        return timer;
    }

    /// <summary>Runs <paramref name="work"/> on the thread pool; its outcome comes back through the mailbox.</summary>
    public void StartAsync<T>(Func<CancellationToken, Task<T>> work, Action<T> completed, Action<Exception>? failed)
    {
        var token = lifetime;
        _ = Task.Run(
            async () =>
            {
                try
                {
                    var result = await work(token).ConfigureAwait(false);
                    mailbox.Post(new SessionMessage.Callback(() => completed(result)));
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    // The view went away: nobody is left to tell.
                }
                catch (Exception error)
                {
                    // Unhandled failures of background work end the view like a throwing handler.
                    mailbox.Post(new SessionMessage.Callback(() => (failed ?? (e => throw new AsyncWorkException(e)))(error)));
                }
            },
            CancellationToken.None);
    }

    /// <summary>Cancels every timer and ends every subscription (background work sees the lifetime token cancelled).</summary>
    public void Release()
    {
        foreach (var timer in timers?.Keys ?? [])
        {
            timer.Cancel();
        }

        if (subscriptions is not null)
        {
            foreach (var subscription in subscriptions.Values)
            {
                subscription.Dispose();
            }

            subscriptions.Clear();
        }
    }
}
