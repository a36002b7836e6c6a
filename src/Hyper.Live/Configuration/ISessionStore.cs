namespace Hyper.Live;

/// <summary>
/// Where live sessions' snapshots (<see cref="PersistAttribute"/>) are kept, by <see cref="LiveView.SessionId"/>.
/// An entry that is neither set nor touched for <see cref="HyperLiveOptions.SessionTimeout"/> expires. Values are
/// opaque, already protected bytes. In memory by default; <c>options.UseSqliteSessionStore()</c> keeps them across
/// restarts; register another implementation as a singleton for a shared store.
/// </summary>
public interface ISessionStore
{
    /// <summary>The value of <paramref name="key"/>, or null when there is none or it expired.</summary>
    /// <param name="key">The session id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Sets the value of <paramref name="key"/> and restarts its expiry.</summary>
    /// <param name="key">The session id.</param>
    /// <param name="value">The protected snapshot.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task SetAsync(string key, byte[] value, CancellationToken cancellationToken);

    /// <summary>Removes <paramref name="key"/>, if present.</summary>
    /// <param name="key">The session id.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Restarts the expiry of <paramref name="key"/>, if present.</summary>
    /// <param name="key">The session id.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    Task TouchAsync(string key, CancellationToken cancellationToken);
}
