using System.Collections.Concurrent;

namespace Hyper.Live.EntityFrameworkCore;

/// <summary>
/// The shared value of each row that live views have loaded, held weakly: the views' <see cref="Persistent{T}"/>s keep
/// theirs alive, and once none is left (their sessions ended) the value goes, so a process that loads millions of rows
/// over its life keeps only the open ones. Entries whose value went are pruned as the table grows.
/// </summary>
internal static class SharedRows
{
    private static readonly ConcurrentDictionary<string, WeakReference<Shared<SavedRow?>>> Rows = new(StringComparer.Ordinal);
    private static int pruneAt = 1024;

    /// <summary>The value of the row named <paramref name="name"/>, made when no live view has it.</summary>
    public static Shared<SavedRow?> Get(string name)
    {
        while (true)
        {
            var reference = Rows.GetOrAdd(name, static _ => new(new Shared<SavedRow?>(null)));
            if (reference.TryGetTarget(out var row))
            {
                PruneIfGrown();
                return row;
            }

            // Its views are gone: start over, unless another caller just did.
            var fresh = new Shared<SavedRow?>(null);
            if (Rows.TryUpdate(name, new(fresh), reference))
            {
                return fresh;
            }
        }
    }

    /// <summary>Rows held now, dead ones included until pruned (for tests).</summary>
    public static int Count => Rows.Count;

    private static void PruneIfGrown()
    {
        var threshold = Volatile.Read(ref pruneAt);
        if (Rows.Count < threshold || Interlocked.CompareExchange(ref pruneAt, int.MaxValue, threshold) != threshold)
        {
            return;
        }

        foreach (var (name, reference) in Rows)
        {
            if (!reference.TryGetTarget(out _))
            {
                Rows.TryRemove(new KeyValuePair<string, WeakReference<Shared<SavedRow?>>>(name, reference));
            }
        }

        Volatile.Write(ref pruneAt, Math.Max(1024, Rows.Count * 2));
    }
}
