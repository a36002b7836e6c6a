using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Hyper.Live.Testing.Connection;
using Hyper.Live.Testing.Dom;

namespace Hyper.Live.Testing;

/// <summary>
/// A live page as a browser tab holds it: loaded over HTTP, joined over its own socket with the
/// real Phoenix protocol, and kept up to date by applying every reply and server push with the
/// JavaScript client's merge rules. Interactions read the current HTML the way the client does
/// (<c>phx-click</c>, <c>phx-value-*</c>, form fields, <c>phx-target</c>) and complete once the
/// server has answered and the answer is applied.
/// </summary>
/// <remarks>
/// Server pushes (timers, pub/sub) are applied as they arrive; <see cref="NextUpdateAsync"/> and
/// <see cref="WaitForAsync"/> wait for them. A diff the real client could not apply fails the next
/// call on the page, so every test also checks the server's diffs.
/// </remarks>
public sealed partial class LivePage : IAsyncDisposable
{
    private const string FlashCookie = "__phoenix_flash__";

    private readonly LiveClient client;
    private readonly LiveChannel channel;
    private readonly EventDispatcher dispatcher;

    internal LivePage(LiveClient client, Uri url, string deadHtml, IDocument page, IElement container)
    {
        this.client = client;
        DeadHtml = deadHtml;
        ViewId = container.Id ?? throw new InvalidOperationException("The live view container has no id.");
        channel = new LiveChannel(client, url, page, container, ViewId);
        dispatcher = new EventDispatcher(channel);
    }

    /// <summary>The whole page the HTTP request returned (the "dead" render, before the socket joined).</summary>
    public string DeadHtml { get; }

    /// <summary>The id of the view's container element; the channel topic is <c>lv:</c> + this id.</summary>
    public string ViewId { get; }

    /// <summary>The view's HTML (the container's children) as the browser's DOM has it now.</summary>
    public string Html => channel.Snapshot.Document.Html;

    /// <summary>The page's URL, following live patches and live navigation.</summary>
    public Uri Url => channel.Snapshot.Url;

    /// <summary>The document title: the page's <c>&lt;title&gt;</c>, updated by the server's <c>"t"</c> with the client's prefix/suffix/default rules.</summary>
    public string? Title => channel.Snapshot.Title;

    /// <summary>How many times the view joined successfully since the page (or its last live navigation) loaded; a rejoin sends this as <c>_mounts</c>.</summary>
    public int Mounts => channel.Snapshot.Mounts;

    /// <summary>Whether the view is joined over an open socket.</summary>
    public bool IsConnected => channel.Snapshot.IsConnected;

    /// <summary>Every event the server pushed to the window (<c>"e"</c>, push_event), in dispatch order.</summary>
    public IReadOnlyList<ClientPushEvent> Events => channel.Snapshot.Events;

    /// <summary>The last error the server answered (an error reply, or a reply carrying <c>error</c>) or pushed (a crash), or null.</summary>
    public LiveError? LastError => channel.Snapshot.LastError;

    /// <summary>
    /// Where the server sent the browser with a full page load (<c>redirect</c>), or null. Live
    /// navigation (<c>live_redirect</c>) is followed in place instead: see <see cref="Url"/>.
    /// </summary>
    public LiveRedirect? Redirected => channel.Snapshot.Redirected;

    /// <summary>
    /// The server-side view instance serving this page now (after a rejoin or live navigation, the new one),
    /// for white-box assertions. It runs on the server's session loop: read it between interactions, not while a timer may fire.
    /// </summary>
    /// <exception cref="InvalidOperationException">The app runs in another process, or no view is mounted for this page.</exception>
    public LiveView View => ViewRegistry.Find(Topic)
        ?? throw new InvalidOperationException($"No view is mounted for {Topic} in this process (is the page connected, and does the app run in this process?).");

    private string Topic => "lv:" + ViewId;

    /// <summary>
    /// The flash messages of the view serving this page (<c>page.Flash["info"]</c>); after a redirect, those of the
    /// page it led to once followed with <see cref="FollowRedirectAsync"/>.
    /// </summary>
    public LiveFlash Flash => View.Flash;

    /// <summary>The view instance as its type, for white-box assertions on its state.</summary>
    /// <typeparam name="T">The view's type.</typeparam>
    public T State<T>()
        where T : LiveView
    {
        var view = View;
        return view as T ?? throw new InvalidOperationException($"The page shows {view.GetType().Name}, not {typeof(T).Name}.");
    }

    /// <summary>
    /// The live component of class <typeparamref name="T"/> with this id on the page: its server-side state,
    /// its element, and interactions inside it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The view has no such component (never rendered, or destroyed after the page dropped it).</exception>
    public PageComponent<T> Component<T>(string id)
        where T : LiveComponent =>
        new(this, HasComponent<T>(id) ? (T)View.Host!.FindComponent(typeof(T), id)!
            : throw new InvalidOperationException($"{View.GetType().Name} has no live component {typeof(T).Name} with the id \"{id}\" (not rendered yet, or destroyed)."));

    /// <summary>
    /// Whether the server keeps the live component of class <typeparamref name="T"/> with this id for this page:
    /// false once the page dropped it and announced it (<c>cids_will_destroy</c>; <c>cids_destroyed</c> then removes it).
    /// </summary>
    public bool HasComponent<T>(string id)
        where T : LiveComponent => View.Host?.FindComponent(typeof(T), id) is T;

    /// <summary>The elements of the view matching a CSS selector, in document order.</summary>
    /// <param name="selector">A CSS selector (AngleSharp also understands <c>:contains("text")</c>).</param>
    public IReadOnlyList<IElement> QueryAll(string selector) => channel.CurrentDocument().QueryAll(selector);

    /// <summary>The single element matching <paramref name="selector"/>, optionally the one whose text contains <paramref name="text"/>.</summary>
    /// <exception cref="InvalidOperationException">None or several match; the message shows them or the HTML.</exception>
    public IElement Element(string selector, string? text = null) => channel.CurrentDocument().Element(selector, text);

    /// <summary>Whether any element matches <paramref name="selector"/> (and contains <paramref name="text"/> when given).</summary>
    public bool Has(string selector, string? text = null) =>
        channel.CurrentDocument().QueryAll(selector).Any(e => text is null || PageDocument.NormalizedText(e).Contains(text, StringComparison.Ordinal));

    /// <summary>The text of the single element matching <paramref name="selector"/>, whitespace collapsed as a reader sees it.</summary>
    public string Text(string selector) => PageDocument.NormalizedText(Element(selector));

    /// <summary>
    /// Clicks an element, or sends a click event by name. A selector that matches one element clicks it as the browser
    /// would: the closest <c>phx-click</c> (an event name or JS commands) with its <c>phx-value-*</c>, <c>value</c> and
    /// <c>phx-target</c>, or a live link (<c>data-phx-link</c>). A target that matches nothing and reads as a name
    /// (<c>increment</c>, <c>add_todo</c>) is sent as that event with only <paramref name="values"/>.
    /// </summary>
    /// <param name="target">A CSS selector, or an event name.</param>
    /// <param name="values">Extra values merged last into the event's value (an anonymous object or dictionary).</param>
    /// <param name="cancellationToken">Cancels the wait for the reply.</param>
    public Task ClickAsync(string target, object? values = null, CancellationToken cancellationToken = default) =>
        dispatcher.Click(target, values, cancellationToken);

    /// <summary>Presses a key on an element with <c>phx-keydown</c> (or <c>phx-window-keydown</c>), or sends a keydown event by name. A <c>phx-key</c> filter that does not match sends nothing, as in the browser.</summary>
    /// <param name="target">A CSS selector, or an event name.</param>
    /// <param name="key">The key, as <c>KeyboardEvent.key</c> names it (<c>Enter</c>, <c>Escape</c>, <c>a</c>).</param>
    /// <param name="values">Extra values merged last into the event's value.</param>
    /// <param name="cancellationToken">Cancels the wait for the reply.</param>
    public Task KeyDownAsync(string target, string key, object? values = null, CancellationToken cancellationToken = default) =>
        dispatcher.Key("keydown", target, key, values, cancellationToken);

    /// <summary>Releases a key on an element with <c>phx-keyup</c> (or <c>phx-window-keyup</c>), or sends a keyup event by name. See <see cref="KeyDownAsync"/>.</summary>
    /// <param name="target">A CSS selector, or an event name.</param>
    /// <param name="key">The key, as <c>KeyboardEvent.key</c> names it.</param>
    /// <param name="values">Extra values merged last into the event's value.</param>
    /// <param name="cancellationToken">Cancels the wait for the reply.</param>
    public Task KeyUpAsync(string target, string key, object? values = null, CancellationToken cancellationToken = default) =>
        dispatcher.Key("keyup", target, key, values, cancellationToken);

    /// <summary>Focuses an element with <c>phx-focus</c> (or <c>phx-window-focus</c>), or sends a focus event by name. A focused form field counts as used.</summary>
    /// <param name="target">A CSS selector, or an event name.</param>
    /// <param name="values">Extra values merged last into the event's value.</param>
    /// <param name="cancellationToken">Cancels the wait for the reply.</param>
    public Task FocusAsync(string target, object? values = null, CancellationToken cancellationToken = default) =>
        dispatcher.FocusChange("focus", target, values, cancellationToken);

    /// <summary>Blurs an element with <c>phx-blur</c> (or <c>phx-window-blur</c>), or sends a blur event by name.</summary>
    /// <param name="target">A CSS selector, or an event name.</param>
    /// <param name="values">Extra values merged last into the event's value.</param>
    /// <param name="cancellationToken">Cancels the wait for the reply.</param>
    public Task BlurAsync(string target, object? values = null, CancellationToken cancellationToken = default) =>
        dispatcher.FocusChange("blur", target, values, cancellationToken);

    /// <summary>
    /// Fires any DOM event at an element as the browser would (<c>dblclick</c>, <c>input</c>, <c>mouseenter</c>, …), running its
    /// Phoenix binding and its Hyper <c>@event</c> bindings with their bubbling and <c>.stop</c>; rate limits
    /// (<c>.debounce</c>, <c>.throttle</c>) do not delay anything in tests. Or sends the event a name names.
    /// </summary>
    /// <param name="target">A CSS selector, or an event name.</param>
    /// <param name="eventType">The DOM event type.</param>
    /// <param name="values">Extra values merged last into the event's value, e.g. <c>new { value = "typed" }</c> for what an input holds.</param>
    /// <param name="cancellationToken">Cancels the wait for the replies.</param>
    public Task TriggerAsync(string target, string eventType, object? values = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        return dispatcher.Fire(eventType, target, null, values, cancellationToken);
    }

    /// <summary>
    /// Submits a form's <c>phx-submit</c> event: its fields as the current HTML has them, with <paramref name="fields"/>
    /// typed over them. Naming a field the form does not have fails, so a typo cannot pass silently.
    /// </summary>
    /// <param name="form">A CSS selector of the form (or of an element inside it).</param>
    /// <param name="fields">Field values by name: <c>new { title = "Milk" }</c>, nested objects for <c>user[name]</c>, sequences for <c>tags[]</c>, <c>true</c>/<c>false</c> for a checkbox.</param>
    /// <param name="submitter">A CSS selector of the submit button whose name and value are sent, if any.</param>
    /// <param name="cancellationToken">Cancels the wait for the reply.</param>
    public Task SubmitAsync(string form, object? fields = null, string? submitter = null, CancellationToken cancellationToken = default)
    {
        var document = channel.CurrentDocument();
        var formElement = FormOf(document.Element(form), form);
        var (eventName, bindingValue) = FormBinding(formElement, formElement.GetAttribute("phx-submit")
            ?? throw new InvalidOperationException($"The form {PageDocument.Describe(formElement)} has no phx-submit: the browser would post it over HTTP."));
        var submitterElement = submitter is null ? null : formElement.QuerySelector(submitter)
            ?? throw new InvalidOperationException($"The form {PageDocument.Describe(formElement)} has no element matching '{submitter}'.");
        var entries = FormSerializer.Serialize(formElement, FieldValues.Flatten(fields), strict: true, submitterElement);
        var payload = new JsonObject
        {
            ["type"] = "form",
            ["event"] = eventName,
            ["value"] = FormEncoding.Encode(entries),
            ["meta"] = EventValue.Compose(formElement, null, bindingValue),
        };
        return Send();

        async Task Send()
        {
            await channel.UpdateForms(forms => forms.Submitted(formElement), cancellationToken).ConfigureAwait(false);
            await dispatcher.PushForm(document, formElement, payload, $"submit \"{eventName}\"", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends a form's <c>phx-change</c> event as typing into it does: the fields as the current HTML has them with
    /// <paramref name="fields"/> typed over them, <c>_target</c> naming the changed field, and <c>_unused_</c> keys for
    /// fields not touched yet. An input with its own <c>phx-change</c> sends only itself.
    /// </summary>
    /// <param name="form">A CSS selector of the form, or of an input inside it.</param>
    /// <param name="fields">Field values by name, as for <see cref="SubmitAsync"/>.</param>
    /// <param name="target">The field that changed (<c>_target</c>); by default the first of <paramref name="fields"/>.</param>
    /// <param name="cancellationToken">Cancels the wait for the reply.</param>
    public Task ChangeAsync(string form, object? fields = null, string? target = null, CancellationToken cancellationToken = default) =>
        Change(form, fields, target, uploads: null, cancellationToken);

    /// <summary>The change event of <see cref="ChangeAsync"/>, declaring files selected in a file input when <paramref name="uploads"/> is given.</summary>
    private Task Change(string form, object? fields, string? target, JsonObject? uploads, CancellationToken cancellationToken)
    {
        var document = channel.CurrentDocument();
        var element = document.Element(form);
        var formElement = FormOf(element, form);
        var ownBinding = element != formElement ? element.GetAttribute("phx-change") : null;
        var (eventName, bindingValue) = FormBinding(formElement, ownBinding ?? formElement.GetAttribute("phx-change")
            ?? throw new InvalidOperationException($"The form {PageDocument.Describe(formElement)} has no phx-change."));
        var given = FormSerializer.ResolveNames(formElement, FieldValues.Flatten(fields));
        var changed = target ?? (ownBinding is not null ? element.GetAttribute("name") : null) ?? given.Select(f => f.Key).FirstOrDefault()
            ?? FormSerializer.Fields(formElement).FirstOrDefault(f => !FormSerializer.IsHidden(f))?.GetAttribute("name");
        return Send();

        async Task Send()
        {
            var isUsed = await channel.UpdateForms(forms => forms.Changed(formElement, given, changed), cancellationToken).ConfigureAwait(false);
            var entries = FormSerializer.Serialize(formElement, given, strict: true, isUsed: isUsed, onlyName: ownBinding is null ? null : element.GetAttribute("name"));
            var meta = EventValue.Compose(formElement, new JsonObject { ["_target"] = changed ?? "undefined" }, bindingValue);
            var payload = new JsonObject
            {
                ["type"] = "form",
                ["event"] = eventName,
                ["value"] = FormEncoding.Encode(entries),
                ["meta"] = meta,
                ["uploads"] = uploads ?? new JsonObject(),
            };
            await dispatcher.PushForm(document, formElement, payload, $"change \"{eventName}\"", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Pushes an event as a client hook's <c>pushEvent</c> (or <c>pushEventTo</c>) does, and returns the hook reply (the reply's <c>"r"</c>).</summary>
    /// <param name="eventName">The event name.</param>
    /// <param name="value">The payload object; kept as JSON with its types.</param>
    /// <param name="target">For <c>pushEventTo</c>: a component id or a CSS selector inside a component.</param>
    /// <param name="cancellationToken">Cancels the wait for the reply.</param>
    /// <returns>The reply the view gave the hook, or null when it gave none.</returns>
    public async Task<JsonNode?> PushHookAsync(string eventName, object? value = null, string? target = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var document = channel.CurrentDocument();
        var cids = target is null ? [null] : document.ComponentTargets(document.Body, target);
        var json = FieldValues.ToJson(value) ?? [];
        var last = await dispatcher.SendToTargets(cids, cid => EventDispatcher.Payload("hook", eventName, (JsonObject)json.DeepClone(), cid), $"hook \"{eventName}\"", eventName, cancellationToken).ConfigureAwait(false);
        return last.HookReply;
    }

    /// <summary>Patches the URL as a <c>patch</c> link does (<c>live_patch</c>): the view handles its params again without remounting. If the URL belongs to another view, this navigates to it.</summary>
    /// <param name="path">A path (<c>/todos?filter=done</c>) or absolute URL.</param>
    /// <param name="cancellationToken">Cancels the wait for the reply.</param>
    public Task PatchAsync(string path, CancellationToken cancellationToken = default) => channel.Patch(path, cancellationToken);

    /// <summary>Navigates live as a <c>navigate</c> link does: leaves the view and joins the one at <paramref name="path"/> on the same socket, without a page load.</summary>
    /// <param name="path">A path or absolute URL served by a live view of the same app.</param>
    /// <param name="cancellationToken">Cancels the wait for the new view's join.</param>
    public Task NavigateAsync(string path, CancellationToken cancellationToken = default) => channel.Navigate(path, cancellationToken);

    /// <summary>
    /// Waits for the next update the server pushed on its own (a timer, pub/sub, a redirect, a crash and rejoin), in
    /// arrival order; an update that arrived before the call is returned at once.
    /// </summary>
    /// <param name="timeout">How long to wait; the client's <see cref="LiveClient.Timeout"/> by default.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="TimeoutException">Nothing arrived in time.</exception>
    public async Task NextUpdateAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        channel.Snapshot.ThrowIfFailed();
        var wait = timeout ?? client.Timeout;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(wait);
        try
        {
            await channel.Updates.ReadAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The server pushed no update to {Url.PathAndQuery} within {wait.TotalSeconds:0.###} s. The view's HTML:\n{Html}");
        }

        channel.Snapshot.ThrowIfFailed();
    }

    /// <summary>Waits until <paramref name="condition"/> holds, checking it now and after every server update.</summary>
    /// <param name="condition">What to wait for, e.g. <c>p =&gt; p.Has("li", "done")</c>.</param>
    /// <param name="timeout">How long to wait in all; the client's <see cref="LiveClient.Timeout"/> by default.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="TimeoutException">The condition did not hold in time.</exception>
    public async Task WaitForAsync(Func<LivePage, bool> condition, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var wait = timeout ?? client.Timeout;
        var deadline = DateTime.UtcNow + wait;
        while (!condition(this))
        {
            var left = deadline - DateTime.UtcNow;
            try
            {
                await NextUpdateAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"The condition did not hold within {wait.TotalSeconds:0.###} s. The view's HTML:\n{Html}");
            }
        }
    }

    /// <summary>
    /// Drops the connection as a lost network does (no close handshake). The server keeps the view detached for
    /// <see cref="HyperLiveOptions.DisconnectedSessionRetention"/>; <see cref="ReconnectAsync"/> comes back. Meanwhile the
    /// page shows what it had, and the view still handles timers and broadcasts (their renders are not sent).
    /// </summary>
    /// <param name="cancellationToken">Cancels the disconnect.</param>
    public Task DisconnectAsync(CancellationToken cancellationToken = default) => channel.Disconnect(cancellationToken);

    /// <summary>
    /// Reconnects as the browser does after a lost network (dropping the connection first unless
    /// <see cref="DisconnectAsync"/> did): a new socket, the same view joined again with <c>_mounts</c> &gt; 0 and the
    /// current URL, and form recovery (protocol §9.3) for forms with an id and <c>phx-change</c>, sent with what the test
    /// last typed into them. The server re-attaches the same view instance while it keeps it (state intact, no mount),
    /// else mounts a fresh one; either way the page gets a full render. Shows what survives a reconnect.
    /// </summary>
    /// <param name="cancellationToken">Cancels the reconnect.</param>
    public Task ReconnectAsync(CancellationToken cancellationToken = default) => channel.Reconnect(cancellationToken);

    /// <summary>Follows <see cref="Redirected"/> as the browser does: carries its flash in the <c>__phoenix_flash__</c> cookie and loads the target page.</summary>
    /// <param name="cancellationToken">Cancels loading the page.</param>
    /// <returns>The page the redirect leads to.</returns>
    /// <exception cref="InvalidOperationException">There was no redirect, or it leads out of the app.</exception>
    public Task<LivePage> FollowRedirectAsync(CancellationToken cancellationToken = default)
    {
        var redirect = Redirected ?? throw new InvalidOperationException($"{Url.PathAndQuery} was not redirected.");
        var target = channel.Resolve(redirect.To);
        if (!string.Equals(target.GetLeftPart(UriPartial.Authority), client.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"The redirect leads out of the app, to {target}.");
        }

        if (redirect.Flash is not null)
        {
            client.Cookies.Add(target, new System.Net.Cookie(FlashCookie, redirect.Flash, "/"));
        }

        return client.LiveAsync(target.PathAndQuery, cancellationToken);
    }

    /// <summary>Closes the page's socket (and its embedded views'), as closing the browser tab does.</summary>
    public async ValueTask DisposeAsync()
    {
        await DisposeChildren().ConfigureAwait(false);
        await channel.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Opens the socket and joins the view with the page's tokens; recovers forms of <paramref name="recoverFrom"/> after a reconnect.</summary>
    internal Task Connect(IDocument? recoverFrom, CancellationToken cancellationToken) => channel.Connect(recoverFrom, cancellationToken);

    /// <summary>
    /// The event a form binding sends and the value its JS push adds to <c>meta</c> (Hyper's
    /// <c>@submit="add(title)"</c> sends <c>_args</c> that way): an event name, or a command list's push.
    /// </summary>
    private static (string Event, JsonObject? Value) FormBinding(IElement form, string binding)
    {
        if (!JsCommand.IsCommandList(binding))
        {
            return (binding, null);
        }

        var push = JsCommand.Parse(binding).FirstOrDefault(c => c.Op == JsCommand.Push && c.Event is not null)
            ?? throw new InvalidOperationException($"The form binding of {PageDocument.Describe(form)} pushes no event to the server: {binding}");
        return (push.Event!, push.Value);
    }

    private static IElement FormOf(IElement element, string selector) =>
        element as IHtmlFormElement ?? element.Closest("form")
        ?? throw new InvalidOperationException($"'{selector}' selects {PageDocument.Describe(element)}, which is not a form nor inside one.");
}
