using System.Globalization;

namespace Hyper.Live.Templates;

/// <summary>
/// 64-bit FNV-1a over UTF-16 characters. The differ keeps these instead of previous
/// values: 8 bytes per dynamic whatever its length, which keeps large pages cheap per session.
/// </summary>
internal static class ValueHash
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Of(ReadOnlySpan<char> text, ulong seed = Offset)
    {
        var hash = seed;
        foreach (var c in text)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }

    /// <summary>Mixes a small tag into a hash so equal text of different kinds stays distinct.</summary>
    public static ulong Tagged(byte tag, ReadOnlySpan<char> text) => Of(text, (Offset ^ tag) * Prime);

    /// <summary>
    /// Combines two hashes so that order matters and every input bit reaches every output bit
    /// (boost's hash_combine, then the splitmix64 finaliser): for ids built from a path of hashes.
    /// </summary>
    public static ulong Combine(ulong hash, ulong value)
    {
        var x = hash ^ (value + 0x9E3779B97F4A7C15UL + (hash << 6) + (hash >> 2));
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>A stable hash of a list key: by its text for strings and formattable values.</summary>
    public static ulong OfKey<TKey>(TKey key)
    {
        switch (key)
        {
            case null:
                return Offset;
            case string text:
                return Tagged(1, text);
            case ISpanFormattable:
                Span<char> buffer = stackalloc char[64];
                if (((ISpanFormattable)key).TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture))
                {
                    return Tagged(2, buffer[..written]);
                }

                return Tagged(2, key.ToString());
            default:
                return Tagged(3, EqualityComparer<TKey>.Default.GetHashCode(key).ToString(CultureInfo.InvariantCulture));
        }
    }
}
