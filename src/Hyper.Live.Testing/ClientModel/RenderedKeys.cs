namespace Hyper.Live.Testing.ClientModel;

/// <summary>Key names of the rendered/diff format (protocol §4.1) plus the two bookkeeping keys the client stores on cached nodes.</summary>
internal static class RenderedKeys
{
    public const string Static = "s";
    public const string Root = "r";
    public const string Reply = "r";
    public const string Components = "c";
    public const string Keyed = "k";
    public const string KeyedCount = "kc";
    public const string KeyedMoved = "km";
    public const string Templates = "p";
    public const string Stream = "stream";
    public const string Title = "t";
    public const string Events = "e";

    // The client keeps these on the cached objects themselves; mirroring that keeps clone/prune behaviour identical.
    public const string MagicId = "magicId";
    public const string NewRender = "newRender";

    // Ours, not the client's: marks a comprehension whose items live in the DOM-side stream list after the client reset it.
    public const string StreamRefMarker = "streamRef";
}
