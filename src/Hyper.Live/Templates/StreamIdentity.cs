namespace Hyper.Live.Templates;

/// <summary>
/// Which stream of a view a render's operations belong to. The differ numbers streams the first time it
/// writes one (<c>"0"</c>, <c>"1"</c>, … as Phoenix does), and the number stays with the stream for the
/// view's life, so the client's <c>data-phx-stream</c> marks keep matching.
/// </summary>
internal sealed class StreamIdentity
{
    /// <summary>The stream's ref on the wire; null until a differ first writes it.</summary>
    public string? Ref { get; set; }
}
