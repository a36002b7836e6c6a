using System.Net.WebSockets;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using AngleSharp.Dom;
using Hyper.Live.Testing.Dom;

namespace Hyper.Live.Testing.Connection;

/// <summary>
/// The client end of one page's Phoenix channel (<c>lv:</c> + the view id), and the only writer of the page's state:
/// it joins, sends, applies replies and server pushes, follows navigation and publishes each new
/// <see cref="PageSnapshot"/> by swapping one reference.
/// </summary>
/// <remarks>
/// Frames from the socket and calls from the test thread meet in one <see cref="ChannelMailbox"/>, so the mutable state
/// below (refs, pending requests, the rendered tree, form state) is only ever touched by one item at a time. Test
/// threads read the published snapshot and await replies; they never touch that state.
/// </remarks>
internal sealed partial class LiveChannel : IAsyncDisposable
{
    private readonly LiveClient client;
    private readonly string viewId;
    private readonly string topic;
    private readonly string csrfToken;
    private readonly string session;
    private readonly List<string> trackStatic;
    private readonly PageTitle title;
    private readonly Channel<string> updates = Channel.CreateUnbounded<string>();
    private readonly Dictionary<string, PendingRequest> pending = new(StringComparer.Ordinal);
    private readonly HashSet<PhoenixConnection> ended = [];
    private readonly FormState forms = new();
    private readonly ComponentDestroyHandshake components;
    private readonly PageOperations operations;
    private readonly CancellationTokenSource closing = new();
    private readonly ChannelMailbox mailbox;
    private PageSnapshot snapshot;
    private string? staticToken;
    private PhoenixConnection? connection;
    private Task receiving = Task.CompletedTask;
    private string? joinRef;
    private int nextRef;
    private ClientRenderedTree? tree;
    private int disposed;
    private IDocument? disconnectedDocument;

    /// <summary>Reads the channel's tokens from the page the HTTP request returned; nothing is sent until <see cref="Connect"/>.</summary>
    public LiveChannel(LiveClient client, Uri url, IDocument page, IElement container, string viewId)
    {
        this.client = client;
        this.viewId = viewId;
        topic = "lv:" + viewId;
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
        snapshot = new PageSnapshot { Document = new PageDocument(container.InnerHtml, viewId), Url = url, Title = title.Text };
        components = new ComponentDestroyHandshake((kind, eventName, cids) =>
            SendTracked(kind, eventName, new JsonObject { ["cids"] = new JsonArray([.. cids.Select(c => (JsonNode)c)]) }, eventName, eventName, cids));
        operations = new PageOperations(settled => Update(s => s with { Settled = settled }), () => updates.Writer.TryWrite("settled"));
        mailbox = new ChannelMailbox(Fail);
    }

    /// <summary>The page as last published.</summary>
    public PageSnapshot Snapshot => Volatile.Read(ref snapshot);

    /// <summary>What the server did on its own (<c>diff</c>, <c>redirect</c>, <c>closed</c>, …), in arrival order.</summary>
    public ChannelReader<string> Updates => updates.Reader;

    /// <summary>The page's DOM now.</summary>
    /// <exception cref="InvalidOperationException">The client could not apply what the server sent.</exception>
    public PageDocument CurrentDocument()
    {
        var now = Snapshot;
        now.ThrowIfFailed();
        return now.Document;
    }

    /// <summary>A path or URL against the page's URL.</summary>
    public Uri Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new Uri(Snapshot.Url, path);
    }

    /// <summary>Opens the socket and joins the view with the page's tokens; recovers forms of <paramref name="recoverFrom"/> after a reconnect.</summary>
    public async Task Connect(IDocument? recoverFrom, CancellationToken cancellationToken)
    {
        var opened = await PhoenixConnection.OpenAsync(client.Transport, csrfToken, client.CookieHeader(), Snapshot.Mounts, cancellationToken).ConfigureAwait(false);
        var join = await mailbox.Call(
            () =>
            {
                connection = opened;
                receiving = Receive(opened);
                return SendJoin(Snapshot.Url, redirect: null, referer: null, flash: null, recoverFrom, tracked: false, cancellationToken);
            },
            cancellationToken).ConfigureAwait(false);
        var reply = await Await(join, cancellationToken).ConfigureAwait(false);
        if (!IsOk(reply) && Snapshot.Redirected is null)
        {
            throw new InvalidOperationException($"Joining {Snapshot.Url.PathAndQuery} failed: {reply["response"]?.ToJsonString()}");
        }
    }

    /// <summary>Drops the socket as a lost network does (no close handshake); the page keeps what it shows.</summary>
    public async Task Disconnect(CancellationToken cancellationToken)
    {
        Snapshot.ThrowIfFailed();
        var (old, pump, before) = await mailbox.Run(
            () =>
            {
                var detached = (connection, receiving, Snapshot.Document);
                connection = null;
                joinRef = null;
                PublishJoined();
                return detached;
            },
            cancellationToken).ConfigureAwait(false);
        if (old is not null)
        {
            // The DOM as it was when the network went: what form recovery sends from after the reconnect.
            disconnectedDocument = before.Document;
            old.Abort();
            await pump.ConfigureAwait(false);
            await old.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Drops the socket unless <see cref="Disconnect"/> did, then connects again and recovers the forms of the DOM it had.</summary>
    public async Task Reconnect(CancellationToken cancellationToken)
    {
        await Disconnect(cancellationToken).ConfigureAwait(false);
        var before = disconnectedDocument ?? Snapshot.Document.Document;
        disconnectedDocument = null;
        await Connect(before, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Live navigation started by the test: completes once the new view joined (and anything it started settled).</summary>
    public async Task Navigate(string path, CancellationToken cancellationToken)
    {
        Snapshot.ThrowIfFailed();
        var to = Resolve(path);
        await mailbox.Call(() => StartNavigation(to, flash: null, signal: false, cancellationToken), cancellationToken).ConfigureAwait(false);
        await AwaitSettled($"navigation to {path}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A <c>live_patch</c>: completes once the reply (and any navigation it caused) is applied.</summary>
    public async Task Patch(string path, CancellationToken cancellationToken)
    {
        var target = Resolve(path);
        var request = await Send(PendingKind.Patch, "live_patch", new JsonObject { ["url"] = target.ToString() }, $"patch to {target.PathAndQuery}", "live_patch", cancellationToken, patchUrl: target).ConfigureAwait(false);
        await Await(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a request on the current join and registers it for its reply; <see cref="Await"/> waits for that.</summary>
    public Task<PendingRequest> Send(
        PendingKind kind, string eventName, JsonObject payload, string description, string errorName, CancellationToken cancellationToken, Uri? patchUrl = null) =>
        mailbox.Call(() => SendNow(kind, eventName, payload, description, errorName, cancellationToken, patchUrl), cancellationToken);

    /// <summary>Changes or reads the form state, in turn with everything else the channel does.</summary>
    public Task UpdateForms(Action<FormState> change, CancellationToken cancellationToken) =>
        mailbox.Run(
            () =>
            {
                change(forms);
                return true;
            },
            cancellationToken);

    /// <inheritdoc cref="UpdateForms(Action{FormState}, CancellationToken)"/>
    public Task<T> UpdateForms<T>(Func<FormState, T> change, CancellationToken cancellationToken) =>
        mailbox.Run(() => change(forms), cancellationToken);

    /// <summary>Waits for a request's reply, then for any navigation or recovery it started.</summary>
    public async Task<JsonObject> Await(PendingRequest request, CancellationToken cancellationToken)
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
        Snapshot.ThrowIfFailed();
        return reply;
    }

    /// <summary>Closes the socket, as closing the browser tab does, and stops the mailbox.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await closing.CancelAsync().ConfigureAwait(false);
        var (open, pump, leave) = await mailbox.Run(
            () =>
            {
                var detached = (connection, receiving, joinRef is null ? null : PhoenixConnection.Frame(joinRef, NextRef(), topic, "phx_leave", new JsonObject()));
                connection = null;
                PublishJoined();
                return detached;
            },
            CancellationToken.None).ConfigureAwait(false);
        if (open is not null)
        {
            if (leave is not null)
            {
                // The page goes away: leave the view, so the server ends it at once instead of keeping it for a reconnect.
                try
                {
                    await open.SendAsync(leave, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception error) when (error is WebSocketException or ObjectDisposedException or InvalidOperationException)
                {
                    // The connection is gone already: nothing to leave.
                }
            }

            await open.DisposeAsync().ConfigureAwait(false);
        }

        await pump.ConfigureAwait(false);
        await mailbox.CompleteAsync().ConfigureAwait(false);
        closing.Dispose();
    }

    private async Task AwaitSettled(string description, CancellationToken cancellationToken)
    {
        try
        {
            await Snapshot.Settled.WaitAsync(client.Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"What {description} started (navigation, rejoin or form recovery) did not finish within {client.Timeout.TotalSeconds:0.###} s.");
        }

        Snapshot.ThrowIfFailed();
    }

    /// <summary>Reads the socket until it closes, handing each frame to the mailbox: the socket never waits for the page.</summary>
    private async Task Receive(PhoenixConnection from)
    {
        Exception? error = null;
        try
        {
            while (await from.ReceiveAsync(closing.Token).ConfigureAwait(false) is { } frame)
            {
                mailbox.TryPost(() => OnFrame(from, frame));
            }
        }
        catch (Exception caught) when (IsSocketGone(caught))
        {
            // The socket went away (closed, aborted by Reconnect, or the page was disposed).
        }
        catch (Exception caught)
        {
            // A frame that is not a Phoenix frame: fail the page loudly.
            error = caught;
        }

        mailbox.TryPost(() =>
        {
            Closed(from, error);
            return Task.CompletedTask;
        });
    }

    private async Task OnFrame(PhoenixConnection from, JsonArray frame)
    {
        if (ended.Contains(from))
        {
            return; // the page stopped listening to this socket (it failed on an earlier frame)
        }

        try
        {
            await HandleFrame(from, frame).ConfigureAwait(false);
            await components.Announce(joinRef is not null).ConfigureAwait(false);
        }
        catch (Exception caught) when (IsSocketGone(caught))
        {
            Closed(from, null);
        }
        catch (Exception caught)
        {
            // A frame the client model refuses (a diff the browser could not apply): fail the page loudly.
            Closed(from, caught);
        }
    }

    /// <summary>The page stops listening to <paramref name="from"/>: its requests fail, and a lost current socket unjoins the page.</summary>
    private void Closed(PhoenixConnection from, Exception? error)
    {
        if (!ended.Add(from))
        {
            return;
        }

        if (error is not null && Snapshot.Failure is null)
        {
            Update(s => s with { Failure = error });
        }

        var orphans = pending.Where(p => p.Value.Connection == from).ToList();
        foreach (var (key, _) in orphans)
        {
            pending.Remove(key);
        }

        var lost = connection == from && !closing.IsCancellationRequested;
        if (lost)
        {
            connection = null;
            joinRef = null;
            PublishJoined();
        }

        operations.EndAll();
        var reason = error is not null
            ? new InvalidOperationException("The client could not apply what the server sent: " + error.Message, error)
            : new InvalidOperationException($"The connection closed ({from.CloseStatus?.ToString() ?? "dropped"}) before the server answered.");
        foreach (var (_, orphan) in orphans)
        {
            orphan.Reply.TrySetException(reason);
        }

        if (lost || error is not null)
        {
            updates.Writer.TryWrite("closed");
        }
    }

    /// <summary>Something a mailbox item let escape: the page fails rather than hang.</summary>
    private void Fail(Exception error)
    {
        if (Snapshot.Failure is null)
        {
            Update(s => s with { Failure = error });
        }

        updates.Writer.TryWrite("closed");
    }

    private void Update(Func<PageSnapshot, PageSnapshot> change) => Volatile.Write(ref snapshot, change(snapshot));

    /// <summary>After <see cref="connection"/> or <see cref="joinRef"/> changed.</summary>
    private void PublishJoined() => Update(s => s with { Joined = connection is not null && joinRef is not null });

    private static bool IsSocketGone(Exception error) => error is WebSocketException or OperationCanceledException or ObjectDisposedException;

    private static bool IsOk(JsonObject reply) => (string?)reply["status"] == "ok";
}
