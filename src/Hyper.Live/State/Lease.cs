using Hyper.Live.State;

namespace Hyper.Live;

/// <summary>
/// Exclusive use of a resource by one live session ("editing row 7"), taken with <see cref="LiveView.TryAcquireLease"/>
/// and released with <see cref="Release"/> or, whatever happens, when the session ends: the page leaves, the view
/// crashes, or its socket dropped and no rejoin came back within <see cref="HyperLiveOptions.DisconnectedSessionRetention"/>.
/// </summary>
public sealed class Lease : IDisposable
{
    private readonly Action<Lease>? released;
    private int isReleased;

    internal Lease(string resource, string sessionId, Action<Lease>? released)
    {
        Resource = resource;
        SessionId = sessionId;
        this.released = released;
    }

    /// <summary>The resource's name, as given to <see cref="LiveView.TryAcquireLease"/>.</summary>
    public string Resource { get; }

    /// <summary>The <see cref="LiveView.SessionId"/> of the session holding it.</summary>
    public string SessionId { get; }

    /// <summary>Whether the lease was released (by <see cref="Release"/> or because its session ended).</summary>
    public bool IsReleased => Volatile.Read(ref isReleased) == 1;

    /// <summary>
    /// The <see cref="LiveView.SessionId"/> of the session holding <paramref name="resource"/>, or null when it is free.
    /// Read in a live view's render, the view re-renders when the resource is taken or released.
    /// </summary>
    public static string? HolderOf(string resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return LeaseTable.HolderOf(resource);
    }

    /// <summary>Gives the resource up (once; later calls do nothing).</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref isReleased, 1) == 0)
        {
            LeaseTable.Release(Resource, SessionId);
            released?.Invoke(this);
        }
    }

    /// <summary>The same as <see cref="Release"/>.</summary>
    public void Dispose() => Release();
}
