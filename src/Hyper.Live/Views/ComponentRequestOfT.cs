namespace Hyper.Live.Views;

/// <summary>A call of a component without props.</summary>
internal sealed class ComponentRequest<TComponent>(string id) : ComponentRequest(typeof(TComponent), RequireId(id))
    where TComponent : LiveComponent, new()
{
    public static Html Embed(string id) => Html.ForComponent(new ComponentRequest<TComponent>(id));

    public override LiveComponent Create() => new TComponent { Id = Id };

    public override void Mount(LiveComponent component) => component.Mount();

    public override bool Update(LiveComponent component) => false;
}
