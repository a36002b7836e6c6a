namespace Hyper.Live.Views;

/// <summary>A call of a component with props, compared with <c>Equals</c> to the last ones.</summary>
internal sealed class ComponentRequest<TComponent, TProps>(string id, TProps props) : ComponentRequest(typeof(TComponent), RequireId(id))
    where TComponent : LiveComponent<TProps>, new()
{
    public static Html Embed(string id, TProps props) => Html.ForComponent(new ComponentRequest<TComponent, TProps>(id, props));

    public override LiveComponent Create() => new TComponent { Id = Id };

    public override void Mount(LiveComponent component)
    {
        var typed = (TComponent)component;
        typed.Props = props;
        typed.Mount();
        typed.Update(props);
    }

    public override bool Update(LiveComponent component)
    {
        var typed = (TComponent)component;
        if (EqualityComparer<TProps>.Default.Equals(typed.Props, props))
        {
            return false;
        }

        typed.Props = props;
        typed.Update(props);
        return true;
    }
}
