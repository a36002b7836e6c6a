namespace Hyper.Live.Templates;

/// <summary>
/// A live component embedded in a render: which component (type and id) and what its parent
/// passed. The template layer only carries it; the session finds or mounts the component and
/// renders it (<c>Views/ComponentRequest</c> adds how).
/// </summary>
internal abstract class ComponentCall
{
    protected ComponentCall(Type componentType, string id)
    {
        ComponentType = componentType;
        Id = id;
    }

    /// <summary>The component's class.</summary>
    public Type ComponentType { get; }

    /// <summary>The identity the parent gave it: with the type, it finds the same instance render after render.</summary>
    public string Id { get; }

    /// <summary>Renders a fresh instance on its own, for the HTTP render (no session to keep it in).</summary>
    public abstract Html RenderDetached();
}
