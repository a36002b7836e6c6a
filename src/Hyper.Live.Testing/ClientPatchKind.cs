namespace Hyper.Live.Testing;

/// <summary>How the client updated the page for the last diff it merged.</summary>
public enum ClientPatchKind
{
    /// <summary>Nothing to render: the diff was empty once title, events and reply were taken out.</summary>
    None,

    /// <summary>The whole view was re-rendered and morphed (join, or any diff with keys other than <c>"c"</c>).</summary>
    Full,

    /// <summary>The diff only had <c>"c"</c>: only those components that are in the DOM were re-rendered and patched.</summary>
    ComponentsOnly,
}
