using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace Hyper.Live.PubSub;

/// <summary>
/// The default <see cref="IPubSub"/>: subscribers of one process. A subscriber's callback
/// runs on the publisher's thread, so views' callbacks only drop the message into their
/// mailbox; a callback that throws is logged and the others still receive the message.
/// </summary>
internal sealed partial class InMemoryPubSub : IPubSub
{
    private readonly ConcurrentDictionary<string, ImmutableArray<Subscription>> topics = new(StringComparer.Ordinal);
    private readonly ILogger<InMemoryPubSub> logger;

    public InMemoryPubSub(ILogger<InMemoryPubSub> logger) => this.logger = logger;

    /// <summary>The number of subscriptions to <paramref name="topic"/>, for diagnostics and tests.</summary>
    public int SubscriberCount(string topic) => topics.TryGetValue(topic, out var subscribers) ? subscribers.Length : 0;

    public ValueTask BroadcastAsync(string topic, object message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(message);
        if (topics.TryGetValue(topic, out var subscribers))
        {
            foreach (var subscriber in subscribers)
            {
                try
                {
                    subscriber.Receive(topic, message);
                }
                catch (Exception error)
                {
                    LogSubscriberFailed(logger, error, topic);
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    public IDisposable Subscribe(string topic, Action<string, object> receive)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(receive);
        var subscription = new Subscription(this, topic, receive);
        topics.AddOrUpdate(topic, static (_, s) => [s], static (_, existing, s) => existing.Add(s), subscription);
        return subscription;
    }

    private void Remove(Subscription subscription)
    {
        while (topics.TryGetValue(subscription.Topic, out var existing))
        {
            var remaining = existing.Remove(subscription);
            if (remaining.Length == existing.Length)
            {
                return;
            }

            var replaced = remaining.IsEmpty
                ? topics.TryRemove(new KeyValuePair<string, ImmutableArray<Subscription>>(subscription.Topic, existing))
                : topics.TryUpdate(subscription.Topic, remaining, existing);
            if (replaced)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A subscriber of '{Topic}' failed to receive a message")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception error, string topic);

    private sealed class Subscription(InMemoryPubSub owner, string topic, Action<string, object> receive) : IDisposable
    {
        public string Topic { get; } = topic;

        public Action<string, object> Receive { get; } = receive;

        public void Dispose() => owner.Remove(this);
    }
}
