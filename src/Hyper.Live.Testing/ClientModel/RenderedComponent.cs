namespace Hyper.Live.Testing.ClientModel;

/// <summary>What a component last rendered into the DOM.</summary>
/// <param name="Html">Its HTML, possibly holding placeholders of nested components and streams.</param>
/// <param name="Rooted">Whether it carried "r": 1, i.e. its element has data-phx-component and can be patched alone.</param>
internal sealed record RenderedComponent(string Html, bool Rooted);
