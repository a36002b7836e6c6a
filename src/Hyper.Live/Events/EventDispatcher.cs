using System.Text.Json;
using Microsoft.Extensions.Logging;
using Hyper.Live.Diagnostics;
using Hyper.Live.Templates;
using Hyper.Live.Parameters;
using Hyper.Live.RateLimiting;

namespace Hyper.Live.Events;

/// <summary>
/// Runs a session's events (protocol §5): finds the handler — a view method by name, or a
/// delegate of the last render by its binding id — binds its parameters and calls it. Bad input
/// (no name, an unknown or stale handler, a value that does not fit a parameter) is logged and
/// returned, for the session to answer with an error reply and report to
/// <see cref="LiveView.OnError"/>; the session carries on. Also resolves each render's delegate
/// bindings, which it keeps, and notes which handlers the rendered templates bind: only those, and
/// methods marked <see cref="ClientEventAttribute"/>, may be called by name. Applies the socket's
/// and the <see cref="RateLimitAttribute"/> rate limits before a handler runs.
/// </summary>
/// <param name="logger">Where refused events are logged (at Warning, without a stack trace).</param>
/// <param name="limits">The socket's limits; null applies none (a render without a socket).</param>
/// <param name="detailedErrors">Whether error replies may name types, parameters and close handler names (Development).</param>
/// <param name="warningInterval">How often a refusal is logged at Warning; the rest go to Debug (<see cref="HyperLiveOptions.ClientErrorLogInterval"/>).</param>
/// <param name="targeted">
/// Shared by a view's dispatcher and its components': handlers that rendered bindings with a <c>phx-target</c>
/// of their own name (<c>phx-target="{{Parent}}"</c> in a component), which the target they reach may run.
/// </param>
internal sealed partial class EventDispatcher(ILogger logger, SocketLimits? limits = null, bool detailedErrors = true, TimeSpan warningInterval = default,
    HashSet<string>? targeted = null) : IBindingSink
{
    /// <summary>Reserved by Phoenix: clears the flash (or its <c>key</c>) without a handler.</summary>
    private const string ClearFlash = "lv:clear-flash";

    /// <summary>The delegates of the render the client has last been sent, by binding id.</summary>
    private readonly Dictionary<ulong, Delegate> handlers = [];
    private WarningThrottle warnings = new(warningInterval);
    private HandlerTable? table;

    /// <summary>
    /// The handlers bound by every template rendered in this session (a bit per handler: 8 bytes for
    /// a view of up to 64 handlers): a handler stays callable once bound, so an event racing a
    /// render that dropped its button still runs, as it would have a moment earlier.
    /// </summary>
    private HandlerMask bound;

    /// <summary>
    /// Prepares a render of <paramref name="view"/> for writing: gives its delegate bindings their
    /// ids (remembering them for the events to come), and has its templates' handler names checked
    /// as they are looked up (by the walk, or while the render is written).
    /// </summary>
    public void Resolve(object view, Html html)
    {
        var viewTable = HandlerTable.For(view.GetType());
        if (viewTable != table)
        {
            table = viewTable;
            bound = default;
        }

        handlers.Clear();
        BindingResolver.Resolve(html, this);
    }

    void IBindingSink.Template(CompiledTemplate template)
    {
        bound.UnionWith(table!.Check(template));
        foreach (var handler in template.TargetedHandlers)
        {
            targeted?.Add(handler);
        }
    }

    void IBindingSink.Handler(ulong id, Delegate handler) => handlers[id] = handler;

    /// <summary>
    /// Runs the event in <paramref name="payload"/> on <paramref name="view"/>, a <see cref="LiveView"/> or
    /// a <see cref="LiveComponent"/>; returns why it was refused, or null once the handler ran.
    /// </summary>
    public async Task<EventRefusal?> DispatchAsync(object view, JsonElement payload, CancellationToken cancellationToken)
    {
        var viewName = view.GetType().Name;
        if (limits?.TryEvent() == false)
        {
            return RateLimited(viewName, "its socket", "(any)");
        }

        if (Malformed(payload) is { } problem)
        {
            LogMalformedEvent(logger, warnings.Next(out var heldBack), viewName, problem, heldBack);
            var malformed = new UnknownEventException(problem);
            return new EventRefusal(malformed, malformed.Message);
        }

        var liveEvent = new LiveEvent(
            payload.GetProperty("event"u8).GetString()!,
            payload.TryGetProperty("type"u8, out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null,
            payload.TryGetProperty("value"u8, out var value) ? value : default,
            payload.TryGetProperty("meta"u8, out var meta) ? meta : default,
            payload.TryGetProperty("cid"u8, out var cid) && cid.ValueKind == JsonValueKind.Number ? cid.GetInt32() : null);
        if (liveEvent.Name == ClearFlash && view is LiveView { Flash: var flash })
        {
            flash.Clear(liveEvent["key"]);
            return null;
        }

        table ??= HandlerTable.For(view.GetType());
        if (table.ViewLimit is { } viewLimit && limits?.TryEvent(view.GetType(), viewLimit) == false)
        {
            return RateLimited(viewName, $"{viewName} ({viewLimit})", liveEvent.Name);
        }

        var context = new EventContext(liveEvent, cancellationToken);
        Task? handled;
        if (BindingId.TryParse(liveEvent.Name, out var bindingId))
        {
            if (!handlers.TryGetValue(bindingId, out var handler))
            {
                LogStaleBinding(logger, warnings.Next(out var heldBack), liveEvent.Name, viewName, heldBack);
                return Refuse(new UnknownEventException(
                    $"The element that sent '{liveEvent.Name}' is no longer on the page of {viewName}: its binding was not in the last render."),
                    "the element that sent this event is no longer on the page");
            }

            handled = HandlerInvoker.ForDelegate(handler).Invoke(handler, context);
        }
        else if (table.IndexOf(liveEvent.Name) is var index and >= 0 && (table.IsAllowed(index, bound) || targeted?.Contains(liveEvent.Name) == true))
        {
            var method = table.Invoker(index);
            if (table.Limit(index) is { } limit && limits?.TryEvent(method.Method, limit) == false)
            {
                return RateLimited(viewName, $"{viewName}.{method.Method.Name} ({limit})", liveEvent.Name);
            }

            handled = method.Invoke(view, context);
        }
        else
        {
            try
            {
                handled = view is LiveComponent component
                    ? component.HandleEventAsync(liveEvent, cancellationToken)
                    : ((LiveView)view).HandleEventAsync(liveEvent, cancellationToken);
            }
            catch (UnknownEventException unknown)
            {
                LogUnknownEvent(logger, warnings.Next(out var heldBack), unknown.EventName, viewName, heldBack);
                var closest = detailedErrors ? table.ClosestName(unknown.EventName) : null;
                return Refuse(
                    closest is not null ? new UnknownEventException($"{viewName} has no handler for the event '{unknown.EventName}' (did you mean '{closest}'?).", unknown.EventName) : unknown,
                    $"unknown event '{liveEvent.Name}'");
            }
        }

        if (handled is null)
        {
            LogInvalidParameter(logger, warnings.Next(out var heldBack), viewName, liveEvent.Name, context.Error!.Message, heldBack);
            return Refuse(context.Error, $"the event '{liveEvent.Name}' carried a value its handler cannot take");
        }

        await handled.ConfigureAwait(false);
        return null;
    }

    /// <summary>A refusal whose reply is <paramref name="error"/>'s message in Development, else <paramref name="plainReply"/>.</summary>
    private EventRefusal Refuse(Exception error, string plainReply) => new(error, detailedErrors ? error.Message : plainReply);

    /// <summary>Refuses an event over the limit of <paramref name="limited"/>, and counts it toward closing the socket.</summary>
    private EventRefusal RateLimited(string viewName, string limited, string @event)
    {
        LogRateLimited(logger, warnings.Next(out var heldBack), viewName, @event, limited, heldBack);
        limits!.RateLimited();
        return Refuse(new RateLimitedException($"rate limited: too many events for {limited}, try again later"), "rate limited: too many events, try again later");
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

    [LoggerMessage(Message = "{View} refused '{Event}': over the rate limit of {Limited} ({HeldBack} more refused events since the last warning)")]
    private static partial void LogRateLimited(ILogger logger, LogLevel level, string view, string @event, string limited, int heldBack);
}
