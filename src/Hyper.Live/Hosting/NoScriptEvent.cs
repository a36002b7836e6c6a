using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Hyper.Live.Hosting;

/// <summary>
/// Turns a form posted by a page without JavaScript (see <see cref="NoScriptMarkup"/>) into the
/// <c>event</c> payload the Phoenix client would have pushed for the same click or submit
/// (protocol §5.2–5.4): the binding's event name, the element's <c>phx-value-*</c> attributes and
/// the push command's value, and for a submit the form's fields URL-encoded. The payload then
/// goes through the same dispatcher, binding and checks as one from the socket.
/// </summary>
internal static class NoScriptEvent
{
    /// <summary>The JSON key of the element's binding in a posted <see cref="NoScriptMarkup"/> field.</summary>
    public const string BindingKey = "b";

    /// <summary>The JSON key of the element's <c>phx-value-*</c> attributes (and value) in a posted field.</summary>
    public const string ValuesKey = "v";

    /// <summary>The payload for <paramref name="form"/>, or null with <paramref name="error"/> set when it names no valid event.</summary>
    /// <param name="form">The posted fields.</param>
    /// <param name="ownFields">Fields of the framework's own (CSRF token, state) left out of a submitted form's value.</param>
    /// <param name="error">Why the post carries no event.</param>
    public static JsonDocument? From(IFormCollection form, IReadOnlyCollection<string> ownFields, out string? error)
    {
        var click = form[NoScriptMarkup.ClickField];
        var submit = form[NoScriptMarkup.SubmitField];
        var posted = click.Count > 0 ? click[^1] : submit.Count > 0 ? submit[^1] : null;
        if (posted is null)
        {
            error = "the form names no event";
            return null;
        }

        if (!TryReadBinding(posted, out var eventName, out var values, out var pushValue))
        {
            error = "the form's event binding is malformed";
            return null;
        }

        error = null;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("event"u8, eventName);
            if (click.Count > 0)
            {
                json.WriteString("type"u8, "click"u8);
                json.WritePropertyName("value"u8);
                WriteMerged(json, values, pushValue);
            }
            else
            {
                json.WriteString("type"u8, "form"u8);
                json.WriteString("value"u8, UrlEncode(form, ownFields));
                json.WritePropertyName("meta"u8);
                WriteMerged(json, values, pushValue);
            }

            json.WriteEndObject();
        }

        return JsonDocument.Parse(buffer.ToArray());
    }

    /// <summary>
    /// Reads <c>{"b": binding, "v": {…}}</c>. A binding is an event name or a JS command list whose
    /// first <c>push</c> names the event (and may carry a value).
    /// </summary>
    private static bool TryReadBinding(string posted, out string eventName, out JsonElement values, out JsonElement pushValue)
    {
        eventName = "";
        values = default;
        pushValue = default;
        try
        {
            using var document = JsonDocument.Parse(posted);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object ||
                !root.TryGetProperty(BindingKey, out var binding) || binding.ValueKind != JsonValueKind.String ||
                !root.TryGetProperty(ValuesKey, out var valuesElement) || valuesElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            values = valuesElement.Clone();
            var text = binding.GetString()!;
            if (!text.StartsWith('['))
            {
                eventName = text;
                return text.Length > 0;
            }

            using var commands = JsonDocument.Parse(text);
            foreach (var command in commands.RootElement.EnumerateArray())
            {
                if (command.ValueKind == JsonValueKind.Array && command.GetArrayLength() == 2 &&
                    command[0].ValueEquals("push"u8) && command[1].ValueKind == JsonValueKind.Object &&
                    command[1].TryGetProperty("event"u8, out var name) && name.ValueKind == JsonValueKind.String)
                {
                    eventName = name.GetString()!;
                    if (command[1].TryGetProperty("value"u8, out var value) && value.ValueKind == JsonValueKind.Object)
                    {
                        pushValue = value.Clone();
                    }

                    return eventName.Length > 0;
                }
            }

            return false;
        }
        catch (Exception problem) when (problem is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Writes the element's values with the push command's value over them, as the client merges them.</summary>
    private static void WriteMerged(Utf8JsonWriter json, JsonElement values, JsonElement pushValue)
    {
        json.WriteStartObject();
        foreach (var property in values.EnumerateObject())
        {
            if (pushValue.ValueKind != JsonValueKind.Object || !pushValue.TryGetProperty(property.Name, out _))
            {
                property.WriteTo(json);
            }
        }

        if (pushValue.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in pushValue.EnumerateObject())
            {
                property.WriteTo(json);
            }
        }

        json.WriteEndObject();
    }

    /// <summary>The submitted fields, in order, URL-encoded as the client's <c>serializeForm</c> sends them.</summary>
    private static string UrlEncode(IFormCollection form, IReadOnlyCollection<string> ownFields)
    {
        var encoded = new StringBuilder();
        foreach (var (name, fieldValues) in form)
        {
            if (name is NoScriptMarkup.ClickField or NoScriptMarkup.SubmitField || ownFields.Contains(name))
            {
                continue;
            }

            foreach (var value in fieldValues)
            {
                encoded.Append(encoded.Length > 0 ? "&" : "").Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value ?? ""));
            }
        }

        return encoded.ToString();
    }
}
