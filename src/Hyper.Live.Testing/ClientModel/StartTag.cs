using System.Net;

namespace Hyper.Live.Testing.ClientModel;

/// <summary>Minimal reading and editing of the first start tag of an HTML fragment (after whitespace and comments).</summary>
internal static class StartTag
{
    /// <summary>The decoded value of attribute <paramref name="name"/> on the first element, or null.</summary>
    public static string? GetAttribute(string html, string name)
    {
        foreach (var (attrName, value, _) in Attributes(html, out _))
        {
            if (string.Equals(attrName, name, StringComparison.OrdinalIgnoreCase))
            {
                return value is null ? string.Empty : WebUtility.HtmlDecode(value);
            }
        }

        return null;
    }

    /// <summary>Appends <c>name="value"</c> to the first start tag unless it already has that attribute (setAttribute keeps its place).</summary>
    public static string AddAttribute(string html, string name, string value)
    {
        var attributes = Attributes(html, out var tagEnd);
        if (tagEnd < 0 || attributes.Any(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            return html;
        }

        var insertAt = tagEnd > 0 && html[tagEnd - 1] == '/' ? tagEnd - 1 : tagEnd;
        return string.Concat(html.AsSpan(0, insertAt), $" {name}=\"{WebUtility.HtmlEncode(value)}\"", html.AsSpan(insertAt));
    }

    private static List<(string Name, string? Value, int Start)> Attributes(string html, out int tagEnd)
    {
        var result = new List<(string, string?, int)>();
        tagEnd = -1;
        var i = SkipSpaceAndComments(html, 0);
        if (i >= html.Length - 1 || html[i] != '<' || !char.IsAsciiLetter(html[i + 1]))
        {
            return result;
        }

        i++;
        while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('/' or '>'))
        {
            i++;
        }

        while (i < html.Length)
        {
            while (i < html.Length && (IsSpace(html[i]) || (html[i] == '/' && i + 1 < html.Length && html[i + 1] != '>')))
            {
                i++;
            }

            if (i >= html.Length)
            {
                return result;
            }

            if (html[i] == '>' || (html[i] == '/' && i + 1 < html.Length && html[i + 1] == '>'))
            {
                tagEnd = html[i] == '>' ? i : i + 1;
                return result;
            }

            var nameStart = i;
            i++; // a leading '=' belongs to the name in the HTML tokenizer
            while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('/' or '>' or '='))
            {
                i++;
            }

            var attrName = html[nameStart..i];
            var j = i;
            while (j < html.Length && IsSpace(html[j]))
            {
                j++;
            }

            string? value = null;
            if (j < html.Length && html[j] == '=')
            {
                j++;
                while (j < html.Length && IsSpace(html[j]))
                {
                    j++;
                }

                if (j < html.Length && html[j] is '"' or '\'')
                {
                    var quote = html[j];
                    var close = html.IndexOf(quote, j + 1);
                    close = close < 0 ? html.Length : close;
                    value = html[(j + 1)..close];
                    i = Math.Min(close + 1, html.Length);
                }
                else
                {
                    var valueStart = j;
                    while (j < html.Length && !IsSpace(html[j]) && html[j] != '>')
                    {
                        j++;
                    }

                    value = html[valueStart..j];
                    i = j;
                }
            }

            result.Add((attrName, value, nameStart));
        }

        return result;
    }

    private static int SkipSpaceAndComments(string html, int i)
    {
        while (true)
        {
            while (i < html.Length && IsSpace(html[i]))
            {
                i++;
            }

            if (string.CompareOrdinal(html, i, "<!--", 0, 4) != 0)
            {
                return i;
            }

            var close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
            if (close < 0)
            {
                return html.Length;
            }

            i = close + 3;
        }
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}
