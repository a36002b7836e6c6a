namespace Hyper.Live;

/// <summary>Background work started with <c>StartAsync</c> failed and the view gave no failure callback.</summary>
public sealed class AsyncWorkException : Exception
{
    /// <summary>Wraps the failure of the background work.</summary>
    public AsyncWorkException(Exception innerException)
        : base("Background work started with StartAsync failed: " + innerException?.Message, innerException)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public AsyncWorkException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public AsyncWorkException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception without a message.</summary>
    public AsyncWorkException()
    {
    }
}
