namespace Hyper.Live.Testing.ClientModel;

/// <summary>A stream operation the renderer handed to the DOM patch, with the HTML of the entries rendered with it.</summary>
/// <param name="Ref">The stream ref (stamped as data-phx-stream).</param>
/// <param name="Inserts">Insert instructions, matched to entries by root element id.</param>
/// <param name="DeleteIds">DOM ids to remove.</param>
/// <param name="Reset">A fourth element was present (any value: the DOM patch tests <c>!== undefined</c>).</param>
/// <param name="Entries">Rendered entries, in order, possibly holding placeholders.</param>
internal sealed record StreamPatch(
    string Ref,
    IReadOnlyList<StreamInsert> Inserts,
    IReadOnlyList<string> DeleteIds,
    bool Reset,
    IReadOnlyList<string> Entries);
