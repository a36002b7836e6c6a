namespace Hyper.Live.Templates;

/// <summary>
/// What one render of a stream sends: the operations queued since the last render. The stream hands them
/// over when it renders and keeps nothing, so the rows live only in the browser's DOM.
/// </summary>
/// <param name="Identity">The stream these operations belong to (its ref).</param>
/// <param name="Inserts">The inserts, one per entry of the stream node, in the same order.</param>
/// <param name="DeleteIds">DOM ids to remove.</param>
/// <param name="Reset">Whether the container is emptied of this stream's items before the inserts.</param>
internal sealed record StreamBatch(StreamIdentity Identity, StreamInsert[] Inserts, string[] DeleteIds, bool Reset)
{
    /// <summary>Whether there is anything to send: the client ignores a stream entry without inserts, deletes or reset.</summary>
    public bool IsEmpty => Inserts.Length == 0 && DeleteIds.Length == 0 && !Reset;
}
