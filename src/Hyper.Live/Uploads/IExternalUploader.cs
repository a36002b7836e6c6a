namespace Hyper.Live;

/// <summary>
/// Direct-to-cloud uploads: presigns each entry the browser is about to upload. The page's JavaScript
/// registers an uploader of the returned <see cref="ExternalUpload.Uploader"/> name in
/// <c>new LiveSocket(…, {uploaders: {S3(entries, onViewError) {…}}})</c>, which receives the metadata as
/// <c>entry.meta</c> and reports progress with <c>entry.progress(percent)</c> or failure with <c>entry.error()</c>.
/// </summary>
public interface IExternalUploader
{
    /// <summary>Returns what the browser's uploader needs for <paramref name="entry"/> (its URL, form fields).</summary>
    Task<ExternalUpload> PresignAsync(UploadEntry entry, CancellationToken cancellationToken);
}
