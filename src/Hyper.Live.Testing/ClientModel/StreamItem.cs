namespace Hyper.Live.Testing.ClientModel;

/// <summary>A child element of a stream container as it sits in the DOM.</summary>
internal sealed class StreamItem(string? id, string html, string? streamRef)
{
    /// <summary>Root element id (null when it has none: such children can never be matched again).</summary>
    public string? Id { get; } = id;

    /// <summary>HTML, possibly holding component/stream placeholders.</summary>
    public string Html { get; set; } = html;

    /// <summary>The data-phx-stream ref stamped on it, or null for a child that came without an insert.</summary>
    public string? StreamRef { get; set; } = streamRef;
}
