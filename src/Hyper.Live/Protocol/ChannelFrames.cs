using System.Text.Json;

namespace Hyper.Live.Protocol;

/// <summary>
/// Every frame a live view's channel (<c>lv:…</c>) sends, written once here: join and event
/// replies with their render, diff pushes, navigation, errors and close. A render frame is
/// begun here, its diff written by the differ through <see cref="FrameWriter.Diff"/>, and
/// finished here after the view-level parts (title, push events, hook reply).
/// </summary>
internal static class ChannelFrames
{
    /// <summary>Begins the join's reply: the client's version check, the patch the mount asked for, then the full render.</summary>
    public static void BeginJoinReply(this FrameWriter frames, string? joinRef, string refValue, string topic, NavigationTarget? livePatch)
    {
        frames.BeginReply(joinRef, refValue, topic, ok: true);
        frames.Json.WriteString("liveview_version"u8, PhoenixEvents.LiveViewVersion);
        if (livePatch is { } patch)
        {
            frames.Json.WritePropertyName("live_patch"u8);
            WriteTarget(frames.Json, patch);
        }

        frames.Diff.Push(DiffKeys.Rendered);
    }

    /// <summary>
    /// Begins the reply to an event; the diff is left out when nothing changed. An event the
    /// session refused carries its <paramref name="error"/> next to the diff: the client unlocks
    /// the element on this "ok" reply and applies the diff (what <c>OnError</c> changed), while
    /// the error text is for hooks and tests (the browser's client ignores it).
    /// </summary>
    public static void BeginEventReply(this FrameWriter frames, string? joinRef, string refValue, string topic, string? error = null)
    {
        frames.BeginReply(joinRef, refValue, topic, ok: true);
        if (error is not null)
        {
            frames.Json.WriteString("error"u8, error);
        }

        frames.Diff.Push(DiffKeys.Diff);
    }

    /// <summary>Begins a <c>diff</c> push (a render outside any request: an info, a timer, <c>RenderNowAsync</c>).</summary>
    public static void BeginDiffPush(this FrameWriter frames, string? joinRef, string topic)
    {
        frames.Begin(joinRef, null, topic, PhoenixEvents.Diff);
        frames.Diff.PushOptionalRoot();
    }

    /// <summary>Adds the page title to the render being written.</summary>
    public static void WriteTitle(this FrameWriter frames, string title)
    {
        frames.Diff.Flush();
        frames.Json.WriteString(DiffKeys.Title, title);
    }

    /// <summary>Adds push events to the render being written.</summary>
    public static void WriteEvents(this FrameWriter frames, IEnumerable<KeyValuePair<string, object?>> events)
    {
        frames.Diff.Flush();
        frames.Json.WritePropertyName(DiffKeys.Events);
        frames.Json.WriteStartArray();
        foreach (var (name, payload) in events)
        {
            frames.Json.WriteStartArray();
            frames.Json.WriteStringValue(name);
            JsonSerializer.Serialize(frames.Json, payload);
            frames.Json.WriteEndArray();
        }

        frames.Json.WriteEndArray();
    }

    /// <summary>Adds the answer to a hook's <c>pushEvent</c> to the event reply being written.</summary>
    public static void WriteHookReply(this FrameWriter frames, object? payload)
    {
        frames.Diff.Flush();
        frames.Json.WritePropertyName(DiffKeys.Reply);
        JsonSerializer.Serialize(frames.Json, payload);
    }

    /// <summary>Writes an <c>allow_upload</c>'s answer next to the reply's diff (protocol notes, uploads).</summary>
    private static void WriteUploadPreflight(Utf8JsonWriter json, UploadPreflight preflight)
    {
        json.WriteString("ref"u8, preflight.Ref);
        if (preflight.Failures.Count > 0)
        {
            json.WriteStartArray("error"u8);
            foreach (var (reference, reason) in preflight.Failures)
            {
                json.WriteStartArray();
                json.WriteStringValue(reference);
                json.WriteStringValue(reason);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            return;
        }

        json.WriteStartObject("config"u8);
        json.WriteNumber("max_file_size"u8, preflight.MaxFileSize);
        json.WriteNumber("max_entries"u8, preflight.MaxEntries);
        json.WriteNumber("chunk_size"u8, preflight.ChunkSize);
        json.WriteNumber("chunk_timeout"u8, preflight.ChunkTimeoutMs);
        json.WriteEndObject();
        json.WriteStartObject("entries"u8);
        foreach (var (entryRef, grant) in preflight.Entries)
        {
            json.WritePropertyName(entryRef);
            JsonSerializer.Serialize(json, grant);
        }

        json.WriteEndObject();
        json.WriteStartObject("errors"u8);
        foreach (var (entryRef, codes) in preflight.Errors)
        {
            json.WritePropertyName(entryRef);
            JsonSerializer.Serialize(json, codes);
        }

        json.WriteEndObject();
    }

    /// <summary>Refuses an upload chunk that would take the file past its declared <paramref name="limit"/> (Phoenix's reply).</summary>
    public static Frame ChunkTooLarge(this FrameWriter frames, string? joinRef, string? refValue, string topic, long limit)
    {
        frames.BeginReply(joinRef, refValue, topic, ok: false);
        frames.Json.WriteString("reason"u8, "file_size_limit_exceeded");
        frames.Json.WriteNumber("limit"u8, limit);
        return frames.EndReply();
    }

    /// <summary>
    /// Finishes the render frame: a reply is always sent (it answers a request), a push only
    /// when something changed; null means there is nothing to send. A reply to <c>allow_upload</c>
    /// carries its <paramref name="preflight"/> next to the diff.
    /// </summary>
    public static Frame? EndRender(this FrameWriter frames, bool isReply, UploadPreflight? preflight = null)
    {
        var changed = frames.Diff.IsWritten;
        frames.Diff.Pop();
        if (isReply && preflight is not null)
        {
            WriteUploadPreflight(frames.Json, preflight);
        }

        return isReply ? frames.EndReply() : changed ? frames.End() : null;
    }

    /// <summary>A <c>live_patch</c> push: the URL changed to another of this view's routes.</summary>
    public static Frame LivePatchPush(this FrameWriter frames, string? joinRef, string topic, NavigationTarget target)
    {
        frames.Begin(joinRef, null, topic, PhoenixEvents.LivePatch);
        WriteTarget(frames.Json, target);
        return frames.End();
    }

    /// <summary>
    /// Navigation away from this view, in the reply to <paramref name="refValue"/>: an error reply
    /// for a join (the client then navigates instead of mounting), an ok reply for an event.
    /// </summary>
    public static Frame NavigationReply(this FrameWriter frames, string? joinRef, string refValue, string topic, bool ok, bool redirect, NavigationTarget target)
    {
        frames.BeginReply(joinRef, refValue, topic, ok);
        frames.Json.WritePropertyName(redirect ? "redirect"u8 : "live_redirect"u8);
        WriteTarget(frames.Json, target);
        return frames.EndReply();
    }

    /// <summary>Navigation away from this view outside any request (an info, a timer).</summary>
    public static Frame NavigationPush(this FrameWriter frames, string? joinRef, string topic, bool redirect, NavigationTarget target)
    {
        frames.Begin(joinRef, null, topic, redirect ? "redirect" : "live_redirect");
        WriteTarget(frames.Json, target);
        return frames.End();
    }

    /// <summary>The reply to a <c>live_patch</c> that another view serves: the client navigates there with a new join.</summary>
    public static Frame LinkRedirectReply(this FrameWriter frames, string? joinRef, string? refValue, string topic)
    {
        frames.BeginReply(joinRef, refValue, topic, ok: true);
        frames.Json.WriteBoolean("link_redirect"u8, true);
        return frames.EndReply();
    }

    /// <summary>
    /// Replies <c>{"error": …}</c>. With <paramref name="ok"/> the status is "ok": the client
    /// unlocks the element (and form) that sent an event only on an "ok" reply, so an event the
    /// session refuses and carries on after must not leave it locked; "error" suits what ends
    /// the channel anyway (its rejoin resets every lock).
    /// </summary>
    public static Frame ErrorReply(this FrameWriter frames, string? joinRef, string? refValue, string topic, string error, bool ok)
    {
        frames.BeginReply(joinRef, refValue, topic, ok);
        frames.Json.WriteString("error"u8, error);
        return frames.EndReply();
    }

    /// <summary>The reply to <c>cids_destroyed</c>: <c>{"cids": [...]}</c>, the components the server has forgotten (the client drops exactly these).</summary>
    public static Frame DestroyedReply(this FrameWriter frames, string? joinRef, string? refValue, string topic, List<int> cids)
    {
        frames.BeginReply(joinRef, refValue, topic, ok: true);
        frames.Json.WriteStartArray("cids"u8);
        foreach (var cid in cids)
        {
            frames.Json.WriteNumberValue(cid);
        }

        frames.Json.WriteEndArray();
        return frames.EndReply();
    }

    /// <summary>
    /// Refuses a join: <c>{"reason": "stale" | "unauthorized" | …}</c> (protocol §3.3), which the
    /// client acts on, and optionally an <c>"error"</c> kind for the page (<c>version_mismatch</c>).
    /// </summary>
    public static Frame JoinRefusal(this FrameWriter frames, string? joinRef, string? refValue, string topic, string reason, string? error = null) =>
        frames.Reply(joinRef, refValue, topic, ok: false, reason, error);

    /// <summary>The ok reply to a <c>phx_leave</c>.</summary>
    public static Frame LeaveReply(this FrameWriter frames, string? joinRef, string? refValue, string topic) =>
        frames.Reply(joinRef, refValue, topic, ok: true);

    /// <summary>Closes the channel: the client does not rejoin it.</summary>
    public static Frame ClosePush(this FrameWriter frames, string? joinRef, string topic) =>
        frames.Push(joinRef, joinRef, topic, PhoenixEvents.Close);

    /// <summary>Reports a crash: the client rejoins the channel with a fresh mount.</summary>
    public static Frame CrashPush(this FrameWriter frames, string? joinRef, string topic) =>
        frames.Push(joinRef, joinRef, topic, PhoenixEvents.Error, "channel_crash");

    private static void WriteTarget(Utf8JsonWriter json, NavigationTarget target)
    {
        json.WriteStartObject();
        json.WriteString("to"u8, target.To);
        if (target.Kind is not null)
        {
            json.WriteString("kind"u8, target.Kind);
        }

        if (target.Flash is not null)
        {
            json.WriteString("flash"u8, target.Flash);
        }

        json.WriteEndObject();
    }
}
