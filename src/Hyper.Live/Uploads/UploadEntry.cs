using Hyper.Live.Uploads;

namespace Hyper.Live;

/// <summary>
/// One file selected for an upload: what the browser declared about it, how far its upload got,
/// and why it was refused. Render its <see cref="Progress"/> and <see cref="Errors"/>, show an image
/// with <see cref="ImagePreview"/>, and read the file with <see cref="LiveView.ConsumeUploadedEntriesAsync(string, Func{UploadEntry, Stream, CancellationToken, Task}, CancellationToken)"/>.
/// </summary>
public sealed class UploadEntry
{
    private readonly List<string> errors = [];

    internal UploadEntry(UploadConfig upload, string entryRef, string name, long size, string contentType, long? lastModified)
    {
        Upload = upload;
        Ref = entryRef;
        Name = name;
        Size = size;
        ContentType = contentType;
        LastModified = lastModified is { } ms && ms is >= -62_135_596_800_000 and <= 253_402_300_799_999 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    /// <summary>The upload this entry belongs to.</summary>
    public UploadConfig Upload { get; }

    /// <summary>The entry's ref, chosen by the browser (<c>"0"</c>, <c>"1"</c>, …): pass it to <see cref="LiveView.CancelUpload"/>.</summary>
    public string Ref { get; }

    /// <summary>The file name the browser declared (for display only: never use it as a path).</summary>
    public string Name { get; }

    /// <summary>The size in bytes the browser declared; exactly this many bytes must arrive.</summary>
    public long Size { get; }

    /// <summary>The MIME type the browser declared (may be empty).</summary>
    public string ContentType { get; }

    /// <summary>When the file was last modified, as the browser declared it.</summary>
    public DateTimeOffset? LastModified { get; }

    /// <summary>How much has arrived, 0 to 100 (as the browser reports it).</summary>
    public int Progress { get; internal set; }

    /// <summary>Whether the whole file arrived (or the external uploader finished): it can be consumed.</summary>
    public bool Done { get; internal set; }

    /// <summary>Whether the browser was allowed to start uploading it.</summary>
    public bool Preflighted { get; internal set; }

    /// <summary>Why the entry was refused (codes of <see cref="UploadErrors"/>); empty when it is valid.</summary>
    public IReadOnlyList<string> Errors => errors;

    /// <summary>Whether the entry has no errors.</summary>
    public bool Valid => errors.Count == 0;

    /// <summary>For an external upload, the metadata its <see cref="IExternalUploader"/> returned; null otherwise.</summary>
    public ExternalUpload? ExternalMeta { get; internal set; }

    /// <summary>
    /// An <c>&lt;img&gt;</c> the browser fills with the selected file itself, before it is uploaded
    /// (Phoenix's <c>live_img_preview</c>): nothing goes over the network for the preview.
    /// </summary>
    public Html ImagePreview(string? cssClass = null) =>
        $"""<img id="phx-preview-{Ref}" class="{cssClass}" alt="{Name}" data-phx-upload-ref="{Upload.Ref}" data-phx-entry-ref="{Ref}" data-phx-hook="Phoenix.LiveImgPreview" data-phx-update="ignore">""";

    /// <summary>The file the bytes go to while it uploads over this server.</summary>
    internal UploadTransfer? Transfer { get; set; }

    /// <summary>The disk space held for the file until it is consumed or cancelled.</summary>
    internal IDisposable? Reservation { get; set; }

    internal void AddError(string code)
    {
        if (!errors.Contains(code))
        {
            errors.Add(code);
        }
    }

    /// <summary>Deletes what the entry holds on the server: its file and disk space.</summary>
    internal void Release()
    {
        Transfer?.Dispose();
        Transfer = null;
        Reservation?.Dispose();
        Reservation = null;
    }
}
