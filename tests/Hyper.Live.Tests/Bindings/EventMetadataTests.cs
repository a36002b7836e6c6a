using System.Text.Json;

namespace Hyper.Live.Tests.Bindings;

/// <summary><see cref="LiveEvent.Modifiers"/> and <see cref="LiveEvent.Pointer"/>, read from what the bundle's metadata adds to a click.</summary>
public sealed class EventMetadataTests
{
    private static LiveEvent Click(string value)
    {
        using var json = JsonDocument.Parse(value);
        return new LiveEvent("draw", "click", json.RootElement.Clone(), default, null);
    }

    [Fact]
    public void Modifiers_are_the_keys_sent_as_held()
    {
        Assert.Equal(KeyModifiers.None, Click("""{"value":""}""").Modifiers);
        Assert.Equal(KeyModifiers.Shift | KeyModifiers.Meta, Click("""{"shiftKey":true,"metaKey":true,"altKey":false}""").Modifiers);
        Assert.Equal(KeyModifiers.Alt | KeyModifiers.Ctrl, Click("""{"altKey":true,"ctrlKey":true}""").Modifiers);
    }

    [Fact]
    public void Pointer_reads_the_position_and_is_null_without_one()
    {
        var pointer = Click("""{"clientX":110.5,"clientY":220,"pageX":110.5,"pageY":1220,"offsetX":10,"offsetY":20,"button":2,"detail":2,"pointerType":"pen"}""").Pointer;

        Assert.Equal(new LivePointer(110.5, 220, 110.5, 1220, 10, 20, 2, 2, "pen"), pointer);
        Assert.Null(Click("""{"value":""}""").Pointer);
        Assert.Null(Click("""{"clientX":"NaN","clientY":1}""").Pointer);
        Assert.Null(Click("""{"clientX":{"x":1},"clientY":1}""").Pointer);
    }
}
