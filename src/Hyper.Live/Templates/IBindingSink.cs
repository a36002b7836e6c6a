namespace Hyper.Live.Templates;

/// <summary>Receives what <see cref="BindingResolver"/> finds in a render.</summary>
internal interface IBindingSink
{
    /// <summary>A template of the render, for checks against the view type (called for every template node).</summary>
    void Template(CompiledTemplate template);

    /// <summary>A delegate binding and the id the client will send for it.</summary>
    void Handler(ulong id, Delegate handler);
}
