namespace Hyper.Live;

/// <summary>
/// What one upload of a view accepts, for <see cref="LiveView.AllowUpload"/> (Phoenix's <c>allow_upload</c> options).
/// The browser's client enforces none of it: the server checks every entry when it is selected and again
/// while its bytes arrive.
/// </summary>
public sealed class UploadOptions
{
    /// <summary>
    /// File extensions (<c>".jpg"</c>) and MIME types (<c>"image/png"</c>, <c>"image/*"</c>) accepted; null or
    /// empty (the default) accepts any file. A file must match by its extension and by the MIME type the
    /// browser declares: a <c>.jpg</c> declared as <c>text/html</c> is refused (<c>not_accepted</c>).
    /// </summary>
    public IReadOnlyList<string>? Accept { get; init; }

    /// <summary>How many files may be selected at once; more are refused with <c>too_many_files</c>. Default 1.</summary>
    public int MaxEntries { get; init; } = 1;

    /// <summary>The largest file accepted, in bytes; a larger one is refused with <c>too_large</c>. Default 8,000,000.</summary>
    public long MaxFileSize { get; init; } = 8_000_000;

    /// <summary>Whether files upload as soon as they are selected (else when the form is submitted). Default false.</summary>
    public bool AutoUpload { get; init; }

    /// <summary>
    /// Bytes per chunk the browser sends. Default 64,000; never more than what
    /// <see cref="HyperLiveOptions.MaxMessageSize"/> leaves room for (the server tells the client the smaller).
    /// </summary>
    public int ChunkSize { get; init; } = 64_000;

    /// <summary>How long the browser waits for a chunk's acknowledgement, and the server for the next chunk. Default 10 seconds.</summary>
    public TimeSpan ChunkTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Called in the view (never concurrently with a handler) whenever an entry's progress changes,
    /// including when it completes (<see cref="UploadEntry.Done"/>); the view renders after it. Null by default.
    /// </summary>
    public Action<UploadEntry>? Progress { get; init; }

    /// <summary>
    /// Sends the files straight to another service (e.g. cloud storage with a presigned URL) instead of
    /// to this server: the browser's uploader of that name gets the metadata it returns. Null (the default)
    /// uploads to this server.
    /// </summary>
    public IExternalUploader? External { get; init; }
}
