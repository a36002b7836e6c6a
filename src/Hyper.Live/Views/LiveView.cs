using System.Security.Claims;
using Microsoft.AspNetCore.WebUtilities;
using Hyper.Live.Views;

namespace Hyper.Live;

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
    private ViewEffects? effects;

    // Set by the default topic-aware HandleInfo: the message goes on to the topic-less one.
    private bool infoNotHandled;
    private List<Func<CancellationToken, Task>>? afterCallbacks;

    /// <summary>Whether the view runs over a live connection (false during the HTTP render).</summary>
    public bool IsConnected { get; internal set; }

    /// <summary>
    /// The id of this live session: 128 random bits (base64url, 22 characters), made by the HTTP render and signed
    /// into the page, so the connected view has the same one, and so has the instance a reconnect re-attaches.
    /// A live navigation to another view starts a new session with a new id. Unguessable, but not a secret:
    /// use it to address a session (logs, metrics, targeted messages), never as proof of who the user is.
    /// </summary>
    public string SessionId { get; internal set; } = "";

    /// <summary>The user of the request that rendered the page.</summary>
    public ClaimsPrincipal User { get; internal set; } = new(new ClaimsIdentity());

    /// <summary>
    /// The request behind the page: session values, selected headers, remote IP and culture as the HTTP
    /// render saw them (signed into the page's token, so the same once connected), and cookies (read live, not signed).
    /// </summary>
    public LiveRequest Request { get; internal set; } = new(RequestSnapshot.Empty, EmptyCookies.Instance);

    /// <summary>The page title; changes are sent to the browser with the next diff.</summary>
    public string? Title
    {
        get => title;
        set
        {
            if (!string.Equals(title, value, StringComparison.Ordinal))
            {
                Effects.TitleChanged = true;
            }

            title = value;
        }
    }

    /// <summary>The URL of the page, updated by live navigation.</summary>
    public Uri? Uri { get; internal set; }

    /// <summary>Messages for the user; render them with <c>{{Flash.Render()}}</c> or read them by kind.</summary>
    public LiveFlash Flash { get; } = new();

    /// <summary>The connected session, null during the HTTP render.</summary>
    internal ILiveViewHost? Host { get; set; }

    /// <summary>What the current callback asked of the page besides its render (created on first use).</summary>
    internal ViewEffects Effects => effects ??= new();

    /// <summary>The effects asked for so far, without creating them.</summary>
    internal ViewEffects? PendingEffects => effects;

    /// <summary>
    /// A stream of items kept in the browser rather than in this view (<see cref="LiveStream{T}"/>); usable in a
    /// field initializer: <c>readonly LiveStream&lt;Message&gt; messages = Stream&lt;Message&gt;(m => $"messages-{m.Id}");</c>.
    /// </summary>
    /// <param name="domId">The DOM id of an item: unique in the page, stable for the item's life.</param>
    protected static LiveStream<T> Stream<T>(Func<T, string> domId) => new(domId);

    /// <summary>Receives messages broadcast on <paramref name="topic"/> in <see cref="HandleInfo(object)"/>. Ignored while not connected.</summary>
    public void Subscribe(string topic) => Host?.Subscribe(topic);

    /// <summary>Stops receiving <paramref name="topic"/>.</summary>
    public void Unsubscribe(string topic) => Host?.Unsubscribe(topic);

    /// <summary>Sends <paramref name="message"/> to every subscriber of <paramref name="topic"/>, this view included if subscribed.</summary>
    public ValueTask BroadcastAsync(string topic, object message, CancellationToken cancellationToken = default) =>
        Host?.BroadcastAsync(topic, message, cancellationToken) ?? ValueTask.CompletedTask;

    /// <summary>Delivers <paramref name="message"/> to this view's <see cref="HandleInfo(object)"/> after the current callback.</summary>
    public void SendInfo(object message) => Host?.SendInfo(message);

    /// <summary>
    /// Delivers <paramref name="message"/> to the <see cref="HandleInfo(object)"/> of the live sessions with these
    /// <see cref="SessionId"/>s (this one too, if named), attached or detached; ids of no live session are skipped.
    /// Returns how many sessions it was delivered to. Does nothing while not connected.
    /// </summary>
    public int BroadcastTo(IEnumerable<string> sessionIds, object message)
    {
        ArgumentNullException.ThrowIfNull(sessionIds);
        ArgumentNullException.ThrowIfNull(message);
        return Host?.BroadcastTo(sessionIds, message) ?? 0;
    }

    /// <summary>
    /// Delivers <paramref name="message"/> to the <see cref="HandleInfo(object)"/> of every live session of this
    /// server, this one included; returns how many. Does nothing while not connected.
    /// </summary>
    public int BroadcastToAll(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Host?.BroadcastToAll(message) ?? 0;
    }

    /// <summary>
    /// Takes exclusive use of <paramref name="resource"/> (a name of the app's choosing, such as <c>"row:7"</c>) for this
    /// session, until the lease is released or the session ends however it ends; null when another session holds it,
    /// or while not connected (the HTTP render holds nothing). Asking again for a resource this session holds returns
    /// the same lease. <see cref="Lease.HolderOf"/> tells who holds it.
    /// </summary>
    public Lease? TryAcquireLease(string resource)
    {
        ArgumentException.ThrowIfNullOrEmpty(resource);
        return Host?.TryAcquireLease(resource);
    }

    /// <summary>
    /// Delivers <paramref name="message"/> to <see cref="HandleInfo(object)"/> after <paramref name="delay"/>.
    /// Cancelled with the returned timer or when the view goes away. Ignored (an already cancelled timer) while not connected.
    /// </summary>
    public LiveTimer SendAfter(object message, TimeSpan delay) => Schedule(message, delay, period: null);

    /// <summary>The same as <see cref="SendAfter"/>.</summary>
    public LiveTimer ScheduleInfoOnce(object message, TimeSpan delay) => Schedule(message, delay, period: null);

    /// <summary>Delivers <paramref name="message"/> to <see cref="HandleInfo(object)"/> every <paramref name="interval"/> until cancelled.</summary>
    public LiveTimer ScheduleInfo(object message, TimeSpan interval) => Schedule(message, interval, interval);

    /// <summary>
    /// Runs <paramref name="work"/> in the background; when it completes, <paramref name="completed"/> runs
    /// in the view's mailbox (never concurrently with a handler) and the view renders. The work is
    /// cancelled when the view goes away. Ignored while not connected.
    /// </summary>
    public void StartAsync<T>(Func<CancellationToken, Task<T>> work, Action<T> completed, Action<Exception>? failed = null) =>
        Host?.StartAsync(work, completed, failed);

    /// <summary>
    /// Sends the current render to the browser now, in the middle of an async handler (e.g. to show
    /// "Searching…" before awaiting results). Does nothing while not connected.
    /// </summary>
    public Task RenderNowAsync() => Host?.RenderNowAsync() ?? Task.CompletedTask;

    /// <summary>
    /// Changes the URL to <paramref name="path"/> (same view): <see cref="HandleParams"/> runs, nothing remounts.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a path on this site such as <c>/orders?page=2</c>.</exception>
    public void PushPatch(string path, bool replace = false) =>
        Effects.Navigation = new(NavigationKind.Patch, NavigationUrls.RequireLocal(path, nameof(PushPatch), nameof(path)), replace);

    /// <summary>Changes the URL to <paramref name="path"/> with these query parameters added.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a path on this site.</exception>
    public void PushPatch(string path, IEnumerable<KeyValuePair<string, string?>> query, bool replace = false) =>
        PushPatch(QueryHelpers.AddQueryString(path, query), replace);

    /// <summary>Navigates to another live view at <paramref name="path"/> (on this site) without reloading the page.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a path on this site such as <c>/orders/7</c>.</exception>
    public void PushNavigate(string path, bool replace = false) =>
        Effects.Navigation = new(NavigationKind.Navigate, NavigationUrls.RequireLocal(path, nameof(PushNavigate), nameof(path)), replace);

    /// <summary>Navigates to another live view at <paramref name="path"/> with these query parameters added.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a path on this site.</exception>
    public void PushNavigate(string path, IEnumerable<KeyValuePair<string, string?>> query, bool replace = false) =>
        PushNavigate(QueryHelpers.AddQueryString(path, query), replace);

    /// <summary>Navigates to another live view, replacing the current history entry: <c>PushNavigate(path, replace: true)</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a path on this site.</exception>
    public void ReplaceNavigate(string path) => PushNavigate(path, replace: true);

    /// <summary>
    /// Loads <paramref name="path"/>, a path on this site such as <c>/login?return=%2Forders</c>, as a
    /// new page. Flash messages go along. To leave the site, use <see cref="RedirectExternal(string, bool)"/>.
    /// </summary>
    /// <param name="path">Where to go.</param>
    /// <param name="replace">Whether the new page replaces the current history entry (Back then skips this page).</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a path on this site (another host, <c>//host</c>, a scheme).</exception>
    public void Redirect(string path, bool replace = false) =>
        Effects.Navigation = new(NavigationKind.Redirect, NavigationUrls.RequireLocal(path, nameof(Redirect), nameof(path)), replace);

    /// <summary>Loads <paramref name="path"/> (on this site) with these query parameters added.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a path on this site.</exception>
    public void Redirect(string path, IEnumerable<KeyValuePair<string, string?>> query, bool replace = false) =>
        Redirect(QueryHelpers.AddQueryString(path, query), replace);

    /// <summary>
    /// Loads <paramref name="url"/> on another site (Phoenix's <c>redirect(socket, external: url)</c>). Only
    /// absolute <c>http://</c> and <c>https://</c> URLs: never pass a URL taken from the request unchecked,
    /// or the page becomes an open redirect.
    /// </summary>
    /// <param name="url">Where to go.</param>
    /// <param name="replace">Whether the new page replaces the current history entry.</param>
    /// <exception cref="ArgumentException"><paramref name="url"/> is not an absolute http(s) URL (e.g. <c>javascript:</c>, <c>//host</c>).</exception>
    public void RedirectExternal(string url, bool replace = false) =>
        Effects.Navigation = new(NavigationKind.Redirect, NavigationUrls.RequireHttp(url, nameof(url)), replace, External: true);

    /// <summary>Loads <paramref name="url"/> on another site with these query parameters added.</summary>
    /// <exception cref="ArgumentException"><paramref name="url"/> is not an absolute http(s) URL.</exception>
    public void RedirectExternal(string url, IEnumerable<KeyValuePair<string, string?>> query, bool replace = false) =>
        RedirectExternal(QueryHelpers.AddQueryString(url, query), replace);

    /// <summary>
    /// Dispatches <c>phx:NAME</c> on the browser's window with <paramref name="payload"/> as detail,
    /// after the next patch; hooks receive it with <c>this.handleEvent(name, …)</c>.
    /// </summary>
    public void PushEvent(string name, object? payload = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        (Effects.Events ??= []).Add(new(name, payload));
    }

    /// <summary>
    /// Answers the event being handled: a hook's <c>this.pushEvent(name, value, reply =&gt; …)</c>
    /// receives <paramref name="payload"/> (sent as <c>"r"</c> in the event's reply). Ignored outside an event.
    /// </summary>
    public void Reply(object? payload)
    {
        Effects.SetReply(payload);
    }

    /// <summary>Moves the browser's focus to the first element matching <paramref name="selector"/>.</summary>
    public void Focus(string selector) => PushEvent("hyper:focus", new { selector });

    /// <summary>
    /// Scrolls the first element matching <paramref name="selector"/> into view (<c>block</c>: start, center, end,
    /// nearest); with no selector (null or empty), scrolls the page to the top.
    /// </summary>
    public void Scroll(string? selector = null, string block = "start")
    {
        if (string.IsNullOrEmpty(selector))
        {
            PushEvent("hyper:scroll", new { top = true });
        }
        else
        {
            PushEvent("hyper:scroll", new { selector, block });
        }
    }

    /// <summary>Makes the browser download <paramref name="url"/>, saved as <paramref name="fileName"/> when given.</summary>
    public void Download(string url, string? fileName = null) => PushEvent("hyper:download", new { url, filename = fileName });

    /// <summary>Runs JavaScript in the page: <paramref name="code"/> is a function body that receives <c>args</c>.</summary>
    public void RunJavaScript(string code, object? args = null) => PushEvent("hyper:js", new { code, args });

    private LiveTimer Schedule(object message, TimeSpan due, TimeSpan? period)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Host is null)
        {
            var idle = new LiveTimer(static _ => { });
            idle.Cancel();
            return idle;
        }

        return Host.Schedule(message, due, period);
    }

    /// <summary>
    /// Runs <paramref name="update"/> on the component of class <typeparamref name="TComponent"/> with id
    /// <paramref name="id"/> (Phoenix's <c>send_update</c>), in the view's mailbox after the current callback,
    /// then renders it. Safe to call from any thread; nothing happens when no such component is on the page
    /// or while not connected.
    /// </summary>
    public void SendUpdate<TComponent>(string id, Action<TComponent> update)
        where TComponent : LiveComponent
    {
        ArgumentNullException.ThrowIfNull(update);
        Host?.SendUpdate(typeof(TComponent), id, component => update((TComponent)component));
    }

    /// <summary>Embeds the live component of class <typeparamref name="TComponent"/> with this id: <c>{{Component&lt;Chat&gt;("chat")}}</c>.</summary>
    protected static Html Component<TComponent>(string id)
        where TComponent : LiveComponent, new() => ComponentRequest<TComponent>.Embed(id);

    /// <summary>Embeds the live component of class <typeparamref name="TComponent"/> with this id, passing it <paramref name="props"/>.</summary>
    protected static Html Component<TComponent, TProps>(string id, TProps props)
        where TComponent : LiveComponent<TProps>, new() => ComponentRequest<TComponent, TProps>.Embed(id, props);

    /// <summary>
    /// Embeds the live view <typeparamref name="TView"/> in this one (Phoenix's <c>live_render</c>):
    /// <c>{{LiveRender&lt;Clock&gt;("clock")}}</c>. It has its own mount, state, handlers, timers and
    /// subscriptions, joins on its own channel and crashes alone; it ends when this view stops rendering it.
    /// </summary>
    /// <param name="id">Its container's DOM id: unique in the page; give it a new id to mount it again.</param>
    protected Html LiveRender<TView>(string id)
        where TView : LiveView => NestedContainer<TView>(id, null, hasProps: false);

    /// <summary>Embeds the live view <typeparamref name="TView"/> with <paramref name="props"/>, read when it mounts (see <see cref="LiveRender{TView}(string)"/>).</summary>
    /// <param name="id">Its container's DOM id: unique in the page; give it a new id to mount it again with other props.</param>
    /// <param name="props">What it gets as <see cref="LiveView{TProps}.Props"/>: serialized to JSON into its signed token.</param>
    protected Html LiveRender<TView, TProps>(string id, TProps props)
        where TView : LiveView<TProps> => NestedContainer<TView>(id, props, hasProps: true);

    private Html NestedContainer<TView>(string id, object? props, bool hasProps)
        where TView : LiveView =>
        (Nested ?? throw new InvalidOperationException(
            $"LiveRender<{typeof(TView).Name}> works only in {GetType().Name}.Render() while Hyper.Live renders it (the HTTP render or a joined session)"))
            .Render<TView>(id, props, hasProps);

    /// <summary>Where <c>LiveRender</c> writes the containers of embedded views; set by whoever renders this view.</summary>
    internal NestedViews? Nested { get; set; }

    /// <summary>Takes the props of an embedded view from its token (<see cref="LiveView{TProps}"/>); nothing for a view without props.</summary>
    internal virtual void ReadProps(string? json)
    {
    }

    /// <summary>Returns the page's HTML as a template; called after every change.</summary>
    public abstract Html Render();

    /// <summary>Sets up the initial state; called for the HTTP render and again when connected.</summary>
    protected internal virtual void Mount(LiveParams parameters)
    {
    }

    /// <summary>
    /// Runs <paramref name="run"/> after every callback of the connected view — an event handler, a message, a URL
    /// patch, background work completing, and the join itself — before the view renders, in the view's mailbox (e.g.
    /// to save what the handler changed: <c>Persistent&lt;T&gt;</c> does). What it throws is handled like a throwing handler.
    /// Register it in <see cref="Mount"/>; ignored while not connected.
    /// </summary>
    public void AfterEachCallback(Func<CancellationToken, Task> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (Host is not null)
        {
            (afterCallbacks ??= []).Add(run);
        }
    }

    /// <summary>What <see cref="AfterEachCallback"/> registered; null when nothing.</summary>
    internal List<Func<CancellationToken, Task>>? AfterCallbacks => afterCallbacks;

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

    /// <summary>Handles a message sent to this view (pub/sub, timers, <see cref="SendInfo"/>, <see cref="BroadcastTo"/>).</summary>
    protected internal virtual void HandleInfo(object message)
    {
    }

    /// <summary>The asynchronous form of <see cref="HandleInfo(object)"/>; by default calls it.</summary>
    protected internal virtual Task HandleInfoAsync(object message, CancellationToken cancellationToken)
    {
        HandleInfo(message);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Handles a message together with the pub/sub <paramref name="topic"/> it was broadcast on (null for
    /// <see cref="SendInfo"/>, timers and <see cref="BroadcastTo"/>). By default — and when an override calls
    /// <c>base.HandleInfo(topic, message)</c> — the message goes on to <see cref="HandleInfoAsync(object, CancellationToken)"/>.
    /// </summary>
    protected internal virtual void HandleInfo(string? topic, object message) => infoNotHandled = true;

    /// <summary>
    /// The asynchronous form of <see cref="HandleInfo(string?, object)"/>, which the session calls for every message;
    /// by default calls it, then <see cref="HandleInfoAsync(object, CancellationToken)"/> unless it handled the message.
    /// </summary>
    protected internal virtual Task HandleInfoAsync(string? topic, object message, CancellationToken cancellationToken)
    {
        infoNotHandled = false;
        HandleInfo(topic, message);
        return infoNotHandled ? HandleInfoAsync(message, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>
    /// The page around this view for the HTTP render; null (the default) uses the app's
    /// <see cref="HyperLiveOptions.Layout"/>.
    /// </summary>
    protected internal virtual Html? Layout(LiveLayoutContext context) => null;

    /// <summary>Called once the view is connected: after <see cref="Mount"/> and <see cref="HandleParams"/> of the join.</summary>
    protected internal virtual Task OnMountAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Called when a reconnecting page re-attached this view (see <see cref="HyperLiveOptions.DisconnectedSessionRetention"/>):
    /// no new <see cref="Mount"/>, its fields are as they were, and the rejoin renders them in full. Only what the view
    /// does not keep is gone: the browser empties its <see cref="LiveStream{T}"/> containers on every join, so insert
    /// again what they should show (<c>messages.Reset(history)</c>), as <see cref="Mount"/> did.
    /// </summary>
    protected internal virtual Task OnReattachAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Sees every error of the connected view: a handler that threw (the session then ends and the
    /// browser rejoins with a fresh mount), a <see cref="RecoverableError"/> (shown as an error flash),
    /// or bad input the session answers with an error reply and carries on after: an event whose
    /// parameters could not be bound (<see cref="InvalidParameterException"/>), for no handler or
    /// from a binding no longer on the page (<see cref="UnknownEventException"/>).
    /// </summary>
    protected internal virtual void OnError(Exception error)
    {
    }

    /// <summary>Called once when the connected view goes away: the page left, closed or crashed.</summary>
    protected internal virtual ValueTask OnUnmountAsync() => ValueTask.CompletedTask;

    /// <summary>The view's uploads by name (<c>{{Uploads["avatar"].Input()}}</c>), made with <see cref="AllowUpload"/>.</summary>
    public UploadCollection Uploads { get; } = new();

    /// <summary>
    /// Lets the page upload files as <paramref name="name"/> (Phoenix's <c>allow_upload</c>); call it in
    /// <see cref="Mount"/>, render <c>{{Uploads[name].Input()}}</c> inside a form with <c>@change</c>, and read
    /// finished files with <see cref="ConsumeUploadedEntriesAsync{T}"/>. Calling it again for the same name
    /// starts over (selected files are dropped).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">MaxEntries, MaxFileSize or ChunkSize is below 1.</exception>
    public UploadConfig AllowUpload(string name, UploadOptions? options = null) => Uploads.Allow(name, options ?? new());

    /// <summary>
    /// Drops the file <paramref name="entryRef"/> (<see cref="UploadEntry.Ref"/>) of upload <paramref name="name"/>:
    /// its upload stops, its temporary file is deleted. Unknown refs are ignored (the entry may have been consumed).
    /// </summary>
    /// <exception cref="KeyNotFoundException">The view has no upload named <paramref name="name"/>.</exception>
    public void CancelUpload(string name, string entryRef) => Uploads[name].Cancel(entryRef);

    /// <summary>
    /// Hands each completely uploaded file of <paramref name="name"/> to <paramref name="consume"/> as a stream
    /// (e.g. to copy it to storage), then deletes the temporary file and forgets the entry, whether
    /// <paramref name="consume"/> succeeded or threw. Returns what it returned, in selection order.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The view has no upload named <paramref name="name"/>.</exception>
    public Task<IReadOnlyList<T>> ConsumeUploadedEntriesAsync<T>(string name, Func<UploadEntry, Stream, CancellationToken, Task<T>> consume, CancellationToken cancellationToken = default) =>
        Uploads[name].ConsumeAsync(consume, cancellationToken);

    /// <summary>The same as <see cref="ConsumeUploadedEntriesAsync{T}"/> for a <paramref name="consume"/> that returns nothing.</summary>
    /// <exception cref="KeyNotFoundException">The view has no upload named <paramref name="name"/>.</exception>
    public Task ConsumeUploadedEntriesAsync(string name, Func<UploadEntry, Stream, CancellationToken, Task> consume, CancellationToken cancellationToken = default) =>
        Uploads[name].ConsumeAsync(async (entry, stream, ct) =>
        {
            await consume(entry, stream, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>
    /// The input the last event carried that its handler refused (a value that did not convert or
    /// failed validation), rendered with the refusing reply: show it with <c>{{InputErrors.Render()}}</c>
    /// or <c>{{InputErrors.For("age")}}</c>. Cleared when the next event arrives.
    /// </summary>
    public InputErrors InputErrors { get; } = new();
}
