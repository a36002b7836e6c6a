using Hyper.Live.Views;

namespace Hyper.Live;

/// <summary>
/// A stateful part of a live page with its own fields, event handlers and <see cref="Render"/>: embed it
/// from a view's (or another component's) template with <c>{{Component&lt;Counter&gt;("counter")}}</c>.
/// The id, with the class, is its identity: the same instance serves every render of the parent that
/// embeds it again, and it goes away once the parent stops rendering it (after the browser confirms).
/// Events written in its template (<c>@click="increment"</c>) reach the component, not the view.
/// </summary>
/// <remarks>
/// A component re-renders when it is new, after one of its own events, after
/// <see cref="LiveView.SendUpdate{TComponent}"/>, and when its props change
/// (<see cref="LiveComponent{TProps}"/>); only what changed in its render is sent. Its
/// <see cref="Render"/> must produce exactly one root element. Never called concurrently: it runs
/// on its view's mailbox. A component has a public parameterless constructor; what it needs from
/// the app it gets in its props.
/// </remarks>
public abstract class LiveComponent
{
    /// <summary>The id its parent gave it: unique among the components of its class on the page.</summary>
    public string Id { get; internal set; } = "";

    /// <summary>Whether the component runs over a live connection (false during the HTTP render).</summary>
    public bool IsConnected => Host is not null;

    /// <summary>
    /// The component itself as an event target (Phoenix's <c>@myself</c>): its cid. Events of its own
    /// template already go to it; use it in <c>phx-target="{{Myself}}"</c> on markup passed to another component.
    /// </summary>
    public string Myself => Cid.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The parent as an event target: <c>&lt;button @click="save" phx-target="{{Parent}}"&gt;</c> sends
    /// <c>save</c> to the view (or the component) that embeds this one instead of to this component.
    /// </summary>
    public string? Parent { get; internal set; }

    /// <summary>The component's cid on the page (Phoenix's component id), 0 outside a live session.</summary>
    internal int Cid { get; set; }

    /// <summary>The session of the view it belongs to; null during the HTTP render.</summary>
    internal ILiveViewHost? Host { get; set; }

    /// <summary>Returns the component's HTML: one root element. Called when it is new or has changed.</summary>
    public abstract Html Render();

    /// <summary>Sets up the component's state, once, when its parent first renders it (props are already set).</summary>
    protected internal virtual void Mount()
    {
    }

    /// <summary>Handles an event of this component that no method is named after. By default the event is refused.</summary>
    protected internal virtual Task HandleEventAsync(LiveEvent liveEvent, CancellationToken cancellationToken) =>
        throw new UnknownEventException(GetType(), liveEvent.Name);

    /// <summary>
    /// Sends <paramref name="message"/> to the view this component is on: the view's
    /// <see cref="LiveView.HandleInfo(object)"/> receives it right after the current handler, before the page
    /// renders, so one render shows what both changed. Ignored during the HTTP render.
    /// </summary>
    protected void SendParent(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Host?.SendParent(message);
    }

    /// <summary>
    /// Runs <paramref name="update"/> on the component of class <typeparamref name="TComponent"/> with
    /// id <paramref name="id"/> on the same page after the current callback, then renders it. Nothing
    /// happens when no such component is on the page.
    /// </summary>
    protected void SendUpdate<TComponent>(string id, Action<TComponent> update)
        where TComponent : LiveComponent =>
        Host?.SendUpdate(typeof(TComponent), id, component => update((TComponent)component));

    /// <summary>Embeds the component of class <typeparamref name="TComponent"/> with this id.</summary>
    protected static Html Component<TComponent>(string id)
        where TComponent : LiveComponent, new() => ComponentRequest<TComponent>.Embed(id);

    /// <summary>Embeds the component of class <typeparamref name="TComponent"/> with this id, passing it <paramref name="props"/>.</summary>
    protected static Html Component<TComponent, TProps>(string id, TProps props)
        where TComponent : LiveComponent<TProps>, new() => ComponentRequest<TComponent, TProps>.Embed(id, props);
}
