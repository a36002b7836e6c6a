using Hyper.Live.Templates;

namespace Hyper.Live.Diffing;

/// <summary>
/// A view's live components as the <see cref="Differ"/> sees them: it asks for the cid of each
/// component a render embeds, then for the renders of those that must be sent.
/// </summary>
internal interface IComponentSource
{
    /// <summary>The cid of the component <paramref name="call"/> names, mounting it when new; notes that this render shows it.</summary>
    /// <param name="call">The component node of the render.</param>
    /// <param name="cids">Hands out a new component's cid: one counter for live components and row components.</param>
    int Resolve(ComponentCall call, Differ cids);

    /// <summary>
    /// Renders the next component this diff must carry (new, changed, or embedded by a component
    /// rendered before it), in the current render scope; false when there is none left.
    /// </summary>
    bool TryRenderNext(out int cid, out Html html);
}
