using Hyper.Live.Diffing;
using Hyper.Live.Events;
using Hyper.Live.State;
using Hyper.Live.Templates;
using Hyper.Live.Views;

namespace Hyper.Live.Sessions;

/// <summary>
/// The live components of one joined view: found by class and id when a render embeds them, by
/// cid when an event or the destroy handshake names them. Cids come from the differ, which numbers
/// row components from the same counter (up from 1, never reused).
/// A component renders when it is new, when its props changed, after its own event or a
/// <c>SendUpdate</c>; the others are not rendered at all. One that leaves the page stays until the
/// client has confirmed it is gone (protocol §5.7: <c>cids_will_destroy</c>, then <c>cids_destroyed</c>).
/// </summary>
/// <remarks>Touched only on the session's mailbox.</remarks>
internal sealed class ComponentTable : IComponentSource
{
    private readonly Dictionary<int, ComponentEntry> byCid = [];
    private readonly Dictionary<(Type, string), ComponentEntry> byId = [];
    private readonly Queue<ComponentEntry> toRender = new();

    /// <summary>Components changed outside a render (an event, <c>SendUpdate</c>): rendered if still on the page.</summary>
    private readonly HashSet<ComponentEntry> changed = [];

    private readonly ILiveViewHost host;
    private readonly Func<EventDispatcher> newDispatcher;
    private readonly string viewTarget;
    private int generation;
    private ComponentEntry? rendering;

    /// <param name="host">The session: what components ask of it.</param>
    /// <param name="newDispatcher">A dispatcher for one component's events.</param>
    /// <param name="containerId">The view's container id, the target of a component's <c>Parent</c> when that is the view.</param>
    public ComponentTable(ILiveViewHost host, Func<EventDispatcher> newDispatcher, string containerId)
    {
        this.host = host;
        this.newDispatcher = newDispatcher;
        viewTarget = "#" + containerId;
    }

    /// <summary>How many components the view has, those waiting for the client's confirmation included.</summary>
    public int Count => byCid.Count;

    /// <summary>Starts a render of the view: the components it embeds are noted afresh.</summary>
    public void BeginRender()
    {
        generation++;
        rendering = null;
        toRender.Clear();
    }

    public int Resolve(ComponentCall call, Differ cids)
    {
        var request = (ComponentRequest)call;
        var parent = rendering;
        if (byId.TryGetValue((call.ComponentType, call.Id), out var entry))
        {
            if (entry.Seen == generation)
            {
                throw new TemplateException(
                    $"Two live components {call.ComponentType.Name} with the id \"{call.Id}\" in one render: give each its own id.");
            }

            var propsChanged = request.Update(entry.Component);
            if (propsChanged || entry.Doomed)
            {
                // A component the client announced gone is sent again in full (the differ forgot it).
                entry.Doomed = false;
                MarkChanged(entry);
            }
        }
        else
        {
            var component = request.Create();
            entry = new ComponentEntry(cids.NewCid(), component, newDispatcher());
            component.Cid = entry.Cid;
            component.Host = host;
            byCid[entry.Cid] = entry;
            byId[(call.ComponentType, call.Id)] = entry;
            request.Mount(component);
            MarkChanged(entry);
        }

        entry.Seen = generation;
        entry.Parent = parent;
        entry.Component.Parent = parent is null ? viewTarget : parent.Component.Myself;
        if (changed.Remove(entry))
        {
            toRender.Enqueue(entry);
        }

        return entry.Cid;
    }

    public bool TryRenderNext(out int cid, out Html html)
    {
        var next = toRender.Count > 0 ? toRender.Dequeue() : changed.FirstOrDefault(OnPage);
        if (next is null)
        {
            cid = 0;
            html = default;
            return false;
        }

        changed.Remove(next);
        next.Rendered = generation;
        rendering = next;
        var arena = RenderArena.Current!;
        arena.ComponentMode = true;
        arena.BindingSink = null;
        next.Reads?.Clear();
        SharedReads.ReadFor(next);
        html = next.Component.Render();
        next.Events.Resolve(next.Component, html);
        arena.BindingSink = next.Events;
        cid = next.Cid;
        return true;
    }

    /// <summary>
    /// The client starts from an empty tree (a re-attached session's join): every component it still
    /// shows is rendered in full with the next render.
    /// </summary>
    public void ResendAll()
    {
        foreach (var entry in byCid.Values)
        {
            if (!entry.Doomed)
            {
                MarkChanged(entry);
            }
        }
    }

    /// <summary>The component with this cid, unless the client has announced it gone.</summary>
    public bool TryGet(int cid, out ComponentEntry entry) =>
        byCid.TryGetValue(cid, out entry!) && !entry.Doomed;

    /// <summary>The component of this class and id, unless the client has announced it gone.</summary>
    public LiveComponent? Find(Type componentType, string id) =>
        byId.TryGetValue((componentType, id), out var entry) && !entry.Doomed ? entry.Component : null;

    /// <summary>
    /// Adds the shared values the components read in their last render to <paramref name="into"/> (those not rendered
    /// this time still show what they read); whether any component read one.
    /// </summary>
    public bool AddSharedReads(HashSet<SharedReaders> into)
    {
        var any = false;
        foreach (var entry in byCid.Values)
        {
            if (entry.Reads is { Count: > 0 } read && !entry.Doomed)
            {
                into.UnionWith(read);
                any = true;
            }
        }

        return any;
    }

    /// <summary>
    /// Marks the components whose last render read one of <paramref name="values"/> (null: any shared value) to render
    /// with the next render.
    /// </summary>
    public void MarkReaders(List<SharedReaders>? values)
    {
        foreach (var entry in byCid.Values)
        {
            if (!entry.Doomed && entry.Reads is { Count: > 0 } read && (values is null || values.Exists(read.Contains)))
            {
                MarkChanged(entry);
            }
        }
    }

    /// <summary>Marks a component to render after an event or update of its own.</summary>
    public void MarkChanged(ComponentEntry entry) => changed.Add(entry);

    /// <summary>Runs <paramref name="update"/> on the component of this class and id, if it is on the page; whether it was.</summary>
    public bool Update(Type componentType, string id, Action<LiveComponent> update)
    {
        if (!byId.TryGetValue((componentType, id), out var entry) || entry.Doomed)
        {
            return false;
        }

        update(entry.Component);
        MarkChanged(entry);
        return true;
    }

    /// <summary><c>cids_will_destroy</c>: the client removed these from the page; until confirmed, rendering one again revives it.</summary>
    public void WillDestroy(IEnumerable<int> cids, Differ differ)
    {
        foreach (var cid in cids)
        {
            if (byCid.TryGetValue(cid, out var entry))
            {
                entry.Doomed = true;
                changed.Remove(entry);
                differ.Forget(cid);
            }
        }
    }

    /// <summary>
    /// <c>cids_destroyed</c>: forgets those still gone, and returns them with the row components the view no
    /// longer shows (the client drops exactly these).
    /// </summary>
    public List<int> Destroyed(IEnumerable<int> cids, Differ differ)
    {
        List<int> removed = [.. differ.RetiredRows(cids.Where(cid => !byCid.ContainsKey(cid)))];
        foreach (var cid in cids)
        {
            if (byCid.TryGetValue(cid, out var entry) && entry.Doomed)
            {
                byCid.Remove(cid);
                byId.Remove((entry.Component.GetType(), entry.Component.Id));
                entry.Component.Host = null;
                removed.Add(cid);
            }
        }

        return removed;
    }

    /// <summary>Ends every component with the view.</summary>
    public void Clear()
    {
        foreach (var entry in byCid.Values)
        {
            entry.Component.Host = null;
        }

        byCid.Clear();
        byId.Clear();
        changed.Clear();
        toRender.Clear();
    }

    /// <summary>
    /// Whether a component not embedded by this render is still on the page: its parent did not
    /// render (so still shows it as before), and is itself on the page. The view always renders.
    /// </summary>
    private bool OnPage(ComponentEntry entry)
    {
        for (var current = entry; !current.Doomed; current = current.Parent)
        {
            if (current.Parent is null || current.Parent.Rendered == generation)
            {
                return current.Seen == generation;
            }
        }

        return false;
    }
}
