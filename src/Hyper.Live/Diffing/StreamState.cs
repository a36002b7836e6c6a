using Hyper.Live.Templates;

namespace Hyper.Live.Diffing;

/// <summary>
/// What the client holds for a stream: only the statics its comprehension renders entries with. The client
/// drops a stream's entries from its tree once it has put them in the DOM, and so does the server.
/// </summary>
internal sealed class StreamState(CompiledTemplate? template)
{
    /// <summary>The entry template the client has; null after a render without entries (sent as <c>""</c>).</summary>
    public CompiledTemplate? Template { get; set; } = template;
}
