using System.Net;
using System.Text;
using System.Text.Json;

namespace Hyper.Live.Hosting;

/// <summary>
/// Makes a view's HTTP render usable without JavaScript: a <c>phx-submit</c> form posts to the page
/// itself, and a <c>phx-click</c> button submits its event (or, outside such a form, the hidden form
/// appended here). Each carries its binding and <c>phx-value-*</c> attributes, so the POST can send
/// the handler what the Phoenix client would have sent. Only the HTTP response is rewritten: the
/// live render that replaces it on join is untouched, so none of this costs a byte on the socket.
/// </summary>
/// <remarks>
/// The input is the framework's own rendered HTML, so a small scanner suffices: comments and
/// raw-text elements are skipped, start tags are read attribute by attribute (quoted, unquoted
/// or bare), and only the tags it rewrites are rebuilt.
/// </remarks>
internal static class NoScriptMarkup
{
    /// <summary>The id of the hidden form that buttons outside a live form submit.</summary>
    public const string FormId = "hyper-live-noscript";

    /// <summary>The field carrying a form's <c>phx-submit</c> binding.</summary>
    public const string SubmitField = "_hyper_submit";

    /// <summary>The field carrying the page's signed session token: which session's snapshot the post restores.</summary>
    public const string SessionField = "_hyper_session";

    /// <summary>The field a clicked button carries its <c>phx-click</c> binding in.</summary>
    public const string ClickField = "_hyper_click";

    private static readonly string[] RawTextElements = ["script", "style", "textarea", "title"];

    /// <summary>
    /// Rewrites <paramref name="html"/>; <paramref name="hiddenFields"/> (already-encoded
    /// <c>&lt;input type="hidden"&gt;</c> markup: the CSRF token, the page's session token) go into every
    /// rewritten form and into the hidden form appended at the end.
    /// </summary>
    public static string Rewrite(string html, string hiddenFields)
    {
        var output = new StringBuilder(html.Length + 256);
        var insideLiveForm = false;
        var written = 0;
        var scan = 0;
        while (scan < html.Length)
        {
            var open = html.IndexOf('<', scan);
            if (open < 0 || open + 1 >= html.Length)
            {
                break;
            }

            if (html.AsSpan(open).StartsWith("<!--"))
            {
                var close = html.IndexOf("-->", open + 4, StringComparison.Ordinal);
                scan = close < 0 ? html.Length : close + 3;
                continue;
            }

            if (html[open + 1] == '/')
            {
                insideLiveForm &= !TagNameIs(html, open + 2, "form");
                scan = open + 2;
                continue;
            }

            if (!char.IsAsciiLetter(html[open + 1]) || StartTag.Read(html, open) is not { } tag)
            {
                scan = open + 1;
                continue;
            }

            var rewritten = tag.Name switch
            {
                "form" => RewriteForm(tag, hiddenFields, ref insideLiveForm),
                "button" => RewriteButton(tag, insideLiveForm),
                _ => null,
            };
            if (rewritten is not null)
            {
                output.Append(html, written, open - written).Append(rewritten);
                written = tag.End;
            }

            scan = tag.End;
            if (Array.IndexOf(RawTextElements, tag.Name) >= 0)
            {
                var close = html.IndexOf("</" + tag.Name, scan, StringComparison.OrdinalIgnoreCase);
                scan = close < 0 ? html.Length : close;
            }
        }

        output.Append(html, written, html.Length - written);
        output.Append("<form id=\"").Append(FormId).Append("\" method=\"post\" hidden>").Append(hiddenFields).Append("</form>");
        return output.ToString();
    }

    /// <summary>A <c>phx-submit</c> form without its own <c>action</c> posts to the page, carrying its binding.</summary>
    private static string? RewriteForm(StartTag tag, string hiddenFields, ref bool insideLiveForm)
    {
        insideLiveForm = false;
        if (tag.Value("phx-submit") is not { } binding || tag.Has("action"))
        {
            return null;
        }

        insideLiveForm = true;
        var html = new StringBuilder();
        tag.WriteWithout(html, "method");
        html.Append(" method=\"post\">");
        html.Append("<input type=\"hidden\" name=\"").Append(SubmitField).Append("\" value=\"")
            .Append(WebUtility.HtmlEncode(EncodeBinding(binding, tag, value: null))).Append("\">");
        html.Append(hiddenFields);
        return html.ToString();
    }

    /// <summary>A <c>phx-click</c> button becomes a submit button of its live form or of the hidden one.</summary>
    private static string? RewriteButton(StartTag tag, bool insideLiveForm)
    {
        if (tag.Value("phx-click") is not { } binding)
        {
            return null;
        }

        var html = new StringBuilder();
        tag.WriteWithout(html, "type", "name", "value", "form");
        html.Append(" type=\"submit\" name=\"").Append(ClickField).Append("\" value=\"")
            .Append(WebUtility.HtmlEncode(EncodeBinding(binding, tag, tag.Value("value")))).Append('"');
        if (!insideLiveForm)
        {
            html.Append(" form=\"").Append(FormId).Append('"');
        }

        return html.Append('>').ToString();
    }

    /// <summary>
    /// The binding and what the Phoenix client would add to its event from the element: its
    /// <c>phx-value-*</c> attributes and, for a click, the element's own value.
    /// </summary>
    private static string EncodeBinding(string binding, StartTag tag, string? value)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString(NoScriptEvent.BindingKey, binding);
            json.WriteStartObject(NoScriptEvent.ValuesKey);
            foreach (var (name, attributeValue) in tag.Attributes)
            {
                if (name.StartsWith("phx-value-", StringComparison.Ordinal))
                {
                    json.WriteString(name["phx-value-".Length..], attributeValue ?? "");
                }
            }

            if (value is not null)
            {
                json.WriteString("value", value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static bool TagNameIs(string html, int start, string name) =>
        html.Length >= start + name.Length + 1 &&
        html.AsSpan(start, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase) &&
        !char.IsAsciiLetterOrDigit(html[start + name.Length]);

    /// <summary>One start tag: its lower-cased name, its attributes (values decoded), and where it ends.</summary>
    private sealed class StartTag
    {
        private readonly string html;
        private readonly List<(string Name, int From, int To)> spans = [];

        private StartTag(string html, string name)
        {
            this.html = html;
            Name = name;
        }

        public string Name { get; }

        /// <summary>Just past the tag's <c>&gt;</c>.</summary>
        public int End { get; private set; }

        public List<(string Name, string? Value)> Attributes { get; } = [];

        public bool Has(string name) => Attributes.Exists(a => a.Name == name);

        public string? Value(string name) => Attributes.Find(a => a.Name == name) is { Name: not null } found ? found.Value ?? "" : null;

        /// <summary>Writes <c>&lt;name</c> and the attributes as written, except <paramref name="skipped"/>; no closing <c>&gt;</c>.</summary>
        public void WriteWithout(StringBuilder output, params string[] skipped)
        {
            output.Append('<').Append(Name);
            foreach (var (name, from, to) in spans)
            {
                if (Array.IndexOf(skipped, name) < 0)
                {
                    output.Append(' ').Append(html, from, to - from);
                }
            }
        }

        public static StartTag? Read(string html, int open)
        {
            var position = open + 1;
            var nameStart = position;
            while (position < html.Length && !IsSpace(html[position]) && html[position] is not ('>' or '/'))
            {
                position++;
            }

            var tag = new StartTag(html, html[nameStart..position].ToLowerInvariant());
            while (position < html.Length)
            {
                var c = html[position];
                if (IsSpace(c))
                {
                    position++;
                }
                else if (c == '>')
                {
                    tag.End = position + 1;
                    return tag;
                }
                else if (c == '/')
                {
                    position++;
                }
                else
                {
                    position = tag.ReadAttribute(position);
                }
            }

            return null;
        }

        private int ReadAttribute(int position)
        {
            var from = position;
            while (position < html.Length && !IsSpace(html[position]) && html[position] is not ('=' or '>' or '/'))
            {
                position++;
            }

            var name = html[from..position].ToLowerInvariant();
            string? value = null;
            if (position < html.Length && html[position] == '=')
            {
                position++;
                if (position < html.Length && html[position] is '"' or '\'')
                {
                    var quote = html[position];
                    var close = html.IndexOf(quote, position + 1);
                    close = close < 0 ? html.Length - 1 : close;
                    value = WebUtility.HtmlDecode(html[(position + 1)..close]);
                    position = close + 1;
                }
                else
                {
                    var valueStart = position;
                    while (position < html.Length && !IsSpace(html[position]) && html[position] != '>')
                    {
                        position++;
                    }

                    value = WebUtility.HtmlDecode(html[valueStart..position]);
                }
            }

            spans.Add((name, from, position));
            Attributes.Add((name, value));
            return position;
        }

        private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
    }
}
