using System.Text;

namespace Hyper.Live.Testing.ClientModel;

/// <summary>
/// Markers standing in for component elements and stream children in stored HTML, so that a
/// component-only patch or a stream operation updates them in place the way the DOM would.
/// </summary>
internal static class Placeholders
{
    // A Unicode noncharacter: never produced by a server's escaped HTML.
    public const char Delimiter = '\uFDD0';
    public const char ComponentKind = 'C';
    public const char StreamKind = 'S';

    public static string Component(string cid) => $"{Delimiter}{ComponentKind}{cid}{Delimiter}";

    public static string Stream(string streamRef) => $"{Delimiter}{StreamKind}{streamRef}{Delimiter}";

    /// <summary>Yields (kind, id) of each placeholder in order.</summary>
    public static IEnumerable<(char Kind, string Id)> Find(string html)
    {
        var at = html.IndexOf(Delimiter, StringComparison.Ordinal);
        while (at >= 0)
        {
            var end = html.IndexOf(Delimiter, at + 1);
            if (end < at + 2)
            {
                yield break; // a stray delimiter in text, not one of ours
            }

            yield return (html[at + 1], html[(at + 2)..end]);
            at = html.IndexOf(Delimiter, end + 1);
        }
    }

    /// <summary>Replaces every placeholder with what <paramref name="resolve"/> writes for it.</summary>
    public static void Expand(string html, StringBuilder output, Action<char, string, StringBuilder> resolve)
    {
        var start = 0;
        var at = html.IndexOf(Delimiter, StringComparison.Ordinal);
        while (at >= 0)
        {
            var end = html.IndexOf(Delimiter, at + 1);
            if (end < at + 2)
            {
                break; // a stray delimiter in text: keep the rest verbatim
            }

            output.Append(html, start, at - start);
            resolve(html[at + 1], html[(at + 2)..end], output);
            start = end + 1;
            at = html.IndexOf(Delimiter, start);
        }

        output.Append(html, start, html.Length - start);
    }
}
