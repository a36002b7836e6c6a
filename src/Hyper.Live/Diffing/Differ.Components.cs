using System.Text.Json;
using Hyper.Live.Protocol;
using Hyper.Live.Templates;

namespace Hyper.Live.Diffing;

/// <summary>
/// Live components (protocol §4.5): a slot that embeds one holds its cid, and the diff's top-level
/// <c>"c"</c> map carries the components that changed, each diffed against what the client has of it.
/// A component sent in full reuses the statics of one the client already has (<c>"s": -cid</c>) or of
/// one earlier in the same diff (<c>"s": cid</c>) when both render the same template.
/// </summary>
internal sealed partial class Differ
{
    [ThreadStatic]
    private static IComponentSource? componentSource;

    private static readonly ulong ComponentSeed = ValueHash.Of("hyper-component");

    /// <summary>What the client has of each component, by cid.</summary>
    private readonly Dictionary<int, NodeState> components = [];

    /// <summary>Per root template, the last component sent in full with it: whose statics the next one can reuse.</summary>
    private readonly Dictionary<CompiledTemplate, int> statics = [];

    private readonly HashSet<int> sentThisDiff = [];

    /// <summary>How many components the client has, as far as this differ knows.</summary>
    public int ComponentCount => components.Count;

    /// <summary>
    /// Forgets what the client has of component <paramref name="cid"/> (it announced its removal):
    /// if it is rendered again, it is sent in full.
    /// </summary>
    public void Forget(int cid)
    {
        if (components.Remove(cid, out var state) && statics.TryGetValue(state.Template, out var holder) && holder == cid)
        {
            statics.Remove(state.Template);
        }
    }

    private void ForgetComponents()
    {
        components.Clear();
        statics.Clear();
    }

    private static int ResolveComponent(ComponentCall call) =>
        componentSource?.Resolve(call, writing!) ?? throw new TemplateException(
            $"The live component {call.ComponentType.Name} (\"{call.Id}\") can only be rendered by a live view.");

    private static ulong CidHash(int cid) => ValueHash.Combine(ComponentSeed, (ulong)cid);

    /// <summary>A slot that embeds a component: its cid, omitted when the slot held that cid already.</summary>
    private static void WriteCid(DiffWriter writer, int key, ComponentCall call, object? previous, ulong[] hashes, object?[]? children, int index)
    {
        var cid = ResolveComponent(call);
        var hash = CidHash(cid);
        if (previous is null && hashes[index] == hash)
        {
            return;
        }

        writer.Flush();
        writer.WriteName(key);
        writer.Json.WriteNumberValue(cid);
        hashes[index] = hash;
        if (children is not null)
        {
            children[index] = null;
        }
    }

    /// <summary>Into the open <c>"c"</c> frame: every component the source says must be sent.</summary>
    private void WriteComponents(DiffWriter writer, IComponentSource source)
    {
        sentThisDiff.Clear();
        while (source.TryRenderNext(out var cid, out var html))
        {
            WriteComponent(writer, cid, html);
        }
    }

    private void WriteComponent(DiffWriter writer, int cid, Html html)
    {
        var value = html.AsHole();
        if (value.Kind != HoleKind.Node || Arena(value).Node(value.A, value.B).Kind != NodeKind.Template)
        {
            throw new TemplateException("A live component must render one template ($\"...\") with one root element, not nothing, a list or raw HTML.");
        }

        var arena = Arena(value);
        ref var node = ref arena.Node(value.A, value.B);
        var template = arena.TemplateOf(ref node);
        if (!template.IsSingleElement)
        {
            // The client tags the component's one root element with its cid; it cannot tag text or siblings.
            throw TemplateException.At(template.Source, 0,
                "a live component must render exactly one root element (wrap it in a <div>)", template.ToString());
        }

        if (components.TryGetValue(cid, out var state) && state.Template == template)
        {
            writer.Push(cid);
            DiffSlots(writer, arena.Holes(node), template, state.Hashes, ref state.Children, 0, template.HoleCount);
            writer.Pop();
            return;
        }

        state = new NodeState(template);
        var shared = statics.TryGetValue(template, out var holder) && holder != cid && components.TryGetValue(holder, out var held) && held.Template == template
            ? (sentThisDiff.Contains(holder) ? holder : -holder)
            : 0;
        WriteComponentInFull(writer, cid, arena.Holes(node), template, state.Hashes, ref state.Children, 0, template.HoleCount, shared);
        if (shared == 0)
        {
            statics[template] = cid;
        }

        components[cid] = state;
        sentThisDiff.Add(cid);
    }

    /// <summary>
    /// A component (live or row) in full under <c>"c"</c>: its slots, its statics or <paramref name="sharedStatics"/>
    /// (another cid whose statics it reuses: positive when that one is earlier in this diff, negative when the
    /// client has it; 0 for none), and <c>"r": 1</c>, which the client needs to tag its root element.
    /// </summary>
    private static void WriteComponentInFull(DiffWriter writer, int cid, ReadOnlySpan<HoleValue> values, CompiledTemplate template,
        ulong[] hashes, ref object?[]? children, int offset, int capacity, int sharedStatics)
    {
        var json = writer.Json;
        writer.Flush();
        writer.WriteName(cid);
        json.WriteStartObject();
        WriteFullSlots(writer, values, template, hashes, ref children, offset, capacity);
        json.WritePropertyName(DiffKeys.Statics);
        if (sharedStatics != 0)
        {
            // Every slot was written in full above, so nothing of the referenced component's dynamics survives the copy.
            json.WriteNumberValue(sharedStatics);
        }
        else
        {
            json.WriteRawValue(template.StaticsJson, skipInputValidation: true);
        }

        json.WriteNumber(DiffKeys.Root, 1);
        json.WriteEndObject();
    }
}
