using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Hyper.Live.Testing.Connection;
using Hyper.Live.Testing.Dom;
using Hyper.Live.Views;

namespace Hyper.Live.Testing;

/// <summary>
/// A live page as a browser tab holds it: loaded over HTTP, joined over its own socket with the
/// real Phoenix protocol, and kept up to date by applying every reply and server push with the
/// JavaScript client's merge rules. Interactions read the current HTML the way the client does
/// (<c>phx-click</c>, <c>phx-value-*</c>, form fields, <c>phx-target</c>) and complete once the
/// server has answered and the answer is applied.
/// </summary>
/// <remarks>
/// Server pushes (timers, pub/sub) are applied as they arrive; <see cref="NextUpdate"/> and
/// <see cref="WaitFor"/> wait for them. A diff the real client could not apply fails the next
/// call on the page, so every test also checks the server's diffs.
/// </remarks>
public sealed class LivePage : IAsyncDisposable
{
    private const string FlashCookie = "__phoenix_flash__";

    private readonly LiveClient client;
    private readonly object gate = new();
    private readonly Dictionary<string, PendingRequest> pending = new(StringComparer.Ordinal);
    private readonly Channel<string> updates = Channel.CreateUnbounded<string>();
    private readonly List<ClientPushEvent> events = [];
    private readonly Dictionary<string, List<KeyValuePair<string, string>>> typedFields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>?> usedFields = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource closing = new();
    private readonly HashSet<int> removedComponents = [];
    private readonly string csrfToken;
    private readonly string session;
    private readonly PageTitle title;
    private readonly List<string> trackStatic;
    private string? staticToken;
    private PhoenixConnection? connection;
    private Task receiving = Task.CompletedTask;
    private ClientRenderedTree? tree;
    private PageDocument document;
    private string? joinRef;
    private int nextRef;
    private int mounts;
    private int operations;
    private bool signalWhenSettled;
    private TaskCompletionSource settled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? failure;
    private bool disposed;
    private Uri url;
    private LiveError? lastError;
    private LiveRedirect? redirected;

    internal LivePage(LiveClient client, Uri url, string deadHtml, IDocument page, IElement container)
    {
        this.client = client;
        this.url = url;
        DeadHtml = deadHtml;
        ViewId = container.Id ?? throw new InvalidOperationException("The live view container has no id.");
        session = container.GetAttribute("data-phx-session")!;
        var statics = container.GetAttribute("data-phx-static");
        staticToken = string.IsNullOrEmpty(statics) ? null : statics;
        csrfToken = page.QuerySelector("meta[name='csrf-token']")?.GetAttribute("content")
            ?? throw new InvalidOperationException($"{url} has no <meta name=\"csrf-token\">: the socket could not be authorised.");
        title = new PageTitle(page.QuerySelector("title"));
        trackStatic = [.. page.QuerySelectorAll("[phx-track-static]")
            .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href"))
            .OfType<string>()
            .Select(src => new Uri(url, src).ToString())];
        document = new PageDocument(container.InnerHtml);
        settled.SetResult();
    }

    /// <summary>The whole page the HTTP request returned (the "dead" render, before the socket joined).</summary>
    public string DeadHtml { get; }

    /// <summary>The id of the view's container element; the channel topic is <c>lv:</c> + this id.</summary>
    public string ViewId { get; }

    /// <summary>The view's HTML (the container's children) as the browser's DOM has it now.</summary>
    public string Html
    {
        get
        {
            lock (gate)
            {
                return document.Html;
            }
        }
    }

    /// <summary>The page's URL, following live patches and live navigation.</summary>
    public Uri Url
    {
        get
        {
            lock (gate)
            {
                return url;
            }
        }
    }

    /// <summary>The document title: the page's <c>&lt;title&gt;</c>, updated by the server's <c>"t"</c> with the client's prefix/suffix/default rules.</summary>
    public string? Title
    {
        get
        {
            lock (gate)
            {
                return title.Text;
            }
        }
    }

    /// <summary>How many times the view joined successfully since the page (or its last live navigation) loaded; a rejoin sends this as <c>_mounts</c>.</summary>
    public int Mounts
    {
        get
        {
            lock (gate)
            {
                return mounts;
            }
        }
    }

    /// <summary>Whether the view is joined over an open socket.</summary>
    public bool IsConnected
    {
        get
        {
            lock (gate)
            {
                return connection is not null && joinRef is not null && redirected is null && failure is null;
            }
        }
    }

    /// <summary>Every event the server pushed to the window (<c>"e"</c>, push_event), in dispatch order.</summary>
    public IReadOnlyList<ClientPushEvent> Events
    {
        get
        {
            lock (gate)
            {
                return [.. events];
            }
        }
    }

    /// <summary>The last error the server answered (an error reply, or a reply carrying <c>error</c>) or pushed (a crash), or null.</summary>
    public LiveError? LastError
    {
        get
        {
            lock (gate)
            {
                return lastError;
            }
        }
    }

    /// <summary>
    /// Where the server sent the browser with a full page load (<c>redirect</c>), or null. Live
    /// navigation (<c>live_redirect</c>) is followed in place instead: see <see cref="Url"/>.
    /// </summary>
    public LiveRedirect? Redirected
    {
        get
        {
            lock (gate)
            {
                return redirected;
            }
        }
    }

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
    /// page it led to once followed with <see cref="FollowRedirect"/>.
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

    /// <summary>The elements of the view matching a CSS selector, in document order.</summary>
    /// <param name="selector">A CSS selector (AngleSharp also understands <c>:contains("text")</c>).</param>
    public IReadOnlyList<IElement> QueryAll(string selector) => Snapshot().QueryAll(selector);

    /// <summary>The single element matching <paramref name="selector"/>, optionally the one whose text contains <paramref name="text"/>.</summary>
    /// <exception cref="InvalidOperationException">None or several match; the message shows them or the HTML.</exception>
    public IElement Element(string selector, string? text = null) => Snapshot().Element(selector, text);

    /// <summary>Whether any element matches <paramref name="selector"/> (and contains <paramref name="text"/> when given).</summary>
    public bool Has(string selector, string? text = null) =>
        Snapshot().QueryAll(selector).Any(e => text is null || PageDocument.NormalizedText(e).Contains(text, StringComparison.Ordinal));

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
    public Task Click(string target, object? values = null, CancellationToken cancellationToken = default)
    {
        var snapshot = Snapshot();
        var element = snapshot.ElementOrEventName(target);
        if (element is null)
        {
            return PushEvents("click", target, EventValue.Compose(null, null, FieldValues.ToJson(values)), [null], cancellationToken);
        }

        var link = element.Closest("a[data-phx-link]");
        if (link is not null && element.Closest("[phx-click]") is null)
        {
            var href = link.GetAttribute("href") ?? throw new InvalidOperationException($"The live link {PageDocument.Describe(link)} has no href.");
            return link.GetAttribute("data-phx-link") == "patch" ? Patch(href, cancellationToken) : Navigate(href, cancellationToken);
        }

        return Dispatch(snapshot, element, "click", null, values, cancellationToken);
    }

    /// <summary>Presses a key on an element with <c>phx-keydown</c> (or <c>phx-window-keydown</c>), or sends a keydown event by name. A <c>phx-key</c> filter that does not match sends nothing, as in the browser.</summary>
    /// <param name="target">A CSS selector, or an event name.</param>
    /// <param name="key">The key, as <c>KeyboardEvent.key</c> names it (<c>Enter</c>, <c>Escape</c>, <c>a</c>).</param>
    /// <param name="values">Extra values merged last into the event's value.</param>
    /// <param name="cancellationToken">Cancels the wait for the reply.</param>
    public Task KeyDown(string target, string key, object? values = null, CancellationToken cancellationToken = default) =>
        Key("keydown", target, key, values, cancellationToken);

    /// <summary>Releases a key on an element with <c>phx-keyup</c> (or <c>phx-window-keyup</c>), or sends a keyup event by name. See <see cref="KeyDown"/>.</summary>
    /// <param name="target">A CSS selector, or an event name.</param>
    /// <param name="key">The key, as <c>KeyboardEvent.key</c> names it.</param>
    /// <param name="values">Extra values merged last into the event's value.</param>
    /// <param name="cancellationToken">Cancels the wait for the reply.</param>
    public Task KeyUp(string target, string key, object? values = null, CancellationToken cancellationToken = default) =>
        Key("keyup", target, key, values, cancellationToken);

    /// <summary>Focuses an element with <c>phx-focus</c> (or <c>phx-window-focus</c>), or sends a focus event by name. A focused form field counts as used.</summary>
    /// <param name="target">A CSS selector, or an event name.</param>
    /// <param name="values">Extra values merged last into the event's value.</param>
    /// <param name="cancellationToken">Cancels the wait for the reply.</param>
    public Task Focus(string target, object? values = null, CancellationToken cancellationToken = default) =>
        FocusChange("focus", target, values, cancellationToken);

    /// <summary>Blurs an element with <c>phx-blur</c> (or <c>phx-window-blur</c>), or sends a blur event by name.</summary>
    /// <param name="target">A CSS selector, or an event name.</param>
    /// <param name="values">Extra values merged last into the event's value.</param>
    /// <param name="cancellationToken">Cancels the wait for the reply.</param>
    public Task Blur(string target, object? values = null, CancellationToken cancellationToken = default) =>
        FocusChange("blur", target, values, cancellationToken);

    /// <summary>
    /// Fires any DOM event at an element as the browser would (<c>dblclick</c>, <c>input</c>, <c>mouseenter</c>, …), running its
    /// Phoenix binding and its Hyper <c>@event</c> bindings with their bubbling and <c>.stop</c>; rate limits
    /// (<c>.debounce</c>, <c>.throttle</c>) do not delay anything in tests. Or sends the event a name names.
    /// </summary>
    /// <param name="target">A CSS selector, or an event name.</param>
    /// <param name="eventType">The DOM event type.</param>
    /// <param name="values">Extra values merged last into the event's value, e.g. <c>new { value = "typed" }</c> for what an input holds.</param>
    /// <param name="cancellationToken">Cancels the wait for the replies.</param>
    public Task Trigger(string target, string eventType, object? values = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        return Fire(eventType, target, null, values, cancellationToken);
    }

    /// <summary>
    /// Submits a form's <c>phx-submit</c> event: its fields as the current HTML has them, with <paramref name="fields"/>
    /// typed over them. Naming a field the form does not have fails, so a typo cannot pass silently.
    /// </summary>
    /// <param name="form">A CSS selector of the form (or of an element inside it).</param>
    /// <param name="fields">Field values by name: <c>new { title = "Milk" }</c>, nested objects for <c>user[name]</c>, sequences for <c>tags[]</c>, <c>true</c>/<c>false</c> for a checkbox.</param>
    /// <param name="submitter">A CSS selector of the submit button whose name and value are sent, if any.</param>
    /// <param name="cancellationToken">Cancels the wait for the reply.</param>
    public Task Submit(string form, object? fields = null, string? submitter = null, CancellationToken cancellationToken = default)
    {
        var snapshot = Snapshot();
        var formElement = FormOf(snapshot.Element(form), form);
        var (eventName, bindingValue) = FormBinding(formElement, formElement.GetAttribute("phx-submit")
            ?? throw new InvalidOperationException($"The form {PageDocument.Describe(formElement)} has no phx-submit: the browser would post it over HTTP."));
        var submitterElement = submitter is null ? null : formElement.QuerySelector(submitter)
            ?? throw new InvalidOperationException($"The form {PageDocument.Describe(formElement)} has no element matching '{submitter}'.");
        var entries = FormSerializer.Serialize(formElement, FieldValues.Flatten(fields), strict: true, submitterElement);
        lock (gate)
        {
            // A submit marks every field used (no more _unused_ keys) and ends what recovery would restore.
            usedFields[FormKey(formElement)] = null;
            typedFields.Remove(FormKey(formElement));
        }

        var payload = new JsonObject
        {
            ["type"] = "form",
            ["event"] = eventName,
            ["value"] = FormEncoding.Encode(entries),
            ["meta"] = EventValue.Compose(formElement, null, bindingValue),
        };
        return PushForm(snapshot, formElement, payload, $"submit \"{eventName}\"", cancellationToken);
    }

    /// <summary>
    /// Sends a form's <c>phx-change</c> event as typing into it does: the fields as the current HTML has them with
    /// <paramref name="fields"/> typed over them, <c>_target</c> naming the changed field, and <c>_unused_</c> keys for
    /// fields not touched yet. An input with its own <c>phx-change</c> sends only itself.
    /// </summary>
    /// <param name="form">A CSS selector of the form, or of an input inside it.</param>
    /// <param name="fields">Field values by name, as for <see cref="Submit"/>.</param>
    /// <param name="target">The field that changed (<c>_target</c>); by default the first of <paramref name="fields"/>.</param>
    /// <param name="cancellationToken">Cancels the wait for the reply.</param>
    public Task Change(string form, object? fields = null, string? target = null, CancellationToken cancellationToken = default)
    {
        var snapshot = Snapshot();
        var element = snapshot.Element(form);
        var formElement = FormOf(element, form);
        var ownBinding = element != formElement ? element.GetAttribute("phx-change") : null;
        var (eventName, bindingValue) = FormBinding(formElement, ownBinding ?? formElement.GetAttribute("phx-change")
            ?? throw new InvalidOperationException($"The form {PageDocument.Describe(formElement)} has no phx-change."));
        var given = FormSerializer.ResolveNames(formElement, FieldValues.Flatten(fields));
        var changed = target ?? (ownBinding is not null ? element.GetAttribute("name") : null) ?? given.Select(f => f.Key).FirstOrDefault()
            ?? FormSerializer.Fields(formElement).FirstOrDefault(f => !FormSerializer.IsHidden(f))?.GetAttribute("name");
        var key = FormKey(formElement);
        Func<string, bool> isUsed;
        lock (gate)
        {
            var used = UsedFields(formElement);
            if (used is not null)
            {
                used.UnionWith(given.Select(f => f.Key));
                if (changed is not null)
                {
                    used.Add(changed);
                }

                var usedNow = used.ToHashSet(StringComparer.Ordinal);
                isUsed = usedNow.Contains;
            }
            else
            {
                isUsed = _ => true;
            }

            var typed = typedFields.TryGetValue(key, out var earlier) ? earlier.Where(f => !given.Any(g => g.Key == f.Key)).ToList() : [];
            typedFields[key] = [.. typed, .. given];
        }

        var entries = FormSerializer.Serialize(formElement, given, strict: true, isUsed: isUsed, onlyName: ownBinding is null ? null : element.GetAttribute("name"));
        var meta = EventValue.Compose(formElement, new JsonObject { ["_target"] = changed ?? "undefined" }, bindingValue);
        var payload = new JsonObject
        {
            ["type"] = "form",
            ["event"] = eventName,
            ["value"] = FormEncoding.Encode(entries),
            ["meta"] = meta,
            ["uploads"] = new JsonObject(),
        };
        return PushForm(snapshot, formElement, payload, $"change \"{eventName}\"", cancellationToken);
    }

    /// <summary>Pushes an event as a client hook's <c>pushEvent</c> (or <c>pushEventTo</c>) does, and returns the hook reply (the reply's <c>"r"</c>).</summary>
    /// <param name="eventName">The event name.</param>
    /// <param name="value">The payload object; kept as JSON with its types.</param>
    /// <param name="target">For <c>pushEventTo</c>: a component id or a CSS selector inside a component.</param>
    /// <param name="cancellationToken">Cancels the wait for the reply.</param>
    /// <returns>The reply the view gave the hook, or null when it gave none.</returns>
    public async Task<JsonNode?> PushHook(string eventName, object? value = null, string? target = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var snapshot = Snapshot();
        var cids = target is null ? [null] : snapshot.ComponentTargets(snapshot.Body, target);
        var json = FieldValues.ToJson(value) ?? [];
        var last = await SendToTargets(cids, cid => Payload("hook", eventName, (JsonObject)json.DeepClone(), cid), $"hook \"{eventName}\"", eventName, cancellationToken).ConfigureAwait(false);
        return last.HookReply;
    }

    /// <summary>Patches the URL as a <c>patch</c> link does (<c>live_patch</c>): the view handles its params again without remounting. If the URL belongs to another view, this navigates to it.</summary>
    /// <param name="path">A path (<c>/todos?filter=done</c>) or absolute URL.</param>
    /// <param name="cancellationToken">Cancels the wait for the reply.</param>
    public async Task Patch(string path, CancellationToken cancellationToken = default)
    {
        var target = Resolve(path);
        var request = await Send(PendingKind.Patch, "live_patch", new JsonObject { ["url"] = target.ToString() }, $"patch to {target.PathAndQuery}", "live_patch", cancellationToken, patchUrl: target).ConfigureAwait(false);
        await Await(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Navigates live as a <c>navigate</c> link does: leaves the view and joins the one at <paramref name="path"/> on the same socket, without a page load.</summary>
    /// <param name="path">A path or absolute URL served by a live view of the same app.</param>
    /// <param name="cancellationToken">Cancels the wait for the new view's join.</param>
    public async Task Navigate(string path, CancellationToken cancellationToken = default)
    {
        ThrowIfFailed();
        await StartNavigation(Resolve(path), flash: null, signal: false, cancellationToken).ConfigureAwait(false);
        await AwaitSettled($"navigation to {path}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits for the next update the server pushed on its own (a timer, pub/sub, a redirect, a crash and rejoin), in
    /// arrival order; an update that arrived before the call is returned at once.
    /// </summary>
    /// <param name="timeout">How long to wait; the client's <see cref="LiveClient.Timeout"/> by default.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="TimeoutException">Nothing arrived in time.</exception>
    public async Task NextUpdate(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ThrowIfFailed();
        var wait = timeout ?? client.Timeout;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(wait);
        try
        {
            await updates.Reader.ReadAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The server pushed no update to {Url.PathAndQuery} within {wait.TotalSeconds:0.###} s. The view's HTML:\n{Html}");
        }

        ThrowIfFailed();
    }

    /// <summary>Waits until <paramref name="condition"/> holds, checking it now and after every server update.</summary>
    /// <param name="condition">What to wait for, e.g. <c>p =&gt; p.Has("li", "done")</c>.</param>
    /// <param name="timeout">How long to wait in all; the client's <see cref="LiveClient.Timeout"/> by default.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="TimeoutException">The condition did not hold in time.</exception>
    public async Task WaitFor(Func<LivePage, bool> condition, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var wait = timeout ?? client.Timeout;
        var deadline = DateTime.UtcNow + wait;
        while (!condition(this))
        {
            var left = deadline - DateTime.UtcNow;
            try
            {
                await NextUpdate(left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"The condition did not hold within {wait.TotalSeconds:0.###} s. The view's HTML:\n{Html}");
            }
        }
    }

    /// <summary>
    /// Drops the connection as a lost network does and reconnects: a new socket, the same view joined again with
    /// <c>_mounts</c> &gt; 0 and the current URL, a full render, and form recovery (protocol §9.3) for forms with an id and
    /// <c>phx-change</c>, sent with what the test last typed into them. Shows what survives a reconnect.
    /// </summary>
    /// <param name="cancellationToken">Cancels the reconnect.</param>
    public async Task Reconnect(CancellationToken cancellationToken = default)
    {
        ThrowIfFailed();
        PhoenixConnection? old;
        PageDocument before;
        lock (gate)
        {
            old = connection;
            connection = null;
            joinRef = null;
            before = document;
        }

        if (old is not null)
        {
            old.Abort();
            await receiving.ConfigureAwait(false);
            await old.DisposeAsync().ConfigureAwait(false);
        }

        await Connect(before.Document, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Follows <see cref="Redirected"/> as the browser does: carries its flash in the <c>__phoenix_flash__</c> cookie and loads the target page.</summary>
    /// <param name="cancellationToken">Cancels loading the page.</param>
    /// <returns>The page the redirect leads to.</returns>
    /// <exception cref="InvalidOperationException">There was no redirect, or it leads out of the app.</exception>
    public Task<LivePage> FollowRedirect(CancellationToken cancellationToken = default)
    {
        var redirect = Redirected ?? throw new InvalidOperationException($"{Url.PathAndQuery} was not redirected.");
        var target = Resolve(redirect.To);
        if (!string.Equals(target.GetLeftPart(UriPartial.Authority), client.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"The redirect leads out of the app, to {target}.");
        }

        if (redirect.Flash is not null)
        {
            client.Cookies.Add(target, new System.Net.Cookie(FlashCookie, redirect.Flash, "/"));
        }

        return client.Live(target.PathAndQuery, cancellationToken);
    }

    /// <summary>Closes the page's socket, as closing the browser tab does.</summary>
    public async ValueTask DisposeAsync()
    {
        PhoenixConnection? open;
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            open = connection;
            connection = null;
        }

        await closing.CancelAsync().ConfigureAwait(false);
        if (open is not null)
        {
            await open.DisposeAsync().ConfigureAwait(false);
        }

        await receiving.ConfigureAwait(false);
        closing.Dispose();
    }

    /// <summary>Opens the socket and joins the view with the page's tokens; recovers forms of <paramref name="recoverFrom"/> after a reconnect.</summary>
    internal async Task Connect(IDocument? recoverFrom, CancellationToken cancellationToken)
    {
        var opened = await PhoenixConnection.OpenAsync(client.Transport, csrfToken, client.CookieHeader(), Mounts, cancellationToken).ConfigureAwait(false);
        lock (gate)
        {
            connection = opened;
        }

        receiving = ReceiveLoop(opened);
        var join = await SendJoin(Url, redirect: null, referer: null, flash: null, recoverFrom, tracked: false, cancellationToken).ConfigureAwait(false);
        var reply = await Await(join, cancellationToken).ConfigureAwait(false);
        if (!IsOk(reply) && Redirected is null)
        {
            throw new InvalidOperationException($"Joining {Url.PathAndQuery} failed: {reply["response"]?.ToJsonString()}");
        }
    }

    private Task Key(string type, string target, string key, object? values, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Fire(type, target, key, values, cancellationToken);
    }

    private Task FocusChange(string type, string target, object? values, CancellationToken cancellationToken)
    {
        var snapshot = Snapshot();
        if (type == "focus" && snapshot.ElementOrEventName(target) is { } element && element.GetAttribute("name") is { } name && element.Closest("form") is { } form)
        {
            lock (gate)
            {
                UsedFields(form)?.Add(name);
            }
        }

        return Fire(type, target, null, values, cancellationToken);
    }

    /// <summary>Fires the event at the element <paramref name="target"/> selects, or sends the event it names.</summary>
    private Task Fire(string type, string target, string? key, object? values, CancellationToken cancellationToken)
    {
        var snapshot = Snapshot();
        var element = snapshot.ElementOrEventName(target);
        var baseValue = key is null ? null : new JsonObject { ["key"] = key };
        return element is null
            ? PushEvents(type, target, EventValue.Compose(null, baseValue, FieldValues.ToJson(values)), [null], cancellationToken)
            : Dispatch(snapshot, element, type, key, values, cancellationToken);
    }

    /// <summary>Runs every binding a DOM event of <paramref name="type"/> at <paramref name="element"/> runs in the browser, in order.</summary>
    private async Task Dispatch(PageDocument snapshot, IElement element, string type, string? key, object? values, CancellationToken cancellationToken)
    {
        var fired = DomBindings.For(element, type, key, out var bound);
        if (!bound)
        {
            throw new InvalidOperationException(type == "click"
                ? $"Clicking {PageDocument.Describe(element)} sends nothing: neither it nor an ancestor has a click binding, and it is not a live link (data-phx-link). A plain link is a full page load: use LiveClient.Live(href)."
                : $"{PageDocument.Describe(element)} has no {type} binding (phx-{type}, phx-window-{type} or @{type}).");
        }

        // A key another binding filters on sends nothing, as in the browser.
        foreach (var (source, binding) in fired)
        {
            var baseValue = key is null ? null : new JsonObject { ["key"] = key };
            await Run(snapshot, source, type, binding, baseValue, values, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs a binding of <paramref name="element"/>: an event name, or the server-bound parts of a JS command list.</summary>
    private async Task Run(PageDocument snapshot, IElement element, string type, string binding, JsonObject? baseValue, object? values, CancellationToken cancellationToken)
    {
        if (!JsCommand.IsCommandList(binding))
        {
            await PushEvents(type, binding, EventValue.Compose(element, baseValue, FieldValues.ToJson(values)), snapshot.ComponentTargets(element, null), cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var command in JsCommand.Parse(binding))
        {
            switch (command.Op)
            {
                case JsCommand.Push:
                    var value = EventValue.Compose(element, (JsonObject?)baseValue?.DeepClone(), command.Value);
                    value = EventValue.Compose(null, value, FieldValues.ToJson(values));
                    await PushEvents(type, command.Event ?? "", value, snapshot.ComponentTargets(element, command.Target), cancellationToken).ConfigureAwait(false);
                    break;
                case JsCommand.Patch:
                    await Patch(command.Href ?? "", cancellationToken).ConfigureAwait(false);
                    break;
                case JsCommand.Navigate:
                    await Navigate(command.Href ?? "", cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    private Task<PendingRequest> PushEvents(string type, string eventName, JsonObject value, List<int?> cids, CancellationToken cancellationToken) =>
        SendToTargets(cids, cid => Payload(type, eventName, (JsonObject)value.DeepClone(), cid), $"{type} \"{eventName}\"", eventName, cancellationToken);

    private Task<PendingRequest> PushForm(PageDocument snapshot, IElement form, JsonObject payload, string description, CancellationToken cancellationToken) =>
        SendToTargets(
            snapshot.ComponentTargets(form, null),
            cid =>
            {
                var copy = (JsonObject)payload.DeepClone();
                if (cid is not null)
                {
                    copy["cid"] = cid;
                }

                return copy;
            },
            description,
            (string)payload["event"]!,
            cancellationToken);

    /// <summary>Sends one event per target (a <c>phx-target</c> selector may match several components), then awaits every reply.</summary>
    /// <returns>The last request, whose hook reply is the one a hook would see.</returns>
    private async Task<PendingRequest> SendToTargets(List<int?> cids, Func<int?, JsonObject> payloadFor, string description, string eventName, CancellationToken cancellationToken)
    {
        var requests = new List<PendingRequest>();
        foreach (var cid in cids)
        {
            requests.Add(await SendEvent(payloadFor(cid), description, eventName, cancellationToken).ConfigureAwait(false));
        }

        foreach (var request in requests)
        {
            await Await(request, cancellationToken).ConfigureAwait(false);
        }

        return requests[^1];
    }

    private static JsonObject Payload(string type, string eventName, JsonObject value, int? cid)
    {
        var payload = new JsonObject { ["type"] = type, ["event"] = eventName, ["value"] = value };
        if (cid is not null)
        {
            payload["cid"] = cid;
        }

        return payload;
    }

    private Task<PendingRequest> SendEvent(JsonObject payload, string description, string eventName, CancellationToken cancellationToken) =>
        Send(PendingKind.Event, "event", payload, description, eventName, cancellationToken);

    /// <summary>Sends a request on the current join and registers it for its reply.</summary>
    private async Task<PendingRequest> Send(
        PendingKind kind, string eventName, JsonObject payload, string description, string errorName, CancellationToken cancellationToken, Uri? patchUrl = null, bool tracked = false, List<int>? components = null)
    {
        ThrowIfFailed();
        PendingRequest request;
        string refValue;
        lock (gate)
        {
            if (connection is null || joinRef is null)
            {
                throw new InvalidOperationException($"Cannot send {description}: the page is not connected{(redirected is not null ? $" (it was redirected to {redirected.To})" : "")}.");
            }

            refValue = NextRef();
            request = new PendingRequest(kind, description, connection, joinRef) { EventName = errorName, PatchUrl = patchUrl, Tracked = tracked, Components = components };
            pending[refValue] = request;
        }

        await Transmit(request.Connection, PhoenixConnection.Frame(request.JoinRef, refValue, Topic, eventName, payload), cancellationToken).ConfigureAwait(false);
        return request;
    }

    /// <summary>Sends a join on the same topic: the first one, a rejoin, or one for live navigation (with <paramref name="redirect"/>).</summary>
    private async Task<PendingRequest> SendJoin(Uri? joinUrl, Uri? redirect, Uri? referer, string? flash, IDocument? recoverFrom, bool tracked, CancellationToken cancellationToken)
    {
        PendingRequest request;
        JsonArray frame;
        lock (gate)
        {
            var open = connection ?? throw new InvalidOperationException("The page is not connected.");
            var refValue = NextRef();
            var parameters = new JsonObject { ["_csrf_token"] = csrfToken };
            if (trackStatic.Count > 0)
            {
                // The assets the page tracks, so the server can tell the page was built by another deploy (§3.2).
                parameters["_track_static"] = new JsonArray([.. trackStatic.Select(u => (JsonNode)u)]);
            }

            parameters["_mounts"] = mounts;
            parameters["_mount_attempts"] = 0;
            if (referer is not null)
            {
                parameters["_live_referer"] = referer.ToString();
            }

            var payload = new JsonObject();
            if (redirect is not null)
            {
                payload["redirect"] = redirect.ToString();
            }
            else
            {
                payload["url"] = joinUrl!.ToString();
            }

            payload["params"] = parameters;
            payload["session"] = session;
            payload["static"] = staticToken;
            payload["sticky"] = false;
            if (flash is not null)
            {
                payload["flash"] = flash;
            }

            joinRef = refValue;
            var target = redirect ?? joinUrl!;
            request = new PendingRequest(PendingKind.Join, $"join {target.PathAndQuery}", open, refValue)
            {
                EventName = "phx_join",
                NavigateTo = redirect,
                RecoverFrom = recoverFrom,
                Tracked = tracked,
            };
            pending[refValue] = request;
            frame = PhoenixConnection.Frame(refValue, refValue, Topic, "phx_join", payload);
        }

        await Transmit(request.Connection, frame, cancellationToken).ConfigureAwait(false);
        return request;
    }

    /// <summary>Live navigation (protocol §6.2, §6.4): leave the view, then join the same topic with <c>redirect</c>.</summary>
    private async Task StartNavigation(Uri to, string? flash, bool signal, CancellationToken cancellationToken)
    {
        PendingRequest leave;
        JsonArray frame;
        Uri referer;
        lock (gate)
        {
            var open = connection ?? throw new InvalidOperationException("The page is not connected.");
            BeginOperation(signal);
            referer = url;
            var refValue = NextRef();
            leave = new PendingRequest(PendingKind.Leave, "leave", open, joinRef);
            pending[refValue] = leave;
            frame = PhoenixConnection.Frame(joinRef, refValue, Topic, "phx_leave", new JsonObject());
            // A navigated view is a new View object on the client: it joins with the old session token, no static token, _mounts 0.
            mounts = 0;
            staticToken = null;
            typedFields.Clear();
            usedFields.Clear();
        }

        try
        {
            await Transmit(leave.Connection, frame, cancellationToken).ConfigureAwait(false);
            await SendJoin(joinUrl: null, to, referer, flash, recoverFrom: null, tracked: true, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            lock (gate)
            {
                EndOperation();
            }

            throw;
        }
    }

    private async Task ReceiveLoop(PhoenixConnection from)
    {
        Exception? error = null;
        try
        {
            while (await from.ReceiveAsync(closing.Token).ConfigureAwait(false) is { } frame)
            {
                await Handle(from, frame).ConfigureAwait(false);
            }
        }
        catch (Exception caught) when (caught is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket went away (closed, aborted by Reconnect, or the page was disposed).
        }
        catch (Exception caught)
        {
            // A frame the client model refuses (a diff the browser could not apply): fail the page loudly.
            error = caught;
        }

        List<PendingRequest> orphans;
        bool lost;
        lock (gate)
        {
            failure ??= error;
            orphans = [.. pending.Where(p => p.Value.Connection == from).Select(p => p.Value)];
            foreach (var key in pending.Where(p => p.Value.Connection == from).Select(p => p.Key).ToList())
            {
                pending.Remove(key);
            }

            lost = connection == from && !closing.IsCancellationRequested;
            if (lost)
            {
                connection = null;
                joinRef = null;
            }

            while (operations > 0)
            {
                EndOperation();
            }
        }

        var reason = error is not null
            ? new InvalidOperationException("The client could not apply what the server sent: " + error.Message, error)
            : new InvalidOperationException($"The connection closed ({from.CloseStatus?.ToString() ?? "dropped"}) before the server answered.");
        foreach (var orphan in orphans)
        {
            orphan.Reply.TrySetException(reason);
        }

        if (lost || error is not null)
        {
            updates.Writer.TryWrite("closed");
        }
    }

    private async Task Handle(PhoenixConnection from, JsonArray frame)
    {
        await HandleFrame(from, frame).ConfigureAwait(false);
        await DestroyRemovedComponents().ConfigureAwait(false);
    }

    private async Task HandleFrame(PhoenixConnection from, JsonArray frame)
    {
        if (frame.Count != 5 || (string?)frame[2] != Topic)
        {
            return;
        }

        var frameJoinRef = (string?)frame[0];
        var frameRef = (string?)frame[1];
        var eventName = (string?)frame[3];
        var payload = frame[4] as JsonObject ?? [];
        if (eventName == "phx_reply")
        {
            PendingRequest? request;
            lock (gate)
            {
                if (frameRef is null || !pending.Remove(frameRef, out request))
                {
                    return;
                }
            }

            try
            {
                await OnReply(request, payload).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                request.Reply.TrySetException(new InvalidOperationException("The client could not apply what the server sent: " + error.Message, error));
                throw;
            }

            return;
        }

        lock (gate)
        {
            // The client drops pushes stamped with an earlier join (channel.js isMember).
            if (frameJoinRef is not null && frameJoinRef != joinRef)
            {
                return;
            }
        }

        switch (eventName)
        {
            case "diff":
                lock (gate)
                {
                    ApplyDiff(payload);
                }

                Signal("diff");
                break;
            case "live_patch":
                lock (gate)
                {
                    url = Resolve((string?)payload["to"] ?? url.ToString());
                }

                Signal("live_patch");
                break;
            case "live_redirect":
                await StartNavigation(Resolve((string?)payload["to"] ?? "/"), (string?)payload["flash"], signal: true, CancellationToken.None).ConfigureAwait(false);
                break;
            case "redirect":
                lock (gate)
                {
                    redirected = new LiveRedirect((string?)payload["to"] ?? "/", (string?)payload["flash"]);
                }

                await SendLeave(from).ConfigureAwait(false);
                Signal("redirect");
                break;
            case "phx_error":
                lock (gate)
                {
                    lastError = new LiveError("phx_error", payload);
                    BeginOperation(signal: true);
                }

                // The browser rejoins a crashed channel (after a back-off we skip) with a fresh mount.
                await SendJoin(Url, redirect: null, referer: null, flash: null, Snapshot().Document, tracked: true, CancellationToken.None).ConfigureAwait(false);
                break;
            case "phx_close":
                lock (gate)
                {
                    joinRef = null;
                }

                Signal("phx_close");
                break;
        }
    }

    private async Task OnReply(PendingRequest request, JsonObject reply)
    {
        var ok = IsOk(reply);
        var response = reply["response"] as JsonObject ?? [];
        lock (gate)
        {
            if (request.Kind != PendingKind.Leave && request.JoinRef != joinRef)
            {
                // A reply to a request of an earlier join: the client ignores it.
                request.Reply.TrySetResult(reply);
                if (request.Tracked)
                {
                    EndOperation();
                }

                return;
            }
        }

        switch (request.Kind)
        {
            case PendingKind.Join:
                await OnJoinReply(request, ok, response).ConfigureAwait(false);
                break;
            case PendingKind.Leave:
                break;
            case PendingKind.ComponentsWillDestroy or PendingKind.ComponentsDestroyed:
                await OnComponentsReply(request, ok, response).ConfigureAwait(false);
                break;
            default:
                await OnEventReply(request, ok, response).ConfigureAwait(false);
                break;
        }

        // Before the reply completes, so whoever awaits it also awaits the handshake.
        await DestroyRemovedComponents().ConfigureAwait(false);
        request.Reply.TrySetResult(reply);
        if (request.Tracked)
        {
            lock (gate)
            {
                EndOperation();
            }
        }
    }

    private async Task OnJoinReply(PendingRequest request, bool ok, JsonObject response)
    {
        if (!ok)
        {
            lock (gate)
            {
                lastError = new LiveError("phx_join", response);
                joinRef = null;
            }

            if (response["live_redirect"] is JsonObject live)
            {
                await StartNavigation(Resolve((string?)live["to"] ?? "/"), (string?)live["flash"], signal: false, CancellationToken.None).ConfigureAwait(false);
                return;
            }

            lock (gate)
            {
                if (response["redirect"] is JsonObject redirect)
                {
                    redirected = new LiveRedirect((string?)redirect["to"] ?? "/", (string?)redirect["flash"]);
                }
                else if (request.NavigateTo is { } target && (string?)response["reason"] is "unauthorized" or "stale")
                {
                    // A refused live navigation: the browser loads the URL instead.
                    redirected = new LiveRedirect(target.PathAndQuery, null);
                }
            }

            return;
        }

        var rendered = response["rendered"] as JsonObject
            ?? throw new InvalidOperationException("The join reply has no \"rendered\": " + response.ToJsonString());
        PageDocument now;
        lock (gate)
        {
            if (rendered["t"] is JsonValue t && t.GetValueKind() == JsonValueKind.String)
            {
                title.Update(t.GetValue<string>());
            }

            tree = new ClientRenderedTree(rendered, ViewId);
            removedComponents.Clear();
            events.AddRange(tree.Events);
            document = new PageDocument(tree.ToHtml());
            mounts++;
            if (request.NavigateTo is not null)
            {
                url = request.NavigateTo;
            }

            if (response["live_patch"] is JsonObject patch)
            {
                url = Resolve((string?)patch["to"] ?? url.ToString());
            }

            now = document;
        }

        if (request.RecoverFrom is not null)
        {
            await RecoverForms(request.RecoverFrom, now).ConfigureAwait(false);
        }
    }

    /// <summary>Form recovery after a rejoin (protocol §9.3): each form of the old DOM that the new render still has is sent as a change.</summary>
    private async Task RecoverForms(IDocument before, PageDocument now)
    {
        foreach (var old in before.QuerySelectorAll("form[id][phx-change]"))
        {
            var recover = old.GetAttribute("phx-auto-recover");
            var current = now.Document.GetElementById(old.Id!);
            if (recover == "ignore" || old is not IHtmlFormElement { Elements.Length: > 0 } ||
                current is null || current.GetAttribute("phx-change") != old.GetAttribute("phx-change"))
            {
                continue;
            }

            List<KeyValuePair<string, string>> typed;
            lock (gate)
            {
                typed = typedFields.TryGetValue(FormKey(old), out var fields) ? [.. fields] : [];
            }

            var eventName = recover ?? old.GetAttribute("phx-change")!;
            var meta = EventValue.Compose(old, null, null);
            meta["_target"] = FormSerializer.Fields(old).FirstOrDefault(f => !FormSerializer.IsHidden(f))?.GetAttribute("name") ?? "undefined";
            var payload = Payload("form", eventName, [], PageDocument.ComponentOf(current) is { } cid && current.HasAttribute("phx-target") ? cid : null);
            payload["value"] = FormEncoding.Encode(FormSerializer.Serialize(old, typed, strict: false));
            payload["meta"] = meta;
            payload["uploads"] = new JsonObject();
            await SendTracked(PendingKind.Recovery, "event", payload, $"form recovery \"{eventName}\"", eventName).ConfigureAwait(false);
        }
    }

    private async Task OnEventReply(PendingRequest request, bool ok, JsonObject response)
    {
        if (!ok)
        {
            RecordError(request, response);
            return;
        }

        Uri? navigateTo = null;
        string? navigateFlash = null;
        lock (gate)
        {
            if (response["error"] is JsonValue error && error.GetValueKind() == JsonValueKind.String)
            {
                // Refused input (an unknown handler, a parameter that does not convert) answered without failing the push.
                RecordError(request, response);
            }

            if (response["diff"] is JsonObject diff)
            {
                ApplyDiff(diff);
                request.HookReply = tree!.LastReply?.DeepClone();
            }

            if (request.Kind == PendingKind.Patch)
            {
                if (response["link_redirect"] is JsonValue linkRedirect && linkRedirect.GetValueKind() == JsonValueKind.True)
                {
                    navigateTo = request.PatchUrl; // the URL belongs to another view: navigate to it
                }
                else
                {
                    url = request.PatchUrl!;
                }
            }

            if (response["live_patch"] is JsonObject patch)
            {
                url = Resolve((string?)patch["to"] ?? url.ToString());
            }

            if (response["redirect"] is JsonObject redirect)
            {
                redirected = new LiveRedirect((string?)redirect["to"] ?? "/", (string?)redirect["flash"]);
            }

            if (response["live_redirect"] is JsonObject live)
            {
                navigateTo = Resolve((string?)live["to"] ?? "/");
                navigateFlash = (string?)live["flash"];
            }
        }

        if (navigateTo is not null)
        {
            await StartNavigation(navigateTo, navigateFlash, signal: false, CancellationToken.None).ConfigureAwait(false);
        }
        else if (Redirected is not null)
        {
            await SendLeave(request.Connection).ConfigureAwait(false);
        }
    }

    private void RecordError(PendingRequest request, JsonObject response)
    {
        lock (gate)
        {
            lastError = new LiveError(request.EventName ?? request.Description, response);
        }
    }

    /// <summary>What the browser does before a full page load: leave the view.</summary>
    private async Task SendLeave(PhoenixConnection from)
    {
        string? leaving;
        string refValue;
        lock (gate)
        {
            leaving = joinRef;
            refValue = NextRef();
            pending[refValue] = new PendingRequest(PendingKind.Leave, "leave", from, leaving);
        }

        await Transmit(from, PhoenixConnection.Frame(leaving, refValue, Topic, "phx_leave", new JsonObject()), CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Merges a diff into the tree and re-renders; under the gate.</summary>
    private void ApplyDiff(JsonObject diff)
    {
        var current = tree ?? throw new InvalidOperationException("A diff arrived before the join's render.");
        if (diff["t"] is JsonValue t && t.GetValueKind() == JsonValueKind.String)
        {
            title.Update(t.GetValue<string>());
        }

        var before = current.Events.Count;
        var componentsBefore = document.ComponentIds();
        current.Merge(diff);
        events.AddRange(current.Events.Skip(before));
        document = new PageDocument(current.ToHtml());
        removedComponents.UnionWith(componentsBefore.Except(document.ComponentIds()));
    }

    /// <summary>
    /// The component destroy handshake (protocol §5.7): components whose element a patch removed are announced with
    /// <c>cids_will_destroy</c>, then those still absent with <c>cids_destroyed</c>, and the client forgets the ones the
    /// server confirms.
    /// </summary>
    private async Task DestroyRemovedComponents()
    {
        List<int> cids;
        lock (gate)
        {
            if (removedComponents.Count == 0 || joinRef is null)
            {
                return;
            }

            cids = [.. removedComponents.Order()];
            removedComponents.Clear();
        }

        await SendComponents(PendingKind.ComponentsWillDestroy, "cids_will_destroy", cids).ConfigureAwait(false);
    }

    private Task SendComponents(PendingKind kind, string eventName, List<int> cids) =>
        SendTracked(kind, eventName, new JsonObject { ["cids"] = new JsonArray([.. cids.Select(c => (JsonNode)c)]) }, eventName, eventName, cids);

    /// <summary>Sends a request the page makes on its own (recovery, destroy handshake): one of its operations until answered.</summary>
    private async Task SendTracked(PendingKind kind, string eventName, JsonObject payload, string description, string errorName, List<int>? components = null)
    {
        lock (gate)
        {
            BeginOperation(signal: false);
        }

        try
        {
            await Send(kind, eventName, payload, description, errorName, CancellationToken.None, tracked: true, components: components).ConfigureAwait(false);
        }
        catch
        {
            lock (gate)
            {
                EndOperation();
            }

            throw;
        }
    }

    private async Task OnComponentsReply(PendingRequest request, bool ok, JsonObject response)
    {
        if (!ok)
        {
            RecordError(request, response);
            return;
        }

        if (request.Kind == PendingKind.ComponentsWillDestroy)
        {
            List<int> absent;
            lock (gate)
            {
                // A component rendered again meanwhile is not destroyed after all.
                var present = document.ComponentIds();
                absent = [.. request.Components!.Where(cid => !present.Contains(cid))];
            }

            if (absent.Count > 0)
            {
                await SendComponents(PendingKind.ComponentsDestroyed, "cids_destroyed", absent).ConfigureAwait(false);
            }

            return;
        }

        lock (gate)
        {
            tree?.PruneComponents((response["cids"] as JsonArray ?? []).Select(cid => (int)cid!));
        }
    }

    /// <summary>Waits for a request's reply, then for any navigation or recovery it started.</summary>
    private async Task<JsonObject> Await(PendingRequest request, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(client.Timeout);
        JsonObject reply;
        try
        {
            reply = await request.Reply.Task.WaitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The server did not answer {request.Description} within {client.Timeout.TotalSeconds:0.###} s.");
        }

        await AwaitSettled(request.Description, cancellationToken).ConfigureAwait(false);
        ThrowIfFailed();
        return reply;
    }

    private async Task AwaitSettled(string description, CancellationToken cancellationToken)
    {
        Task done;
        lock (gate)
        {
            done = operations == 0 ? Task.CompletedTask : settled.Task;
        }

        try
        {
            await done.WaitAsync(client.Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"What {description} started (navigation, rejoin or form recovery) did not finish within {client.Timeout.TotalSeconds:0.###} s.");
        }

        ThrowIfFailed();
    }

    /// <summary>Counts work the page started on its own; under the gate.</summary>
    private void BeginOperation(bool signal)
    {
        if (operations++ == 0)
        {
            settled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        signalWhenSettled |= signal;
    }

    /// <summary>Under the gate.</summary>
    private void EndOperation()
    {
        if (operations == 0 || --operations > 0)
        {
            return;
        }

        settled.TrySetResult();
        if (signalWhenSettled)
        {
            signalWhenSettled = false;
            updates.Writer.TryWrite("settled");
        }
    }

    private static Task Transmit(PhoenixConnection to, JsonArray frame, CancellationToken cancellationToken)
    {
        return to.SendAsync(frame, cancellationToken);
    }

    private void Signal(string what) => updates.Writer.TryWrite(what);

    private PageDocument Snapshot()
    {
        ThrowIfFailed();
        lock (gate)
        {
            return document;
        }
    }

    private void ThrowIfFailed()
    {
        Exception? failed;
        lock (gate)
        {
            failed = failure;
        }

        if (failed is not null)
        {
            throw new InvalidOperationException("The client could not apply what the server sent: " + failed.Message, failed);
        }
    }

    private string NextRef() => (++nextRef).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private Uri Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new Uri(Url, path);
    }

    private static bool IsOk(JsonObject reply) => (string?)reply["status"] == "ok";

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

    /// <summary>The fields of a form the user touched (focused or typed into); null once it was submitted (all count as used). Under the gate.</summary>
    private HashSet<string>? UsedFields(IElement form)
    {
        var key = FormKey(form);
        if (!usedFields.TryGetValue(key, out var used))
        {
            usedFields[key] = used = new HashSet<string>(StringComparer.Ordinal);
        }

        return used;
    }

    /// <summary>Forms are told apart by id (as the client's recovery does), else by their events.</summary>
    private static string FormKey(IElement form) =>
        form.Id is { Length: > 0 } id ? "#" + id : $"{form.GetAttribute("phx-change")}|{form.GetAttribute("phx-submit")}";
}
