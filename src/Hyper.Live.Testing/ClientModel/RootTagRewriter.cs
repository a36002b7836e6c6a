using System.Text;
using System.Text.RegularExpressions;

namespace Hyper.Live.Testing.ClientModel;

/// <summary>
/// The client's <c>modifyRoot</c>: finds the single root element of a rendered subtree and inserts
/// attributes right after its tag name. Throws "malformed html" like the client when there is no element.
/// </summary>
internal static partial class RootTagRewriter
{
    // JS `\s` (WhiteSpace + LineTerminator) and `.` (anything but a line terminator), spelled out so .NET matches JS exactly.
    private const string JsSpace = @"[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]";
    private const string JsDot = @"[^\n\r\u2028\u2029]";

    [GeneratedRegex("^(" + JsSpace + "*(?:<!--" + JsDot + "*?-->" + JsSpace + "*)*)<([^\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff/>]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Lookahead();

    /// <summary>Splits <paramref name="html"/> into (root element with attributes added, text before it, text after it).</summary>
    public static (string Root, string Before, string After) Rewrite(string html, IReadOnlyList<KeyValuePair<string, string>> attributes)
    {
        var lookahead = Lookahead().Match(html);
        if (!lookahead.Success)
        {
            throw ClientFailure.Create(
                $"A node marked \"r\": 1 (or a component) does not render a root element: {Abbreviate(html)}",
                $"Error: malformed html {Abbreviate(html)}");
        }

        var before = lookahead.Groups[1].Value;
        var tag = lookahead.Groups[2].Value;
        var tagNameEndsAt = lookahead.Length;

        // Walk back from the end to the last '>' that does not close a trailing comment.
        var closeAt = html.Length - 1;
        var insideComment = false;
        while (closeAt >= before.Length + tag.Length)
        {
            var c = html[closeAt];
            if (insideComment)
            {
                if (c == '-' && JsSemantics.Slice(html, closeAt - 3, closeAt) == "<!-")
                {
                    insideComment = false;
                    closeAt -= 4;
                }
                else
                {
                    closeAt -= 1;
                }
            }
            else if (c == '>' && JsSemantics.Slice(html, closeAt - 2, closeAt) == "--")
            {
                insideComment = true;
                closeAt -= 3;
            }
            else if (c == '>')
            {
                break;
            }
            else
            {
                closeAt -= 1;
            }
        }

        var after = JsSemantics.Slice(html, closeAt + 1);
        var rest = JsSemantics.Slice(html, tagNameEndsAt, closeAt + 1);

        var sb = new StringBuilder(html.Length + 64);
        sb.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            sb.Append(' ').Append(name).Append("=\"").Append(value).Append('"');
        }

        sb.Append(rest);
        return (sb.ToString(), before, after);
    }

    private static string Abbreviate(string html) => html.Length > 120 ? html[..120] + "…" : html;
}
