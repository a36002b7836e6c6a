using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Hyper.Live.Views;

/// <summary>An event from the browser: a click, a key, a form change or submit, a hook's push.</summary>
public sealed class LiveEvent
{
    private Dictionary<string, StringValues>? form;

    internal LiveEvent(string name, string? type, JsonElement value, int? componentId)
    {
        Name = name;
        Type = type;
        Value = value;
        ComponentId = componentId;
    }

    /// <summary>The event name from the binding (<c>@click="save"</c> → <c>save</c>).</summary>
    public string Name { get; }

    /// <summary>What triggered it: <c>click</c>, <c>keydown</c>, <c>form</c>, <c>hook</c>, … (null for JS pushes).</summary>
    public string? Type { get; }

    /// <summary>The raw value: an object for most events, a URL-encoded string for forms.</summary>
    public JsonElement Value { get; }

    /// <summary>The component the event targets, if any.</summary>
    public int? ComponentId { get; }

    /// <summary>
    /// A value by name: a form field for form events, otherwise a property of the value
    /// object (<c>phx-value-*</c> attributes, the element's <c>value</c>, <c>key</c>).
    /// </summary>
    public string? this[string name]
    {
        get
        {
            if (Value.ValueKind == JsonValueKind.String)
            {
                form ??= QueryHelpers.ParseQuery(Value.GetString());
                return form.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;
            }

            if (Value.ValueKind == JsonValueKind.Object && Value.TryGetProperty(name, out var property))
            {
                return property.ValueKind switch
                {
                    JsonValueKind.String => property.GetString(),
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    _ => property.GetRawText(),
                };
            }

            return null;
        }
    }
}
