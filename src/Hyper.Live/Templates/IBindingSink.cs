namespace Hyper.Live.Templates;

/// <summary>Receives what <see cref="BindingResolver"/> finds in a render.</summary>
internal interface IBindingSink
{
    /// <summary>A template of the render as it is looked up, for checks against the view type (at least once per render for each).</summary>
    void Template(CompiledTemplate template);

    /// <summary>A delegate binding and the id the client will send for it.</summary>
    void Handler(ulong id, Delegate handler);
}
