namespace Hyper.Live;

/// <summary>
/// The metadata of one external upload: sent to the browser as <c>{"uploader": Uploader, …Meta}</c>
/// and kept as <see cref="UploadEntry.ExternalMeta"/>.
/// </summary>
/// <param name="Uploader">The name of the JavaScript uploader (<c>liveSocket</c>'s <c>uploaders</c>) that sends the file.</param>
/// <param name="Meta">Everything else that uploader reads: a presigned <c>url</c>, form <c>fields</c>, … (serialised as JSON).</param>
public sealed record ExternalUpload(string Uploader, IReadOnlyDictionary<string, object?> Meta);
