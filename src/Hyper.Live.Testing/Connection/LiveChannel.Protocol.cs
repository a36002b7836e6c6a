using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using Hyper.Live.Testing.Dom;

namespace Hyper.Live.Testing.Connection;

/// <summary>The channel's side of the protocol: the frames it sends and how it applies the ones it receives. Runs only on the mailbox.</summary>
internal sealed partial class LiveChannel
{
    private async Task HandleFrame(PhoenixConnection from, JsonArray frame)
    {
        if (frame.Count == 5 && (string?)frame[3] == "phx_reply" && (string?)frame[1] is { } otherRef && channelReplies.Remove(otherRef, out var answered))
        {
            // The reply to a frame of an upload channel (lvu:…) on the same socket.
            answered.TrySetResult(frame[4] as JsonObject ?? []);
            return;
        }

        if (frame.Count != 5 || (string?)frame[2] != topic)
        {
            return;
        }

        var frameJoinRef = (string?)frame[0];
        var frameRef = (string?)frame[1];
        var eventName = (string?)frame[3];
        var payload = frame[4] as JsonObject ?? [];
        if (eventName == "phx_reply")
        {
            if (frameRef is null || !pending.Remove(frameRef, out var request))
            {
                return;
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

        // The client drops pushes stamped with an earlier join (channel.js isMember).
        if (frameJoinRef is not null && frameJoinRef != joinRef)
        {
            return;
        }

        switch (eventName)
        {
            case "diff":
                ApplyDiff(payload);
                updates.Writer.TryWrite("diff");
                break;
            case "live_patch":
                PatchedTo(payload);
                updates.Writer.TryWrite("live_patch");
                break;
            case "live_redirect":
                await StartNavigation(Resolve((string?)payload["to"] ?? "/"), (string?)payload["flash"], signal: true, closing.Token).ConfigureAwait(false);
                break;
            case "redirect":
                RedirectedTo(payload);
                await SendLeave(from).ConfigureAwait(false);
                updates.Writer.TryWrite("redirect");
                break;
            case "phx_error":
                Update(s => s with { LastError = new LiveError("phx_error", payload) });
                operations.Begin(signal: true);
                // The browser rejoins a crashed channel (after a back-off we skip) with a fresh mount.
                await SendJoin(Snapshot.Url, redirect: null, referer: null, flash: null, Snapshot.Document.Document, tracked: true, closing.Token).ConfigureAwait(false);
                break;
            case "phx_close":
                joinRef = null;
                PublishJoined();
                updates.Writer.TryWrite("phx_close");
                break;
        }
    }

    private async Task OnReply(PendingRequest request, JsonObject reply)
    {
        var ok = IsOk(reply);
        var response = reply["response"] as JsonObject ?? [];
        if (request.Kind != PendingKind.Leave && request.JoinRef != joinRef)
        {
            // A reply to a request of an earlier join: the client ignores it.
            request.Reply.TrySetResult(reply);
            if (request.Tracked)
            {
                operations.End();
            }

            return;
        }

        switch (request.Kind)
        {
            case PendingKind.Join:
                await OnJoinReply(request, ok, response).ConfigureAwait(false);
                break;
            case PendingKind.Leave:
                break;
            case PendingKind.ComponentsWillDestroy or PendingKind.ComponentsDestroyed:
                if (!ok)
                {
                    RecordError(request, response);
                    break;
                }

                await components.Answered(request, response, Snapshot.Document, tree).ConfigureAwait(false);
                break;
            default:
                await OnEventReply(request, ok, response).ConfigureAwait(false);
                break;
        }

        // Before the reply completes, so whoever awaits it also awaits the handshake.
        await components.Announce(joinRef is not null).ConfigureAwait(false);
        request.Reply.TrySetResult(reply);
        if (request.Tracked)
        {
            operations.End();
        }
    }

    private async Task OnJoinReply(PendingRequest request, bool ok, JsonObject response)
    {
        if (!ok)
        {
            Update(s => s with { LastError = new LiveError("phx_join", response) });
            joinRef = null;
            PublishJoined();
            if (response["live_redirect"] is JsonObject live)
            {
                await StartNavigation(Resolve((string?)live["to"] ?? "/"), (string?)live["flash"], signal: false, closing.Token).ConfigureAwait(false);
                return;
            }

            if (response["redirect"] is JsonObject redirect)
            {
                RedirectedTo(redirect);
            }
            else if (request.NavigateTo is { } target && (string?)response["reason"] is "unauthorized" or "stale")
            {
                // A refused live navigation: the browser loads the URL instead.
                Update(s => s with { Redirected = new LiveRedirect(target.PathAndQuery, null) });
            }

            return;
        }

        var rendered = response["rendered"] as JsonObject
            ?? throw new InvalidOperationException("The join reply has no \"rendered\": " + response.ToJsonString());
        if (rendered["t"] is JsonValue t && t.GetValueKind() == JsonValueKind.String)
        {
            title.Update(t.GetValue<string>());
        }

        var joined = new ClientRenderedTree(rendered, viewId);
        tree = joined;
        components.Reset();
        var now = new PageDocument(joined.ToHtml(), viewId);
        Update(s => s with
        {
            Title = title.Text,
            Events = s.Events.AddRange(joined.Events),
            Document = now,
            Mounts = s.Mounts + 1,
            Url = request.NavigateTo ?? s.Url,
        });
        if (response["live_patch"] is JsonObject patch)
        {
            PatchedTo(patch);
        }

        if (request.RecoverFrom is not null)
        {
            foreach (var (eventName, payload) in forms.Recoveries(request.RecoverFrom, now))
            {
                await SendTracked(PendingKind.Recovery, "event", payload, $"form recovery \"{eventName}\"", eventName).ConfigureAwait(false);
            }
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
                Update(s => s with { Url = request.PatchUrl! });
            }
        }

        if (response["live_patch"] is JsonObject patch)
        {
            PatchedTo(patch);
        }

        if (response["redirect"] is JsonObject redirect)
        {
            RedirectedTo(redirect);
        }

        if (response["live_redirect"] is JsonObject live)
        {
            navigateTo = Resolve((string?)live["to"] ?? "/");
            navigateFlash = (string?)live["flash"];
        }

        if (navigateTo is not null)
        {
            await StartNavigation(navigateTo, navigateFlash, signal: false, closing.Token).ConfigureAwait(false);
        }
        else if (Snapshot.Redirected is not null)
        {
            await SendLeave(request.Connection).ConfigureAwait(false);
        }
    }

    /// <summary>A <c>live_patch</c> (a push, or in a reply): the URL changes, the view stays.</summary>
    private void PatchedTo(JsonObject patch) => Update(s => s with { Url = Resolve((string?)patch["to"] ?? s.Url.ToString()) });

    /// <summary>A <c>redirect</c> (a push, or in a reply): the browser would load another page.</summary>
    private void RedirectedTo(JsonObject redirect) =>
        Update(s => s with { Redirected = new LiveRedirect((string?)redirect["to"] ?? "/", (string?)redirect["flash"]) });

    private void RecordError(PendingRequest request, JsonObject response) =>
        Update(s => s with { LastError = new LiveError(request.EventName ?? request.Description, response) });

    /// <summary>Merges a diff into the tree and re-renders.</summary>
    private void ApplyDiff(JsonObject diff)
    {
        var current = tree ?? throw new InvalidOperationException("A diff arrived before the join's render.");
        if (diff["t"] is JsonValue t && t.GetValueKind() == JsonValueKind.String)
        {
            title.Update(t.GetValue<string>());
        }

        var before = current.Events.Count;
        var componentsBefore = Snapshot.Document.ComponentIds();
        current.Merge(diff);
        var now = new PageDocument(current.ToHtml(), viewId);
        Update(s => s with { Title = title.Text, Events = s.Events.AddRange(current.Events.Skip(before)), Document = now });
        components.Patched(componentsBefore, now.ComponentIds());
    }

    /// <summary>Sends a request on the current join and registers it for its reply.</summary>
    private async Task<PendingRequest> SendNow(
        PendingKind kind, string eventName, JsonObject payload, string description, string errorName, CancellationToken cancellationToken, Uri? patchUrl = null, bool tracked = false, List<int>? components = null)
    {
        Snapshot.ThrowIfFailed();
        if (connection is null || joinRef is null)
        {
            var redirected = Snapshot.Redirected;
            throw new InvalidOperationException($"Cannot send {description}: the page is not connected{(redirected is not null ? $" (it was redirected to {redirected.To})" : "")}.");
        }

        var refValue = NextRef();
        var request = new PendingRequest(kind, description, connection, joinRef) { EventName = errorName, PatchUrl = patchUrl, Tracked = tracked, Components = components };
        pending[refValue] = request;
        await request.Connection.SendAsync(PhoenixConnection.Frame(request.JoinRef, refValue, topic, eventName, payload), cancellationToken).ConfigureAwait(false);
        return request;
    }

    /// <summary>Sends a request the page makes on its own (recovery, destroy handshake): one of its operations until answered.</summary>
    private async Task SendTracked(PendingKind kind, string eventName, JsonObject payload, string description, string errorName, List<int>? components = null)
    {
        operations.Begin(signal: false);
        try
        {
            await SendNow(kind, eventName, payload, description, errorName, closing.Token, tracked: true, components: components).ConfigureAwait(false);
        }
        catch
        {
            operations.End();
            throw;
        }
    }

    /// <summary>Sends a join on the same topic: the first one, a rejoin, or one for live navigation (with <paramref name="redirect"/>).</summary>
    private async Task<PendingRequest> SendJoin(Uri? joinUrl, Uri? redirect, Uri? referer, string? flash, IDocument? recoverFrom, bool tracked, CancellationToken cancellationToken)
    {
        var open = connection ?? throw new InvalidOperationException("The page is not connected.");
        var refValue = NextRef();
        var parameters = new JsonObject { ["_csrf_token"] = csrfToken };
        if (trackStatic.Count > 0)
        {
            // The assets the page tracks, so the server can tell the page was built by another deploy (§3.2).
            parameters["_track_static"] = new JsonArray([.. trackStatic.Select(u => (JsonNode)u)]);
        }

        parameters["_mounts"] = Snapshot.Mounts;
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
        PublishJoined();
        var target = redirect ?? joinUrl!;
        var request = new PendingRequest(PendingKind.Join, $"join {target.PathAndQuery}", open, refValue)
        {
            EventName = "phx_join",
            NavigateTo = redirect,
            RecoverFrom = recoverFrom,
            Tracked = tracked,
        };
        pending[refValue] = request;
        await open.SendAsync(PhoenixConnection.Frame(refValue, refValue, topic, "phx_join", payload), cancellationToken).ConfigureAwait(false);
        return request;
    }

    /// <summary>What the browser does before a full page load: leave the view.</summary>
    private async Task SendLeave(PhoenixConnection from)
    {
        var refValue = NextRef();
        pending[refValue] = new PendingRequest(PendingKind.Leave, "leave", from, joinRef);
        await from.SendAsync(PhoenixConnection.Frame(joinRef, refValue, topic, "phx_leave", new JsonObject()), closing.Token).ConfigureAwait(false);
    }

    /// <summary>Live navigation (protocol §6.2, §6.4): leave the view, then join the same topic with <c>redirect</c>.</summary>
    private async Task StartNavigation(Uri to, string? flash, bool signal, CancellationToken cancellationToken)
    {
        var open = connection ?? throw new InvalidOperationException("The page is not connected.");
        operations.Begin(signal);
        var referer = Snapshot.Url;
        var refValue = NextRef();
        var leave = new PendingRequest(PendingKind.Leave, "leave", open, joinRef);
        pending[refValue] = leave;
        var frame = PhoenixConnection.Frame(joinRef, refValue, topic, "phx_leave", new JsonObject());
        // A navigated view is a new View object on the client: it joins with the old session token, no static token, _mounts 0.
        Update(s => s with { Mounts = 0 });
        staticToken = null;
        forms.Clear();
        try
        {
            await open.SendAsync(frame, cancellationToken).ConfigureAwait(false);
            await SendJoin(joinUrl: null, to, referer, flash, recoverFrom: null, tracked: true, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            operations.End();
            throw;
        }
    }

    private string NextRef() => (++nextRef).ToString(CultureInfo.InvariantCulture);
}
