namespace Hyper.Live.Templates;

/// <summary>
/// Which attributes hold URLs or script, and which URL values a hole may not put there: the
/// schemes a browser runs as script or as a document of its own (<c>javascript:</c>,
/// <c>vbscript:</c>, <c>data:</c>; <c>data:image/…</c> stays allowed as an image's source).
/// </summary>
internal static class UrlAttributes
{
    /// <summary>What a refused URL is rendered as: a fragment link, which goes nowhere and runs nothing.</summary>
    public const string Inert = "#";

    /// <summary>Attributes the browser follows or loads as a URL (<c>srcset</c> is left out: it only loads images).</summary>
    public static bool IsUrl(string attribute) => attribute.ToLowerInvariant() is
        "href" or "src" or "action" or "formaction" or "xlink:href" or "poster" or "cite" or "data" or "background" or "ping";

    /// <summary>
    /// Attributes whose value the browser runs or parses as markup: <c>on…</c> event handlers and
    /// <c>srcdoc</c>. Escaping cannot make a value safe there, so holes are refused.
    /// </summary>
    public static bool IsScript(string attribute) =>
        attribute.Equals("srcdoc", StringComparison.OrdinalIgnoreCase) ||
        (attribute.Length > 2 && attribute.StartsWith("on", StringComparison.OrdinalIgnoreCase) && attribute.All(char.IsAsciiLetter));

    /// <summary>Whether <paramref name="element"/>'s <paramref name="attribute"/> loads an image, where <c>data:image/…</c> is harmless.</summary>
    public static bool IsImageSource(string element, string attribute) =>
        attribute.Equals("src", StringComparison.OrdinalIgnoreCase) && element.Equals("img", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether <paramref name="url"/> names a scheme that runs script. Reads the scheme as the
    /// browser's URL parser does: leading and trailing spaces and control characters are
    /// dropped, tabs and newlines anywhere are ignored, letters compare case-insensitively.
    /// </summary>
    public static bool IsScriptUrl(ReadOnlySpan<char> url, bool imageSource)
    {
        Span<char> scheme = stackalloc char[16];
        var length = 0;
        var started = false;
        foreach (var c in url)
        {
            if (c is '\t' or '\n' or '\r' || (!started && c <= ' '))
            {
                continue;
            }

            started = true;
            if (c == ':')
            {
                return IsScriptScheme(scheme[..length], url, imageSource);
            }

            if (length == scheme.Length || !(char.IsAsciiLetter(c) || (length > 0 && (char.IsAsciiDigit(c) || c is '+' or '-' or '.'))))
            {
                return false; // no scheme: a relative URL
            }

            scheme[length++] = char.ToLowerInvariant(c);
        }

        return false;
    }

    private static bool IsScriptScheme(ReadOnlySpan<char> scheme, ReadOnlySpan<char> url, bool imageSource)
    {
        if (scheme.SequenceEqual("javascript") || scheme.SequenceEqual("vbscript"))
        {
            return true;
        }

        if (!scheme.SequenceEqual("data"))
        {
            return false;
        }

        if (!imageSource)
        {
            return true;
        }

        // The media type follows the first colon; tabs and newlines inside it are ignored too.
        var rest = url[(url.IndexOf(':') + 1)..];
        Span<char> type = stackalloc char[6];
        var length = 0;
        foreach (var c in rest)
        {
            if (c is '\t' or '\n' or '\r')
            {
                continue;
            }

            type[length++] = char.ToLowerInvariant(c);
            if (length == type.Length)
            {
                return !type.SequenceEqual("image/");
            }
        }

        return true;
    }
}
