using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Hyper.Live.Templates;

/// <summary>
/// Writes a leaf hole value as the HTML the page receives, according to the hole's
/// <see cref="SlotContext"/>. Shared by the HTML renderer and the differ so that a dead
/// render and a live diff can never escape differently.
/// </summary>
internal static class HoleWriter
{
    private static readonly SearchValues<char> Escaped = SearchValues.Create("&<>\"'");

    /// <summary>
    /// JSON whose strings can close neither a script element nor a single-quoted attribute: the
    /// default encoder escapes <c>&lt; &gt; &amp;</c> and both quotes.
    /// </summary>
    internal static readonly JsonSerializerOptions SafeJson = new() { Encoder = JavaScriptEncoder.Default };

    public static void WriteLeaf(CharBuffer output, in HoleValue value, in SlotInfo slot)
    {
        switch (slot.Context)
        {
            case SlotContext.Text:
            case SlotContext.AttributeValue:
                WriteEscapedValue(output, value, slot);
                break;
            case SlotContext.Url:
            case SlotContext.ImageUrl:
                if (value.Kind is HoleKind.String or HoleKind.Chars && UrlAttributes.IsScriptUrl(value.Chars, slot.Context == SlotContext.ImageUrl))
                {
                    output.Append(UrlAttributes.Inert);
                }
                else
                {
                    WriteEscapedValue(output, value, slot);
                }

                break;
            case SlotContext.BooleanAttribute:
                if (value.Kind == HoleKind.Bool && value.A == 1)
                {
                    output.Append(' ');
                    output.Append(slot.AttributeName);
                }
                else if (value.Kind is not HoleKind.Bool and not HoleKind.Null)
                {
                    throw new TemplateException($"The boolean attribute '{slot.AttributeName}' received a {value.Kind} value.");
                }

                break;
            case SlotContext.Attributes:
                WriteAttributes(output, value, slot);
                break;
            case SlotContext.Script:
                WriteJsonLiteral(output, value, argument: false);
                break;
            case SlotContext.EventHandler:
                WriteHandler(output, value);
                break;
            case SlotContext.EventArgument:
                WriteJsonLiteral(output, value, argument: true);
                break;
        }
    }

    /// <summary>Escapes <c>&amp; &lt; &gt; " '</c>: safe in element text and in quoted attribute values.</summary>
    public static void Escape(CharBuffer output, ReadOnlySpan<char> text)
    {
        while (true)
        {
            var next = text.IndexOfAny(Escaped);
            if (next < 0)
            {
                output.Append(text);
                return;
            }

            output.Append(text[..next]);
            output.Append(text[next] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => "&#39;",
            });
            text = text[(next + 1)..];
        }
    }

    private static void WriteEscapedValue(CharBuffer output, in HoleValue value, in SlotInfo slot)
    {
        switch (value.Kind)
        {
            case HoleKind.Null:
                break;
            case HoleKind.Bool:
                output.Append(value.A switch { 1 => "true", 0 => "false", _ => "" });
                break;
            case HoleKind.String:
            case HoleKind.Chars:
            case HoleKind.Number:
                Escape(output, value.Chars);
                break;
            case HoleKind.Node:
                throw new TemplateException("Html cannot be placed inside an attribute value: pass a string, or build the whole attribute in the template.");
            case HoleKind.Handler:
                throw MisplacedHandler(value);
            default:
                throw new TemplateException(
                    $"Attributes can only be placed where an attribute would start (<div {{{{attributes}}}}>), not in {(slot.Context == SlotContext.Text ? "element text" : "an attribute value")}.");
        }
    }

    private static void WriteAttributes(CharBuffer output, in HoleValue value, in SlotInfo slot)
    {
        switch (value.Reference)
        {
            case null:
                return;
            case IEnumerable<KeyValuePair<string, object?>> attributes:
                foreach (var (name, attributeValue) in attributes)
                {
                    WriteAttribute(output, name, attributeValue, slot);
                }

                return;
            case IEnumerable<KeyValuePair<string, string?>> attributes:
                foreach (var (name, attributeValue) in attributes)
                {
                    WriteAttribute(output, name, attributeValue, slot);
                }

                return;
            default:
                throw AttributeSetError(slot,
                    $"a hole where an attribute would start expects attributes (IEnumerable<KeyValuePair<string, object?>>), not a {value.Kind} value");
        }
    }

    private static void WriteAttribute(CharBuffer output, string name, object? value, in SlotInfo slot)
    {
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':' or '.'))
        {
            throw AttributeSetError(slot, $"'{name}' is not a valid attribute name");
        }

        if (UrlAttributes.IsScript(name))
        {
            throw AttributeSetError(slot, $"the attribute '{name}' cannot come from a set of attributes: the browser runs its value as script or HTML");
        }

        if (value is null or false)
        {
            return;
        }

        output.Append(' ');
        output.Append(name);
        if (value is true)
        {
            return;
        }

        output.Append("=\"");
        var text = Convert.ToString(value, CultureInfo.InvariantCulture);
        Escape(output, UrlAttributes.IsUrl(name) && UrlAttributes.IsScriptUrl(text, imageSource: false) ? UrlAttributes.Inert : text);
        output.Append('"');
    }

    /// <summary>A refused attribute set: the template's line is known only from the slot (the set arrives at render time).</summary>
    private static TemplateException AttributeSetError(in SlotInfo slot, string problem) =>
        slot.Location?.Error(problem) ?? new TemplateException($"A set of attributes was refused: {problem}.");

    /// <summary>The binding id of a delegate as a JSON string: the event name of the binding's push.</summary>
    private static void WriteHandler(CharBuffer output, in HoleValue value)
    {
        if (value.Kind != HoleKind.Handler)
        {
            throw new TemplateException(
                $"A hole that is a whole @event value must hold a delegate (@click=\"{{{{Save}}}}\" or @click=\"{{{{() => Delete(item.Id)}}}}\"), not a {value.Kind} value; name a handler as @click=\"save\".");
        }

        if (value.HandlerId == 0)
        {
            throw new TemplateException("An event handler delegate was rendered outside a live view's render, where it has no binding id.");
        }

        Span<char> id = stackalloc char[BindingId.Length];
        BindingId.Format(value.HandlerId, id);
        output.Append('"');
        output.Append(id);
        output.Append('"');
    }

    private static TemplateException MisplacedHandler(in HoleValue value) =>
        new($"A delegate ({value.Reference!.GetType().Name}) can only be a whole @event value, as in @click=\"{{{{Save}}}}\"; it cannot be written into the page.");

    /// <summary>
    /// A JSON literal, escaped by the default encoder so that it can close neither a script
    /// element nor the single-quoted attribute of an event binding (no quote, ampersand or
    /// angle bracket is left). In a binding (<paramref name="argument"/>) numbers become strings
    /// too: the server converts every argument to its parameter's type.
    /// </summary>
    private static void WriteJsonLiteral(CharBuffer output, in HoleValue value, bool argument)
    {
        switch (value.Kind)
        {
            case HoleKind.Null:
                output.Append("null");
                break;
            case HoleKind.Bool:
                output.Append(value.A switch { 1 => "true", 0 => "false", _ => "null" });
                break;
            case HoleKind.Number when !argument:
                output.Append(value.Chars);
                break;
            case HoleKind.String:
            case HoleKind.Chars:
            case HoleKind.Number:
                output.Append(JsonSerializer.Serialize(value.Chars.ToString(), SafeJson));
                break;
            case HoleKind.Handler:
                throw MisplacedHandler(value);
            default:
                throw new TemplateException(argument
                    ? $"A handler argument must be a string, number, bool or null, not a {value.Kind} value."
                    : "Only strings, numbers, booleans and null can be placed inside <script>.");
        }
    }
}
