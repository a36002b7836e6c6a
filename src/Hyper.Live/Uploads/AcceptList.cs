using Microsoft.AspNetCore.StaticFiles;

namespace Hyper.Live.Uploads;

/// <summary>
/// Checks a file against <see cref="UploadOptions.Accept"/> by its extension and by its declared MIME
/// type together: each must agree with what the other implies, so renaming a file or lying about its
/// type alone does not get it through. A file without an extension never passes a MIME pattern; one
/// with an extension the server does not know passes on its declared type alone.
/// </summary>
internal static class AcceptList
{
    private static readonly FileExtensionContentTypeProvider Types = new();

    public static bool Accepts(IReadOnlyList<string>? accept, string fileName, string contentType)
    {
        if (accept is null || accept.Count == 0)
        {
            return true;
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var declared = contentType.Trim().ToLowerInvariant();
        // What the extension says the type is; unknown extensions cannot be cross-checked.
        var implied = extension.Length > 0 && Types.TryGetContentType(extension, out var known) ? known.ToLowerInvariant() : null;
        foreach (var item in accept)
        {
            var entry = item.Trim().ToLowerInvariant();
            if (entry.StartsWith('.'))
            {
                if (entry == extension && (implied is null || declared == implied))
                {
                    return true;
                }
            }
            else if (MimeMatches(entry, declared) && extension.Length > 0 && (implied is null || MimeMatches(entry, implied)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MimeMatches(string pattern, string type) =>
        pattern.EndsWith("/*", StringComparison.Ordinal)
            ? type.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : pattern == type && type.Length > 0;
}
