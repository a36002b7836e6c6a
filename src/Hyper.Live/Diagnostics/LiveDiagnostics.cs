using System.Diagnostics;

namespace Hyper.Live.Diagnostics;

/// <summary>
/// Diagnostic events of live sessions, for in-process observers such as Hyper.Live.Testing
/// (which reaches a joined page's view instance through them for white-box assertions).
/// Writing costs one flag check while nobody listens.
/// </summary>
internal static class LiveDiagnostics
{
    /// <summary>A view instance finished mounting on a topic; the payload is <c>KeyValuePair&lt;string topic, LiveView&gt;</c>.</summary>
    public const string ViewMounted = "Hyper.Live.ViewMounted";

    /// <summary>A view instance left its topic; same payload as <see cref="ViewMounted"/>.</summary>
    public const string ViewUnmounted = "Hyper.Live.ViewUnmounted";

    public static DiagnosticListener Listener { get; } = new("Hyper.Live");

    public static void Write(string name, string topic, LiveView view)
    {
        if (Listener.IsEnabled(name))
        {
            Listener.Write(name, new KeyValuePair<string, LiveView>(topic, view));
        }
    }
}
