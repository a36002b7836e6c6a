using System.Collections.Concurrent;

namespace Hyper.Live.State;

/// <summary>
/// Who holds each leased resource, process-wide: a <see cref="Shared{T}"/> holder per resource name, so a view that
/// renders <see cref="Lease.HolderOf"/> re-renders when the lease is taken or released. One small entry per resource
/// name ever leased or asked about (the names come from the app, not the browser).
/// </summary>
internal static class LeaseTable
{
    private static readonly ConcurrentDictionary<string, Shared<string?>> Holders = new(StringComparer.Ordinal);

    /// <summary>Makes <paramref name="sessionId"/> the holder of <paramref name="resource"/> unless another session is; true when it holds it now.</summary>
    public static bool TryAcquire(string resource, string sessionId)
    {
        var holder = HolderFor(resource);
        var acquired = false;
        holder.Update(current =>
        {
            acquired = current is null;
            return current ?? sessionId;
        });
        if (acquired)
        {
            holder.Broadcast();
        }

        return acquired || holder.Value == sessionId;
    }

    /// <summary>Releases <paramref name="resource"/> if <paramref name="sessionId"/> holds it.</summary>
    public static void Release(string resource, string sessionId)
    {
        var holder = HolderFor(resource);
        var released = false;
        holder.Update(current =>
        {
            released = current == sessionId;
            return released ? null : current;
        });
        if (released)
        {
            holder.Broadcast();
        }
    }

    /// <summary>The session id holding <paramref name="resource"/>, or null; read in a render, it re-renders the view when that changes.</summary>
    public static string? HolderOf(string resource) => HolderFor(resource).Value;

    // Broadcasts only when the holder changed: a refused acquisition re-renders nobody.
    private static Shared<string?> HolderFor(string resource) =>
        Holders.GetOrAdd(resource, static _ => new Shared<string?>(null, autoBroadcast: false));
}
