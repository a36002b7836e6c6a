using System.Text;
using System.Text.Json;
using Hyper.Live.Protocol;

namespace Hyper.Live.Templates;

/// <summary>
/// A template after compilation: the statics as the client receives them (event bindings
/// rewritten, boolean attributes folded into their holes) and how to write each hole.
/// Shared by every render of every session: there is one instance per distinct template.
/// </summary>
internal sealed class CompiledTemplate
{
    public CompiledTemplate(string[] statics, SlotInfo[] slots, TemplateBinding[]? bindings = null, TemplateSource? source = null)
    {
        Statics = statics;
        Slots = slots;
        Bindings = bindings ?? [];
        Source = source;
        StaticsJson = EncodeStatics(statics);
        HasHandlerSlots = slots.Any(s => s.Context == SlotContext.EventHandler);
        Fingerprint = statics.Aggregate(ValueHash.Of([]), (hash, part) => ValueHash.Combine(hash, ValueHash.Of(part)));
    }

    /// <summary>A template made of one text hole: the entry template of lists of strings or of mixed items.</summary>
    public static CompiledTemplate Identity { get; } = new(["", ""], [new SlotInfo(SlotContext.Text)]);

    /// <summary>
    /// Whether the template renders exactly one root element (whitespace around it allowed), decided at
    /// compile time: such a template is sent as a root-tracked rendered object (<c>"r": 1</c>), which the
    /// client skips re-rendering and morphing while no diff touched it. Never set for a template with
    /// siblings or text at its top level, since the client would then drop them (protocol §4.7).
    /// </summary>
    public bool IsSingleRoot { get; init; }

    /// <summary>
    /// Whether the template renders exactly one root element (whitespace around it allowed), form
    /// controls or not: what a live component's template must do, since the client tags that element
    /// as the component's, and what a stream item must be, since the client places and removes items
    /// element by element.
    /// </summary>
    public bool IsSingleElement { get; init; }

    /// <summary>Where <see cref="ForComponents"/> adds <c>phx-target=""</c>: the tags with an <c>@event</c> binding and no <c>phx-target</c>.</summary>
    public (int Static, int Offset)[] TargetInsertions { get; init; } = [];

    /// <summary>
    /// This template as a live component renders it: every tag with an <c>@event</c> binding (and no
    /// <c>phx-target</c> of its own) gets <c>phx-target=""</c>, which Phoenix's client reads as "the closest
    /// component around this element", so events written in a component reach that component without
    /// naming its cid. Statics only change; the slots stay the same, so a render's holes fit both.
    /// </summary>
    public CompiledTemplate ForComponents => forComponents ??= TargetInsertions.Length == 0 ? this : WithTargets();

    private CompiledTemplate? forComponents;

    /// <summary>
    /// The handlers that bindings on tags with their own <c>phx-target</c> name (<c>phx-target="{{Parent}}"</c>,
    /// <c>phx-target="#counter-likes"</c>): not in <see cref="Bindings"/>, since they go to another view or
    /// component, which may run them.
    /// </summary>
    public string[] TargetedHandlers { get; init; } = [];

    /// <summary>The bindings that name a handler of the template's owner, checked against its type at its first render.</summary>
    public TemplateBinding[] Bindings { get; }

    /// <summary>Where the template was first seen, for error messages; null when unknown.</summary>
    public TemplateSource? Source { get; }

    /// <summary>Whether a hole is a delegate binding (<c>@click="{{Save}}"</c>), which each render must resolve.</summary>
    public bool HasHandlerSlots { get; }

    /// <summary>A 64-bit hash of the statics, the same in every process: part of delegate binding ids.</summary>
    public ulong Fingerprint { get; }

    /// <summary><c>HoleCount + 1</c> literal strings, the Phoenix <c>"s"</c>.</summary>
    public string[] Statics { get; }

    public SlotInfo[] Slots { get; }

    public int HoleCount => Slots.Length;

    /// <summary>The statics as a UTF-8 JSON array, encoded once.</summary>
    public byte[] StaticsJson { get; }

    private CompiledTemplate WithTargets()
    {
        var statics = (string[])Statics.Clone();
        foreach (var group in TargetInsertions.GroupBy(insertion => insertion.Static))
        {
            var text = new StringBuilder(statics[group.Key]);
            foreach (var (_, offset) in group.OrderByDescending(insertion => insertion.Offset))
            {
                text.Insert(offset, " phx-target=\"\"");
            }

            statics[group.Key] = text.ToString();
        }

        return new CompiledTemplate(statics, Slots, Bindings, Source)
        {
            IsSingleRoot = IsSingleRoot,
            IsSingleElement = IsSingleElement,
            TargetedHandlers = TargetedHandlers,
        };
    }

    private static byte[] EncodeStatics(string[] statics)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WireJson.Options))
        {
            writer.WriteStartArray();
            foreach (var part in statics)
            {
                writer.WriteStringValue(part);
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Statics.Length; i++)
        {
            text.Append(Statics[i]);
            if (i < Slots.Length)
            {
                text.Append("{{").Append(i).Append("}}");
            }
        }

        return text.ToString();
    }
}
