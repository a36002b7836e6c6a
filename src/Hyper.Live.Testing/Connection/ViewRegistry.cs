using System.Collections.Concurrent;
using Hyper.Live.Diagnostics;

namespace Hyper.Live.Testing.Connection;

/// <summary>
/// The server-side view instance of every topic joined in this process, learnt from the
/// core's diagnostic events, so a page can hand its view to white-box assertions. Topics are
/// random 128-bit container ids, so apps and tests running side by side never collide.
/// </summary>
internal static class ViewRegistry
{
    private static readonly ConcurrentDictionary<string, LiveView> Views = new(StringComparer.Ordinal);
    private static readonly Lazy<IDisposable> Subscription = new(() => LiveDiagnostics.Listener.Subscribe(new Observer()));

    /// <summary>Starts listening; must run before the views to be found are mounted.</summary>
    public static void EnsureListening() => _ = Subscription.Value;

    public static LiveView? Find(string topic) => Views.TryGetValue(topic, out var view) ? view : null;

    private sealed class Observer : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Value is not KeyValuePair<string, LiveView> mounted)
            {
                return;
            }

            if (value.Key == LiveDiagnostics.ViewMounted)
            {
                Views[mounted.Key] = mounted.Value;
            }
            else if (value.Key == LiveDiagnostics.ViewUnmounted)
            {
                // Only this instance: a rejoin may already have mounted its successor on the topic.
                Views.TryRemove(mounted);
            }
        }

        public void OnError(Exception error)
        {
        }

        public void OnCompleted()
        {
        }
    }
}
