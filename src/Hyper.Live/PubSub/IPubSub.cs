namespace Hyper.Live;

/// <summary>
/// Publish/subscribe between live views and the rest of the app. Views subscribe with
/// <c>LiveView.Subscribe</c> and receive messages in <c>HandleInfo</c>; anything else (a
/// controller, a background service) gets this from DI and broadcasts or subscribes.
/// </summary>
public interface IPubSub
{
    /// <summary>
    /// Sends <paramref name="message"/> to every subscriber of <paramref name="topic"/>.
    /// Never waits for subscribers: a slow or failing one cannot hold up the publisher or the others.
    /// </summary>
    ValueTask BroadcastAsync(string topic, object message, CancellationToken cancellationToken = default);

    /// <summary>Calls <paramref name="receive"/> for every message on <paramref name="topic"/> until the result is disposed.</summary>
    IDisposable Subscribe(string topic, Action<string, object> receive);
}
