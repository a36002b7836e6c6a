namespace Hyper.Live;

/// <summary>
/// An event was not run because it went over a rate limit (<see cref="HyperLiveOptions.EventRateLimit"/>
/// or a <see cref="RateLimitAttribute"/>); <see cref="LiveView.OnError"/> gets it, the page gets an error reply.
/// </summary>
public sealed class RateLimitedException : Exception
{
    /// <summary>Creates the exception without a message.</summary>
    public RateLimitedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RateLimitedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public RateLimitedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
