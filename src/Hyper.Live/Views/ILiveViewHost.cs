namespace Hyper.Live.Views;

/// <summary>
/// What a connected <see cref="LiveView"/> asks of the session that runs it. A view has none
/// during the HTTP render, where these calls do nothing.
/// </summary>
internal interface ILiveViewHost
{
    /// <summary>Delivers messages published on <paramref name="topic"/> to the view's <c>HandleInfo</c>.</summary>
    void Subscribe(string topic);

    /// <summary>Stops the delivery that <see cref="Subscribe"/> started.</summary>
    void Unsubscribe(string topic);

    /// <summary>Publishes <paramref name="message"/> on <paramref name="topic"/> to every subscriber.</summary>
    ValueTask BroadcastAsync(string topic, object message, CancellationToken cancellationToken);

    /// <summary>Queues <paramref name="message"/> for the view's own <c>HandleInfo</c>.</summary>
    void SendInfo(object message);

    /// <summary>Queues <paramref name="message"/> after <paramref name="due"/>, then every <paramref name="period"/> if given.</summary>
    LiveTimer Schedule(object message, TimeSpan due, TimeSpan? period);

    /// <summary>Runs <paramref name="work"/> off the mailbox; its result comes back through it.</summary>
    void StartAsync<T>(Func<CancellationToken, Task<T>> work, Action<T> completed, Action<Exception>? failed);

    /// <summary>
    /// Runs <paramref name="update"/> on the component of <paramref name="componentType"/> and <paramref name="id"/>
    /// in the mailbox (from any thread), then renders it; nothing when no such component is on the page.
    /// </summary>
    void SendUpdate(Type componentType, string id, Action<LiveComponent> update);

    /// <summary>Queues <paramref name="message"/> from a component for the view's <c>HandleInfo</c>, run before the next render.</summary>
    void SendParent(object message);

    /// <summary>The component of this class and id on the page, or null (for white-box tests).</summary>
    LiveComponent? FindComponent(Type componentType, string id);

    /// <summary>Sends the view's render now, from inside a callback.</summary>
    Task RenderNowAsync();

    /// <summary>Queues <paramref name="message"/> for the <c>HandleInfo</c> of the live sessions with these ids; returns how many there were.</summary>
    int BroadcastTo(IEnumerable<string> sessionIds, object message);

    /// <summary>Queues <paramref name="message"/> for the <c>HandleInfo</c> of every live session; returns how many there were.</summary>
    int BroadcastToAll(object message);

    /// <summary>Leases <paramref name="resource"/> to this session until released or the session ends; null when another holds it.</summary>
    Lease? TryAcquireLease(string resource);
}
