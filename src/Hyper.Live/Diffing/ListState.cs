using Hyper.Live.Templates;

namespace Hyper.Live.Diffing;

/// <summary>
/// What the client holds for one comprehension: the entry template, each entry's key, and
/// the entries' slot states in flat arrays (entry <c>i</c>, hole <c>h</c> at
/// <c>i * HoleCount + h</c>), so a 1,000-row list costs a few arrays, not 1,000 objects.
/// </summary>
internal sealed class ListState
{
    public ListState(CompiledTemplate? template, bool keyed, int capacity, bool rows = false)
    {
        Template = template;
        Keyed = keyed;
        Keys = new ulong[capacity];
        Hashes = new ulong[capacity * Stride];
        Cids = rows ? new int[capacity] : null;
    }

    /// <summary>The entry template; null while the list has never had an entry (sent as <c>""</c>).</summary>
    public CompiledTemplate? Template { get; }

    public bool Keyed { get; }

    /// <summary>
    /// Whether each entry is sent as a root-tracked template of its own (<c>{"0": {…, "r": 1}}</c> under
    /// statics <c>["", ""]</c>) rather than as the comprehension's dynamics: the client only skips
    /// rendered objects, never comprehension entries, so this is what lets it leave unchanged rows alone.
    /// Keyed lists of one single-root template only, where rows are long-lived and change one at a time.
    /// </summary>
    public bool RootEntries => Keyed && Template is { IsSingleRoot: true } && Cids is null;

    /// <summary>
    /// Per entry, the cid of its row component, or null when the entries are not row components. A row
    /// component is a keyed entry of one single-root template sent as a stateless Phoenix component: the
    /// comprehension holds only its cid and its render goes under the diff's <c>"c"</c>, so a diff that
    /// changes rows and nothing else is component-only and the client patches just those rows.
    /// </summary>
    public int[]? Cids;

    /// <summary>A row component of this list whose statics the client has: the next new row refers to them.</summary>
    public int StaticsCid;

    /// <summary>The diff in which <see cref="StaticsCid"/> was sent in full (a reference to it is then positive).</summary>
    public int StaticsSentIn;

    public int Stride => Template?.HoleCount ?? 0;

    public int Count;

    public ulong[] Keys;

    public ulong[] Hashes;

    public object?[]? Children;

    /// <summary>Makes room for <paramref name="count"/> entries, keeping the existing ones.</summary>
    public void EnsureCapacity(int count)
    {
        if (Keys.Length >= count)
        {
            return;
        }

        var capacity = Math.Max(count, Keys.Length * 2);
        Array.Resize(ref Keys, capacity);
        Array.Resize(ref Hashes, capacity * Stride);
        if (Cids is not null)
        {
            Array.Resize(ref Cids, capacity);
        }

        if (Children is not null)
        {
            Array.Resize(ref Children, capacity * Stride);
        }
    }

    /// <summary>Drops entries from <paramref name="count"/> on, releasing their nested state.</summary>
    public void Truncate(int count)
    {
        if (Children is not null && count < Count)
        {
            Array.Clear(Children, count * Stride, (Count - count) * Stride);
        }

        Count = count;
    }
}
