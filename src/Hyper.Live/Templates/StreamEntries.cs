namespace Hyper.Live.Templates;

/// <summary>
/// The two rules a stream's HTML must follow for the client to manage it (protocol §4.6): the stream is the
/// only content of a container with an <c>id</c> and <c>phx-update="stream"</c>, and each item renders one root
/// element whose <c>id</c> is the item's DOM id. Broken, the browser silently loses or duplicates rows, so
/// both are errors at render time, naming the template.
/// </summary>
internal static class StreamEntries
{
    private const string Example = "<ul id=\"messages\" phx-update=\"stream\">{{messages.Render((id, m) => $\"<li id=\\\"{id}\\\">…</li>\")}}</ul>";

    /// <summary>Throws unless a stream in hole <paramref name="slot"/> of <paramref name="template"/> is alone in a stream container.</summary>
    public static void CheckContainer(in HoleValue value, CompiledTemplate template, int slot)
    {
        if (value.Kind != HoleKind.Node || template.Slots[slot].Context != SlotContext.Text)
        {
            return;
        }

        var arena = (RenderArena)value.Reference!;
        if (arena.Node(value.A, value.B).Kind != NodeKind.Stream)
        {
            return;
        }

        var before = TextBefore(template, slot);
        var open = before.LastIndexOf('<');
        var tag = open < 0 ? "" : before[open..].TrimEnd();
        var isContainer = tag.Length > 2 && tag[^1] == '>' && char.IsAsciiLetter(tag[1]) &&
            string.Equals(Attribute(tag, "phx-update"), "stream", StringComparison.Ordinal) &&
            !string.IsNullOrEmpty(Attribute(tag, "id")) &&
            template.Statics[slot + 1].TrimStart().StartsWith("</", StringComparison.Ordinal);
        if (!isContainer)
        {
            throw new TemplateException(
                $"A stream must be the only content of an element with an id and phx-update=\"stream\" ({Example}); " +
                $"the template{At(template.Source)} has it after '{Shorten(before.TrimEnd())}'.");
        }
    }

    /// <summary>Throws unless <paramref name="entry"/> starts with its root element carrying <c>id="<paramref name="domId"/>"</c>.</summary>
    public static void CheckItem(Html entry, string domId)
    {
        var value = entry.AsHole();
        string? tag = null;
        TemplateSource? source = null;
        var oneElement = false;
        if (value.Kind == HoleKind.Node)
        {
            var arena = (RenderArena)value.Reference!;
            ref var node = ref arena.Node(value.A, value.B);
            if (node.Kind == NodeKind.Template)
            {
                var template = arena.TemplateOf(ref node);
                source = template.Source;
                oneElement = template.IsSingleElement;
                tag = FirstStartTag(template, arena.Holes(node));
            }
        }

        var id = tag is null ? null : Attribute(tag, "id");
        if (oneElement && (id == domId || (id is not null && id == Escaped(domId))))
        {
            return;
        }

        var found = tag is null ? "no element"
            : id is null ? $"{Shorten(tag)} without an id"
            : !oneElement ? $"{Shorten(tag)} and has more than one element at its top level"
            : Shorten(tag);
        throw new TemplateException(
            $"The stream item '{domId}' must render one root element with id=\"{domId}\": the client places, updates " +
            $"and deletes stream items by that id. Its template{At(source)} starts with {found}.");
    }

    private static string TextBefore(CompiledTemplate template, int slot)
    {
        // The container's start tag may hold holes of its own (id="{{…}}"): read back across them.
        var text = template.Statics[slot];
        for (var i = slot - 1; i >= 0 && !text.Contains('<'); i--)
        {
            text = template.Statics[i] + "x" + text;
        }

        return text;
    }

    /// <summary>The item's first start tag, holes written as they render (event bindings as a stand-in); null when it does not start with one.</summary>
    private static string? FirstStartTag(CompiledTemplate template, ReadOnlySpan<HoleValue> holes)
    {
        using var text = new CharBuffer();
        for (var i = 0; ; i++)
        {
            text.Append(template.Statics[i]);
            var span = text.Span.TrimStart();
            if (span.Length > 0 && (span[0] != '<' || (span.Length > 1 && !char.IsAsciiLetter(span[1]))))
            {
                return null;
            }

            var end = EndOfTag(span);
            if (end >= 0)
            {
                return span[..(end + 1)].ToString();
            }

            if (i == holes.Length || template.Slots[i].Context == SlotContext.Text)
            {
                return null;
            }

            if (template.Slots[i].Context is SlotContext.EventHandler or SlotContext.EventArgument)
            {
                text.Append('x'); // resolved later in the render; never part of an id
            }
            else
            {
                HoleWriter.WriteLeaf(text, holes[i], template.Slots[i]);
            }
        }
    }

    private static int EndOfTag(ReadOnlySpan<char> tag)
    {
        var quote = '\0';
        for (var i = 1; i < tag.Length; i++)
        {
            var c = tag[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The value of attribute <paramref name="name"/> in a start tag as written (still escaped); "" when it has none; null when absent.</summary>
    private static string? Attribute(string tag, string name)
    {
        var i = 1;
        while (i < tag.Length && !IsSpace(tag[i]) && tag[i] is not '>' and not '/')
        {
            i++; // the tag name
        }

        while (i < tag.Length)
        {
            while (i < tag.Length && (IsSpace(tag[i]) || tag[i] == '/'))
            {
                i++;
            }

            var start = i;
            while (i < tag.Length && !IsSpace(tag[i]) && tag[i] is not '=' and not '>' and not '/')
            {
                i++;
            }

            if (i == start)
            {
                return null;
            }

            var attribute = tag[start..i];
            string value = "";
            if (i < tag.Length && tag[i] == '=')
            {
                i++;
                if (i < tag.Length && tag[i] is '"' or '\'')
                {
                    var quote = tag[i++];
                    var close = tag.IndexOf(quote, i);
                    close = close < 0 ? tag.Length : close;
                    value = tag[i..close];
                    i = close + 1;
                }
                else
                {
                    start = i;
                    while (i < tag.Length && !IsSpace(tag[i]) && tag[i] != '>')
                    {
                        i++;
                    }

                    value = tag[start..i];
                }
            }

            if (string.Equals(attribute, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    private static string Escaped(string text)
    {
        using var buffer = new CharBuffer();
        HoleWriter.Escape(buffer, text);
        return buffer.ToString();
    }

    private static string At(TemplateSource? source) => source is null ? "" : $" at {source}";

    private static string Shorten(string text)
    {
        text = text.Trim();
        return text.Length > 80 ? "…" + text[^80..] : text;
    }
}
