using Hyper.Live.Protocol;
using Hyper.Live.Templates;

namespace Hyper.Live.Diffing;

/// <summary>
/// Row components: the entries of a keyed list in the view's own render, when they render one element
/// without form controls, go to the client as stateless Phoenix components. The comprehension's entry
/// holds only the row's cid (written once, when the row is new) and the row's render goes under the
/// diff's top-level <c>"c"</c> with <c>"r": 1</c>. A diff that changes some rows and nothing else is then
/// component-only, which Phoenix's client applies by patching those rows alone instead of re-rendering
/// and morphing the whole view. A row has no instance and no dispatcher: its state is its cid in the
/// list's <see cref="ListState.Cids"/> next to the hashes the list keeps anyway. Events inside a row carry
/// no <c>phx-target</c>, so the client sends them to the view.
/// </summary>
/// <remarks>
/// Rows inside a live component's render or a stream item stay root-tracked entries: a component that does
/// not render leaves its lists unvisited, a stream item is forgotten once sent, and a row is known to be on
/// the page only while the view's render shows it.
/// </remarks>
internal sealed partial class Differ
{
    /// <summary>The differ writing the view's render, while its lists may make row components; null otherwise.</summary>
    [ThreadStatic]
    private static Differ? rowWriter;

    /// <summary>
    /// Rows of the diff being written on this thread, to write under <c>"c"</c> in the order the render reached
    /// them; per thread rather than per view, so a session does not keep a 1,000-row table's worth of capacity.
    /// </summary>
    [ThreadStatic]
    private static List<PendingRow>? pendingRows;

    private int lastCid;
    private int diffNumber;

    /// <summary>The last cid handed out; cids of live components and rows count up together and are never reused.</summary>
    public int LastCid => lastCid;

    /// <summary>A new cid, for a live component or a row.</summary>
    public int NewCid() => ++lastCid;

    /// <summary>
    /// Of <paramref name="cids"/> (which the client reports gone from its page), those that were rows and
    /// that the last render no longer shows: the client may drop them from its cache.
    /// </summary>
    public IEnumerable<int> RetiredRows(IEnumerable<int> cids)
    {
        var shown = ShownRows();
        return cids.Where(cid => cid <= lastCid && !shown.Contains(cid) && !components.ContainsKey(cid));
    }

    /// <summary>
    /// Whether <paramref name="cid"/> is a row the last render shows. The client sends such a cid with an event
    /// from inside the row when it is told to target the closest component (<c>phx-target=""</c>, a hook's
    /// <c>pushEventTo(this.el)</c>); a row has no handlers, so the event is the view's.
    /// </summary>
    public bool ShowsRow(int cid) => cid <= lastCid && ShownRows().Contains(cid);

    /// <summary>The cids of the rows the last render shows (a walk over what the client has, on the rare request that needs it).</summary>
    private HashSet<int> ShownRows()
    {
        HashSet<int> shown = [];
        if (root is not null)
        {
            CollectRows(root.Children, shown);
        }

        return shown;
    }

    private static void CollectRows(object?[]? children, HashSet<int> shown)
    {
        if (children is null)
        {
            return;
        }

        foreach (var child in children)
        {
            if (child is NodeState node)
            {
                CollectRows(node.Children, shown);
            }
            else if (child is ListState list)
            {
                for (var i = 0; list.Cids is not null && i < list.Count; i++)
                {
                    shown.Add(list.Cids[i]);
                }

                CollectRows(list.Children, shown);
            }
        }
    }

    /// <summary>Whether a keyed list being written fresh gets row components.</summary>
    private static bool RowsFor(bool keyed, CompiledTemplate template) =>
        keyed && template.IsSingleRoot && rowWriter is not null;

    /// <summary>A new row: its cid in the comprehension's entry, its render queued for <c>"c"</c>.</summary>
    private static void WriteNewRow(DiffWriter writer, in ListItem item, ListState state, int position)
    {
        var differ = rowWriter!;
        var cid = differ.NewCid();
        state.Cids![position] = cid;
        var json = writer.Json;
        json.WriteStartObject();
        writer.WriteName(0);
        json.WriteNumberValue(cid);
        json.WriteEndObject();
        PendingRows.Add(new PendingRow(state, position, item, New: true));
    }

    /// <summary>A row the client has: nothing in the comprehension; its diff, if any, goes under <c>"c"</c>.</summary>
    private static void DiffRow(in ListItem item, ListState state, int position) =>
        PendingRows.Add(new PendingRow(state, position, item, New: false));

    private static List<PendingRow> PendingRows => pendingRows ??= [];

    /// <summary>Writes the rows this diff reached (queued from <paramref name="first"/> on) into the open <c>"c"</c> frame; rows nested in rows join the queue.</summary>
    private void WriteRows(DiffWriter writer, int first)
    {
        var rows = PendingRows;
        for (var i = first; i < rows.Count; i++)
        {
            WriteRow(writer, rows[i]);
        }
    }

    /// <summary>Leaves the queue as this diff found it, holding no arena.</summary>
    private static void DropRows(int first)
    {
        var rows = PendingRows;
        rows.RemoveRange(first, rows.Count - first);
    }

    private void WriteRow(DiffWriter writer, in PendingRow row)
    {
        var (list, position, item, isNew) = row;
        var template = list.Template!;
        var stride = template.HoleCount;
        var cid = list.Cids![position];
        var values = EntryValues(item, template);
        if (!isNew)
        {
            writer.Push(cid);
            DiffSlots(writer, values, template, list.Hashes, ref list.Children, position * stride, list.Keys.Length * stride);
            writer.Pop();
            return;
        }

        var shared = list.StaticsCid == 0 ? 0 : list.StaticsSentIn == diffNumber ? list.StaticsCid : -list.StaticsCid;
        WriteComponentInFull(writer, cid, values, template, list.Hashes, ref list.Children, position * stride, list.Keys.Length * stride, shared);
        if (shared == 0)
        {
            list.StaticsCid = cid;
            list.StaticsSentIn = diffNumber;
        }
    }

    /// <summary>One row this diff reached: the list and position holding its state, and its item of this render.</summary>
    private readonly record struct PendingRow(ListState List, int Position, ListItem Item, bool New);
}
