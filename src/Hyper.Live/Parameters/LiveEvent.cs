using System.Text.Json;
using Hyper.Live.Parameters;

namespace Hyper.Live;

/// <summary>An event from the browser: a click, a key, a form change or submit, a hook's push.</summary>
public sealed class LiveEvent
{
    private readonly JsonElement meta;
    private EventPayload? payload;

    internal LiveEvent(string name, string? type, JsonElement value, JsonElement meta, int? componentId)
    {
        Name = name;
        Type = type;
        Value = value;
        this.meta = meta;
        ComponentId = componentId;
    }

    /// <summary>The event name from the binding (<c>@click="save"</c> → <c>save</c>).</summary>
    public string Name { get; }

    /// <summary>What triggered it: <c>click</c>, <c>keydown</c>, <c>form</c>, <c>dblclick</c>, <c>hook</c>, … (null for JS pushes).</summary>
    public string? Type { get; }

    /// <summary>The raw value: an object for most events, a URL-encoded string for forms.</summary>
    public JsonElement Value { get; }

    /// <summary>The component the event targets, if any.</summary>
    public int? ComponentId { get; }

    /// <summary>For a form change, the name of the field that changed (<c>user[email]</c>); otherwise null.</summary>
    public string? Target => Payload.Target;

    /// <summary>
    /// A value by name: a form field (nested names such as <c>user[email]</c> work) for form
    /// events, otherwise a property of the value object (<c>phx-value-*</c> attributes, the
    /// element's <c>value</c>, <c>key</c>). The last one when a name was sent more than once.
    /// </summary>
    public string? this[string name] => Payload.Root.Find(name)?.Text;

    /// <summary>The modifier keys held during a click or key event (the bundle sends them only when held).</summary>
    public KeyModifiers Modifiers =>
        (Held("altKey") ? KeyModifiers.Alt : 0) | (Held("ctrlKey") ? KeyModifiers.Ctrl : 0) |
        (Held("shiftKey") ? KeyModifiers.Shift : 0) | (Held("metaKey") ? KeyModifiers.Meta : 0);

    /// <summary>
    /// Where a click happened, for bindings written <c>@click.pointer="…"</c>; null for other
    /// events, or when the client sent no (or malformed) coordinates.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The DOM's word (PointerEvent), not the type 'pointer'.")]
    public LivePointer? Pointer
    {
        get
        {
            if (Number("clientX") is not { } clientX || Number("clientY") is not { } clientY)
            {
                return null;
            }

            return new LivePointer(
                clientX, clientY, Number("pageX") ?? clientX, Number("pageY") ?? clientY, Number("offsetX") ?? 0, Number("offsetY") ?? 0,
                (int)(Number("button") ?? 0), (int)(Number("detail") ?? 1), this["pointerType"] ?? "mouse");
        }
    }

    private bool Held(string key) => this[key] == "true";

    private double? Number(string key) =>
        double.TryParse(this[key], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : null;

    /// <summary>The value and meta, decoded once on first use (Plug's rules for nested form fields).</summary>
    internal EventPayload Payload => payload ??= EventPayload.Decode(Value, meta);
}
