namespace Hyper.Live;

/// <summary>
/// An event carried a value that does not fit a handler parameter (<c>"abc"</c> for an <c>int</c>,
/// a record failing its DataAnnotations). The handler is not called; the client gets the message
/// as an error reply and <see cref="LiveView.OnError"/> sees this exception.
/// </summary>
public sealed class InvalidParameterException : Exception
{
    /// <summary>Creates the exception for <paramref name="parameterName"/> of the handler of <paramref name="eventName"/>.</summary>
    public InvalidParameterException(string eventName, string parameterName, string detail)
        : base($"Invalid parameter '{parameterName}': {detail}")
    {
        EventName = eventName;
        ParameterName = parameterName;
    }

    /// <summary>Creates the exception with a message.</summary>
    public InvalidParameterException(string message)
        : base(message)
    {
        EventName = ParameterName = "";
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public InvalidParameterException(string message, Exception innerException)
        : base(message, innerException)
    {
        EventName = ParameterName = "";
    }

    /// <summary>Creates the exception without a message.</summary>
    public InvalidParameterException()
    {
        EventName = ParameterName = "";
    }

    /// <summary>The event whose handler refused the value.</summary>
    public string EventName { get; }

    /// <summary>The parameter (and member, <c>form.Age</c>) that did not bind.</summary>
    public string ParameterName { get; }

    /// <summary>What the page shows in <see cref="LiveView.InputErrors"/>: the field and a message for the person who typed it.</summary>
    internal InputError? InputError { get; init; }
}
