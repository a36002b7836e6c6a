using System.Text.Json;
using Hyper.Live.Diagnostics;
using Hyper.Live.Events;
using Hyper.Live.Protocol;
using Microsoft.Extensions.Logging;

namespace Hyper.Live.Sessions;

/// <summary>
/// Live components: events the client sends with a <c>cid</c> go to that component's handlers,
/// <c>SendUpdate</c> reaches one through the mailbox, and the destroy handshake
/// (<c>cids_will_destroy</c>, <c>cids_destroyed</c>) lets the session forget the ones the page dropped.
/// </summary>
internal sealed partial class LiveSession
{
    private readonly HashSet<string> targetedHandlers = new(StringComparer.Ordinal);

    /// <summary>Messages components sent up with <c>SendParent</c>, for the view before the next render.</summary>
    private readonly Queue<object> parentMessages = new();
    private WarningThrottle componentWarnings;

    void Views.ILiveViewHost.SendUpdate(Type componentType, string id, Action<LiveComponent> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        Post(new SessionMessage.Callback(() => components?.Update(componentType, id, update)));
    }

    LiveComponent? Views.ILiveViewHost.FindComponent(Type componentType, string id) => components?.Find(componentType, id);

    void Views.ILiveViewHost.SendParent(object message) => parentMessages.Enqueue(message);

    /// <summary>Runs the view's <c>HandleInfo</c> for what components sent up during the callback.</summary>
    private async Task DeliverParentMessagesAsync()
    {
        while (view is not null && parentMessages.TryDequeue(out var message))
        {
            await RecoverAsync(() => view.HandleInfoAsync(message, lifetime.Token)).ConfigureAwait(false);
        }
    }

    /// <summary>A component sent a message up outside a callback (while mounting in a render): a callback of its own delivers it.</summary>
    private void DeliverLaterParentMessages()
    {
        if (parentMessages.Count > 0)
        {
            Post(new SessionMessage.Callback(static () => { }));
        }
    }

    private EventDispatcher NewDispatcher() =>
        new(logger, socket.Context.Limits, host.DetailedErrors, host.Options.ClientErrorLogInterval, targetedHandlers);

    /// <summary>
    /// The component an event names with its <c>cid</c>; null for the view (no cid, a row component's cid, or one the view's
    /// dispatcher refuses as malformed), or with <paramref name="refusal"/> when no such component is on the page.
    /// </summary>
    private ComponentEntry? TargetComponent(JsonElement payload, out EventRefusal? refusal)
    {
        refusal = null;
        if (!payload.TryGetProperty("cid"u8, out var cidValue) || cidValue.ValueKind != JsonValueKind.Number ||
            !cidValue.TryGetInt32(out var cid) || cid < 0)
        {
            return null;
        }

        if (components?.TryGet(cid, out var entry) == true)
        {
            return entry;
        }

        if (differ.ShowsRow(cid))
        {
            return null;
        }

        // An event racing the component's removal lands here too: refused, not a crash.
        var name = payload.TryGetProperty("event"u8, out var eventName) && eventName.ValueKind == JsonValueKind.String ? eventName.GetString()! : "";
        LogUnknownComponent(logger, componentWarnings.Next(out var heldBack), ViewName, name, cid, heldBack);
        var error = new UnknownEventException($"The component {cid} that '{name}' was sent to is not on the page of {ViewName}.");
        refusal = new EventRefusal(error, host.DetailedErrors ? error.Message : "the component this event was sent to is no longer on the page");
        return null;
    }

    /// <summary><c>cids_will_destroy</c> (reply <c>{}</c>) and <c>cids_destroyed</c> (reply with the cids forgotten).</summary>
    private void HandleDestroy(PhoenixMessage message)
    {
        if (ReadCids(message.Payload) is not { } cids)
        {
            const string problem = "'cids' must be an array of component ids";
            LogMalformedDestroy(logger, componentWarnings.Next(out var heldBack), ViewName, message.Event, problem, heldBack);
            Send(FrameWriter.Current.ErrorReply(joinRef, message.Ref, Topic, $"malformed {message.Event}: {problem}", ok: true));
            return;
        }

        if (message.Event == PhoenixEvents.CidsWillDestroy)
        {
            components?.WillDestroy(cids, differ);
            Send(FrameWriter.Current.Reply(joinRef, message.Ref, Topic, ok: true));
        }
        else
        {
            Send(FrameWriter.Current.DestroyedReply(joinRef, message.Ref, Topic, components?.Destroyed(cids, differ) ?? []));
        }
    }

    /// <summary>The payload's <c>cids</c>, or null when it is not an array of positive integers.</summary>
    private static List<int>? ReadCids(JsonElement payload)
    {
        if (!payload.TryGetProperty("cids"u8, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        List<int> cids = [];
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out var cid) || cid <= 0)
            {
                return null;
            }

            cids.Add(cid);
        }

        return cids;
    }

    // Level: Warning once per interval, Debug in between, so one client cannot flood the log.
    [LoggerMessage(Message = "{View} received '{Event}' for component {Cid}, which is not on the page ({HeldBack} more since the last warning)")]
    private static partial void LogUnknownComponent(ILogger logger, LogLevel level, string view, string @event, int cid, int heldBack);

    [LoggerMessage(Message = "{View} received a malformed {Event}: {Problem} ({HeldBack} more since the last warning)")]
    private static partial void LogMalformedDestroy(ILogger logger, LogLevel level, string view, string @event, string problem, int heldBack);
}
