namespace Hyper.Live;

/// <summary>An event reached a view that has no handler for it.</summary>
public sealed class UnknownEventException : Exception
{
    /// <summary>Creates the exception for <paramref name="eventName"/> sent to <paramref name="viewType"/>.</summary>
    public UnknownEventException(Type viewType, string eventName)
        : base($"{viewType?.Name} has no handler for the event '{eventName}'.")
    {
        EventName = eventName;
    }

    /// <summary>Creates the exception for <paramref name="eventName"/> with a message that says more.</summary>
    internal UnknownEventException(string message, string eventName)
        : base(message)
    {
        EventName = eventName;
    }

    /// <summary>Creates the exception with a message.</summary>
    public UnknownEventException(string message)
        : base(message)
    {
        EventName = "";
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public UnknownEventException(string message, Exception innerException)
        : base(message, innerException)
    {
        EventName = "";
    }

    /// <summary>Creates the exception without a message.</summary>
    public UnknownEventException()
    {
        EventName = "";
    }

    /// <summary>The event that had no handler.</summary>
    public string EventName { get; }
}
