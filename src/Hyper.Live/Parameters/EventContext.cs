
namespace Hyper.Live.Parameters;

/// <summary>One event being bound to a handler's parameters: where the values come from and the first problem found.</summary>
internal sealed class EventContext(LiveEvent liveEvent, CancellationToken cancellationToken)
{
    public LiveEvent Event { get; } = liveEvent;

    public EventPayload Payload => Event.Payload;

    /// <summary>The session's token, for handlers that take a <see cref="System.Threading.CancellationToken"/>.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The first parameter that did not bind; the handler is then not called.</summary>
    public InvalidParameterException? Error { get; private set; }

    public bool Failed => Error is not null;

    /// <summary>Refuses the event for <paramref name="parameter"/>: <paramref name="detail"/> for developers, <paramref name="message"/> (by default the detail) for the page.</summary>
    public void Fail(string parameter, string detail, string? message = null) =>
        Error ??= new InvalidParameterException(Event.Name, parameter, detail) { InputError = new InputError(parameter, message ?? detail) };
}
