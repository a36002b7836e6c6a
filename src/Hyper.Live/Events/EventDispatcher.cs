using System.Text.Json;
using Microsoft.Extensions.Logging;
using Hyper.Live.Diagnostics;
using Hyper.Live.Templates;
using Hyper.Live.Parameters;

namespace Hyper.Live.Events;

/// <summary>
/// Runs a session's events (protocol §5): finds the handler — a view method by name, or a
/// delegate of the last render by its binding id — binds its parameters and calls it. Bad input
/// (no name, an unknown or stale handler, a value that does not fit a parameter) is logged and
/// returned, for the session to answer with an error reply and report to
/// <see cref="LiveView.OnError"/>; the session carries on. Also resolves each render's delegate
/// bindings, which it keeps.
/// </summary>
internal sealed partial class EventDispatcher(ILogger logger, TimeSpan warningInterval = default) : IBindingSink
{
    /// <summary>Reserved by Phoenix: clears the flash (or its <c>key</c>) without a handler.</summary>
    private const string ClearFlash = "lv:clear-flash";

    /// <summary>The delegates of the render the client has last been sent, by binding id.</summary>
    private readonly Dictionary<ulong, Delegate> handlers = [];
    private readonly WarningThrottle warnings = new(warningInterval);
    private HandlerTable? table;

    /// <summary>
    /// Prepares a render of <paramref name="view"/> for writing: gives its delegate bindings their
    /// ids (remembering them for the events to come), and has its templates' handler names checked
    /// as they are looked up (by the walk, or while the render is written).
    /// </summary>
    public void Resolve(LiveView view, Html html)
    {
        table = HandlerTable.For(view.GetType());
        handlers.Clear();
        BindingResolver.Resolve(html, this);
    }

    void IBindingSink.Template(CompiledTemplate template) => table!.Check(template);

    void IBindingSink.Handler(ulong id, Delegate handler) => handlers[id] = handler;

    /// <summary>Runs the event in <paramref name="payload"/>; returns why it was refused, or null once the handler ran.</summary>
    public async Task<Exception?> DispatchAsync(LiveView view, JsonElement payload, CancellationToken cancellationToken)
    {
        var viewName = view.GetType().Name;
        if (Malformed(payload) is { } problem)
        {
            LogMalformedEvent(logger, warnings.Next(out var heldBack), viewName, problem, heldBack);
            return new UnknownEventException(problem);
        }

        var liveEvent = new LiveEvent(
            payload.GetProperty("event"u8).GetString()!,
            payload.TryGetProperty("type"u8, out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null,
            payload.TryGetProperty("value"u8, out var value) ? value : default,
            payload.TryGetProperty("meta"u8, out var meta) ? meta : default,
            payload.TryGetProperty("cid"u8, out var cid) && cid.ValueKind == JsonValueKind.Number ? cid.GetInt32() : null);
        if (liveEvent.Name == ClearFlash)
        {
            view.Flash.Clear(liveEvent["key"]);
            return null;
        }

        var context = new EventContext(liveEvent, cancellationToken);
        Task? handled;
        if (BindingId.TryParse(liveEvent.Name, out var bindingId))
        {
            if (!handlers.TryGetValue(bindingId, out var handler))
            {
                LogStaleBinding(logger, warnings.Next(out var heldBack), liveEvent.Name, viewName, heldBack);
                return new UnknownEventException(
                    $"The element that sent '{liveEvent.Name}' is no longer on the page of {viewName}: its binding was not in the last render.");
            }

            handled = HandlerInvoker.ForDelegate(handler).Invoke(handler, context);
        }
        else if ((table ??= HandlerTable.For(view.GetType())).Find(liveEvent.Name) is { } method)
        {
            handled = method.Invoke(view, context);
        }
        else
        {
            try
            {
                handled = view.HandleEventAsync(liveEvent, cancellationToken);
            }
            catch (UnknownEventException unknown)
            {
                LogUnknownEvent(logger, warnings.Next(out var heldBack), unknown.EventName, viewName, heldBack);
                return table.ClosestName(unknown.EventName) is { } closest
                    ? new UnknownEventException($"{viewName} has no handler for the event '{unknown.EventName}' (did you mean '{closest}'?).", unknown.EventName)
                    : unknown;
            }
        }

        if (handled is null)
        {
            LogInvalidParameter(logger, warnings.Next(out var heldBack), viewName, liveEvent.Name, context.Error!.Message, heldBack);
            return context.Error;
        }

        await handled.ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// What the client-sent fields the dispatcher reads get wrong, or null. Strings are already
    /// well-formed (the frame parser refuses lone surrogates); kinds are checked here so that
    /// reading them cannot throw.
    /// </summary>
    private static string? Malformed(JsonElement payload)
    {
        if (!payload.TryGetProperty("event"u8, out var name) || name.ValueKind != JsonValueKind.String)
        {
            return "an event needs a string 'event' name";
        }

        if (payload.TryGetProperty("type"u8, out var type) && type.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            return "an event's 'type' must be a string";
        }

        return payload.TryGetProperty("cid"u8, out var cid) && cid.ValueKind != JsonValueKind.Null &&
            !(cid.ValueKind == JsonValueKind.Number && cid.TryGetInt32(out var id) && id >= 0)
            ? "an event's 'cid' must be a component id (a non-negative integer)"
            : null;
    }

    // Level: Warning once per interval (ClientErrorLogInterval), Debug in between, so one client cannot flood the log.
    [LoggerMessage(Message = "{View} received the unknown event '{Event}' ({HeldBack} more refused events since the last warning)")]
    private static partial void LogUnknownEvent(ILogger logger, LogLevel level, string @event, string view, int heldBack);

    [LoggerMessage(Message = "{View} received '{Event}' from a binding that is no longer on the page ({HeldBack} more refused events since the last warning)")]
    private static partial void LogStaleBinding(ILogger logger, LogLevel level, string @event, string view, int heldBack);

    [LoggerMessage(Message = "{View} refused '{Event}': {Problem} ({HeldBack} more refused events since the last warning)")]
    private static partial void LogInvalidParameter(ILogger logger, LogLevel level, string view, string @event, string problem, int heldBack);

    [LoggerMessage(Message = "{View} received a malformed event: {Problem} ({HeldBack} more refused events since the last warning)")]
    private static partial void LogMalformedEvent(ILogger logger, LogLevel level, string view, string problem, int heldBack);
}
