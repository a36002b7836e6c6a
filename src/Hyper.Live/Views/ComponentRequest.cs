using Hyper.Live.Templates;

namespace Hyper.Live.Views;

/// <summary>
/// A component call as the session carries it out: creates the instance, mounts it with its props,
/// and hands it new props on later renders.
/// </summary>
internal abstract class ComponentRequest(Type componentType, string id) : ComponentCall(componentType, id)
{
    /// <summary>A new instance with this call's id, not mounted yet.</summary>
    public abstract LiveComponent Create();

    /// <summary>Gives <paramref name="component"/> its first props, then runs its <c>Mount</c> and <c>Update</c>.</summary>
    public abstract void Mount(LiveComponent component);

    /// <summary>Hands <paramref name="component"/> this call's props; whether they differ from the last ones (it must render).</summary>
    public abstract bool Update(LiveComponent component);

    public override Html RenderDetached()
    {
        var component = Create();
        Mount(component);
        return component.Render();
    }

    protected static string RequireId(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return id;
    }
}
