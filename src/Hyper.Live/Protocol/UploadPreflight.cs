namespace Hyper.Live.Protocol;

/// <summary>
/// What the reply to an <c>allow_upload</c> carries besides the render (protocol notes, uploads): the
/// upload's config, a token (or an external uploader's metadata) per entry allowed to upload, and the
/// errors of those refused; or, when the upload as a whole is refused, only <see cref="Failures"/>.
/// </summary>
internal sealed record UploadPreflight(string Ref, long MaxFileSize, int MaxEntries, int ChunkSize, long ChunkTimeoutMs)
{
    /// <summary>Entry ref → its channel token (a string) or its external uploader's metadata (an object).</summary>
    public List<KeyValuePair<string, object>> Entries { get; } = [];

    /// <summary>Entry ref → why it may not upload.</summary>
    public List<KeyValuePair<string, IReadOnlyList<string>>> Errors { get; } = [];

    /// <summary>(entry or upload ref, reason) pairs refusing the whole request; when any, nothing else is sent.</summary>
    public List<KeyValuePair<string, string>> Failures { get; } = [];
}
