using Hyper.Live.Events;
using Hyper.Live.State;

namespace Hyper.Live.Sessions;

/// <summary>One live component of a view and its bookkeeping (compared by reference: it changes as renders go by).</summary>
/// <param name="cid">Its id on the wire.</param>
/// <param name="component">The instance.</param>
/// <param name="events">Its events: handlers, delegate bindings of its last render.</param>
internal sealed class ComponentEntry(int cid, LiveComponent component, EventDispatcher events) : ISharedReadSink
{
    /// <summary>Its id on the wire.</summary>
    public int Cid { get; } = cid;

    /// <summary>The instance.</summary>
    public LiveComponent Component { get; } = component;

    /// <summary>Its events: handlers, delegate bindings of its last render.</summary>
    public EventDispatcher Events { get; } = events;

    /// <summary>The component whose render embeds it; null for the view.</summary>
    public ComponentEntry? Parent { get; set; }

    /// <summary>The last render (of the view) that embedded it.</summary>
    public int Seen { get; set; }

    /// <summary>The last render it rendered in.</summary>
    public int Rendered { get; set; }

    /// <summary>Announced gone by the client (<c>cids_will_destroy</c>); forgotten when confirmed.</summary>
    public bool Doomed { get; set; }

    /// <summary>The shared values its last render read; null when none (most components).</summary>
    public HashSet<SharedReaders>? Reads { get; private set; }

    /// <inheritdoc/>
    public void Read(SharedReaders value) => (Reads ??= []).Add(value);
}
