using System.Security.Claims;
using Hyper.Live.Templates;

namespace Hyper.Live.Views;

/// <summary>
/// A live page. Fields are its state, public methods its event handlers
/// (<c>@click="increment"</c> calls <c>Increment()</c>), and <see cref="Render"/> its HTML.
/// The page is mounted twice: once for the HTTP request (<see cref="IsConnected"/> false),
/// then again when the browser's socket joins; after that every event runs a handler on
/// the server and only what changed in the render is sent back.
/// </summary>
/// <remarks>
/// One instance serves one browser page and is never called concurrently: events, infos
/// and timers are handled one at a time, in order. Services come through the constructor.
/// </remarks>
public abstract class LiveView
{
    private string? title;

    /// <summary>Whether the view runs over a live connection (false during the HTTP render).</summary>
    public bool IsConnected { get; internal set; }

    /// <summary>The user of the request that rendered the page.</summary>
    public ClaimsPrincipal User { get; internal set; } = new(new ClaimsIdentity());

    /// <summary>The page title; changes are sent to the browser with the next diff.</summary>
    public string? Title
    {
        get => title;
        set
        {
            TitleChanged |= !string.Equals(title, value, StringComparison.Ordinal);
            title = value;
        }
    }

    /// <summary>The URL of the page, updated by live navigation.</summary>
    public Uri? Uri { get; internal set; }

    internal bool TitleChanged { get; set; }

    /// <summary>Returns the page's HTML as a template; called after every change.</summary>
    public abstract Html Render();

    /// <summary>Sets up the initial state; called for the HTTP render and again when connected.</summary>
    protected internal virtual void Mount(LiveParams parameters)
    {
    }

    /// <summary>The asynchronous form of <see cref="Mount"/>; by default calls it.</summary>
    protected internal virtual Task MountAsync(LiveParams parameters, CancellationToken cancellationToken)
    {
        Mount(parameters);
        return Task.CompletedTask;
    }

    /// <summary>Reacts to the URL: after mount, and whenever live navigation patches the URL.</summary>
    protected internal virtual void HandleParams(LiveParams parameters)
    {
    }

    /// <summary>The asynchronous form of <see cref="HandleParams"/>; by default calls it.</summary>
    protected internal virtual Task HandleParamsAsync(LiveParams parameters, CancellationToken cancellationToken)
    {
        HandleParams(parameters);
        return Task.CompletedTask;
    }

    /// <summary>Handles an event that no method is named after. By default the event is refused.</summary>
    protected internal virtual Task HandleEventAsync(LiveEvent liveEvent, CancellationToken cancellationToken) =>
        throw new UnknownEventException(GetType(), liveEvent.Name);

    /// <summary>Handles a message sent to this view (pub/sub, timers, background work).</summary>
    protected internal virtual void HandleInfo(object message)
    {
    }

    /// <summary>The asynchronous form of <see cref="HandleInfo"/>; by default calls it.</summary>
    protected internal virtual Task HandleInfoAsync(object message, CancellationToken cancellationToken)
    {
        HandleInfo(message);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The page around this view for the HTTP render; null (the default) uses the app's
    /// <see cref="Hosting.HyperLiveOptions.Layout"/>.
    /// </summary>
    protected internal virtual Html? Layout(Hosting.LiveLayoutContext context) => null;

    /// <summary>Called once when the connected view goes away: the page left, closed or crashed.</summary>
    protected internal virtual ValueTask OnUnmountAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// Sees the errors the session answers without ending: an event for no handler, from a
    /// binding no longer on the page, or with a value that does not fit a parameter
    /// (<see cref="InvalidParameterException"/>). The client has been sent the error; the view carries on.
    /// </summary>
    protected internal virtual void OnError(Exception error)
    {
    }

    /// <summary>
    /// Sends the page as it is now, in the middle of an async handler, so the user sees an
    /// intermediate state ("Searching…") while the handler awaits; the rest is sent when it
    /// ends. Await it from the handler. Does nothing before the view is connected.
    /// </summary>
    protected Task RenderNow() => IntermediateRender?.Invoke() ?? Task.CompletedTask;

    /// <summary>Set by the session: renders and pushes what changed (see <see cref="RenderNow"/>).</summary>
    internal Func<Task>? IntermediateRender { get; set; }
}
