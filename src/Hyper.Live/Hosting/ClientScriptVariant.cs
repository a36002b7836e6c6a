namespace Hyper.Live.Hosting;

/// <summary>
/// One stored form of the <see cref="ClientScript"/>: the bundle as built, or compressed at build time.
/// </summary>
/// <param name="ContentCoding">The <c>Content-Encoding</c> it is sent with (<c>br</c>, <c>gzip</c>), or null for the bundle as is.</param>
/// <param name="Content">The bytes sent.</param>
/// <param name="ETag">
/// Strong entity tag: the bundle's hash, with the coding appended for a compressed form, since a
/// strong tag names one exact byte sequence (RFC 9110 §8.8.3.3).
/// </param>
internal sealed record ClientScriptVariant(string? ContentCoding, ReadOnlyMemory<byte> Content, string ETag);
