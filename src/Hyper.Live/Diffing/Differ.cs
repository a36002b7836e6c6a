using System.Buffers;
using System.Text.Json;
using Hyper.Live.Protocol;
using Hyper.Live.Templates;

namespace Hyper.Live.Diffing;

/// <summary>
/// Turns renders into Phoenix diffs (protocol §4). The first render is sent in full with
/// statics; later ones only carry the dynamics whose hash changed, new subtrees (with
/// statics) where a template changed, and keyed-list operations. One differ per live view
/// instance; it keeps only what the next diff needs (<see cref="NodeState"/>).
/// </summary>
internal sealed partial class Differ
{
    [ThreadStatic]
    private static CharBuffer? leafBuffer;

    [ThreadStatic]
    private static Stack<Dictionary<ulong, int>>? keyIndexes;

    /// <summary>The "p" map of the list being written in full, if any (writing is synchronous, per thread).</summary>
    [ThreadStatic]
    private static TemplateTable? sharedTemplates;

    [ThreadStatic]
    private static Stack<TemplateTable>? templateTables;

    private NodeState? root;

    /// <summary>Whether a render has been sent: the next one is a diff rather than a full tree.</summary>
    public bool HasRendered => root is not null;

    /// <summary>Forgets what the client has, so the next render is sent in full (a new join).</summary>
    public void Reset()
    {
        root = null;
        ForgetComponents();
    }

    /// <summary>
    /// Writes the render <paramref name="html"/> into the innermost frame of <paramref name="writer"/>:
    /// all of it with statics after <see cref="Reset"/>, otherwise only what changed.
    /// Must run inside the render scope that built <paramref name="html"/>.
    /// </summary>
    /// <param name="writer">Where the diff goes.</param>
    /// <param name="html">The view's render.</param>
    /// <param name="components">The view's live components: finds the ones the render embeds and renders those that changed; null when it has none.</param>
    public void Write(DiffWriter writer, Html html, IComponentSource? components = null)
    {
        var previous = componentSource;
        var previousRows = rowWriter;
        var previousWriter = writing;
        componentSource = components;
        rowWriter = writing = this;
        diffNumber++;
        var firstRow = PendingRows.Count;
        try
        {
            WriteRoot(writer, html);
            writer.Push(DiffKeys.Components);
            WriteRows(writer, firstRow);

            // Lists in live components' renders stay root-tracked entries (see Differ.Rows).
            rowWriter = null;
            if (components is not null)
            {
                WriteComponents(writer, components);
            }

            writer.Pop();
        }
        finally
        {
            componentSource = previous;
            rowWriter = previousRows;
            writing = previousWriter;
            DropRows(firstRow);
        }
    }

    private void WriteRoot(DiffWriter writer, Html html)
    {
        var value = html.AsHole();
        if (value.Kind != HoleKind.Node || Arena(value).Node(value.A, value.B).Kind != NodeKind.Template)
        {
            throw new TemplateException("A view must render one template ($\"...\"), not nothing, a list or raw HTML.");
        }

        var arena = Arena(value);
        ref var node = ref arena.Node(value.A, value.B);
        var template = arena.TemplateOf(ref node);
        using var numbering = new StreamNumbering(this);
        if (root is not null && root.Template == template)
        {
            DiffSlots(writer, arena.Holes(node), root.Template, root.Hashes, ref root.Children, 0, template.HoleCount);
            return;
        }

        writer.Flush();
        root = new NodeState(template);
        WriteFullSlots(writer, arena.Holes(node), template, root.Hashes, ref root.Children, 0, template.HoleCount);
        WriteStatics(writer.Json, template);
    }

    /// <summary>Renders and returns the diff as a JSON string (<c>{}</c> when nothing changed).</summary>
    public string RenderJson(Func<Html> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        var buffer = new ArrayBufferWriter<byte>();
        using (var scope = RenderArena.Enter())
        using (var json = new Utf8JsonWriter(buffer, WireJson.Options))
        {
            var writer = new DiffWriter(json);
            writer.PushRoot();
            var html = render();
            BindingResolver.Resolve(html, sink: null);
            Write(writer, html);
            writer.Pop();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static RenderArena Arena(in HoleValue value) => (RenderArena)value.Reference!;

    /// <summary>A template's <c>"s"</c>: inline, or its index in the enclosing list's <c>"p"</c> map.</summary>
    private static void WriteStatics(Utf8JsonWriter json, CompiledTemplate template)
    {
        json.WritePropertyName(DiffKeys.Statics);
        if (sharedTemplates is { } shared)
        {
            json.WriteNumberValue(shared.IndexOf(template));
        }
        else
        {
            json.WriteRawValue(template.StaticsJson, skipInputValidation: true);
        }
    }

    /// <summary>
    /// <c>"r": 1</c> on a nested template with one root element, so the client tracks it and skips
    /// re-rendering it while no diff reaches it (protocol §4.7). The view's own template never carries
    /// it: every diff touches the view, so it could never be skipped.
    /// </summary>
    private static void WriteRoot(Utf8JsonWriter json, CompiledTemplate template)
    {
        if (template.IsSingleRoot)
        {
            json.WriteNumber(DiffKeys.Root, 1);
        }
    }

    private static TemplateTable RentTemplateTable()
    {
        templateTables ??= new Stack<TemplateTable>();
        return templateTables.TryPop(out var table) ? table : new TemplateTable();
    }

    private static void DiffSlots(DiffWriter writer, ReadOnlySpan<HoleValue> values, CompiledTemplate template,
        ulong[] hashes, ref object?[]? children, int offset, int capacity)
    {
        for (var i = 0; i < values.Length; i++)
        {
            StreamEntries.CheckContainer(values[i], template, i);
            DiffSlot(writer, i, values[i], template.Slots[i], hashes, ref children, offset + i, capacity);
        }
    }

    private static void DiffSlot(DiffWriter writer, int key, in HoleValue value, in SlotInfo slot,
        ulong[] hashes, ref object?[]? children, int index, int capacity)
    {
        var previous = children?[index];
        if (value.Kind == HoleKind.Node && slot.Context == SlotContext.Text)
        {
            var arena = Arena(value);
            ref var node = ref arena.Node(value.A, value.B);
            if (node.Kind == NodeKind.Component)
            {
                WriteCid(writer, key, node.Component!, previous, hashes, children, index);
                return;
            }

            if (node.Kind == NodeKind.Template && previous is NodeState nested && nested.Template == arena.TemplateOf(ref node))
            {
                writer.Push(key);
                DiffSlots(writer, arena.Holes(node), nested.Template, nested.Hashes, ref nested.Children, 0, nested.Template.HoleCount);
                writer.Pop();
                return;
            }

            if (node.Kind == NodeKind.List && previous is ListState list && DiffList(writer, key, arena, node, list))
            {
                return;
            }

            if (node.Kind == NodeKind.Stream && previous is StreamState stream && DiffStream(writer, key, arena, node, stream))
            {
                return;
            }

            if (node.Kind == NodeKind.Raw && previous is null && hashes[index] == LeafHash(value, slot))
            {
                return;
            }
        }
        else if (previous is null && hashes[index] == LeafHash(value, slot))
        {
            return;
        }

        writer.Flush();
        writer.WriteName(key);
        WriteFull(writer, value, slot, hashes, ref children, index, capacity);
    }

    /// <summary>Writes one hole's value in full and records its state.</summary>
    private static void WriteFull(DiffWriter writer, in HoleValue value, in SlotInfo slot,
        ulong[] hashes, ref object?[]? children, int index, int capacity)
    {
        var json = writer.Json;
        object? state = null;
        if (value.Kind == HoleKind.Node && slot.Context == SlotContext.Text)
        {
            var arena = Arena(value);
            ref var node = ref arena.Node(value.A, value.B);
            if (node.Kind == NodeKind.Component)
            {
                var cid = ResolveComponent(node.Component!);
                json.WriteNumberValue(cid);
                hashes[index] = CidHash(cid);
                if (children is not null)
                {
                    children[index] = null;
                }

                return;
            }

            if (node.Kind == NodeKind.Template)
            {
                var template = arena.TemplateOf(ref node);
                var nested = new NodeState(template);
                json.WriteStartObject();
                WriteFullSlots(writer, arena.Holes(node), template, nested.Hashes, ref nested.Children, 0, template.HoleCount);
                WriteStatics(json, template);
                WriteRoot(json, template);
                json.WriteEndObject();
                state = nested;
            }
            else if (node.Kind == NodeKind.List)
            {
                state = WriteFullList(writer, arena, node);
            }
            else if (node.Kind == NodeKind.Stream)
            {
                state = WriteFullStream(writer, arena, node);
            }
        }

        if (state is null)
        {
            var leaf = LeafBuffer();
            leaf.Clear();
            HtmlRenderer.Write(leaf, value, slot);
            json.WriteStringValue(leaf.Span);
            hashes[index] = LeafHash(value, slot);
            if (children is not null)
            {
                children[index] = null;
            }
        }
        else
        {
            children ??= new object?[capacity];
            children[index] = state;
        }
    }

    private static void WriteFullSlots(DiffWriter writer, ReadOnlySpan<HoleValue> values, CompiledTemplate template,
        ulong[] hashes, ref object?[]? children, int offset, int capacity)
    {
        for (var i = 0; i < values.Length; i++)
        {
            StreamEntries.CheckContainer(values[i], template, i);
            writer.WriteName(i);
            WriteFull(writer, values[i], template.Slots[i], hashes, ref children, offset + i, capacity);
        }
    }

    private static ulong LeafHash(in HoleValue value, in SlotInfo slot)
    {
        switch (value.Kind)
        {
            case HoleKind.Null:
                return 1;
            case HoleKind.Bool:
                return (ulong)(value.A + 3);
            case HoleKind.String:
            case HoleKind.Chars:
            case HoleKind.Number:
                return ValueHash.Tagged((byte)value.Kind, value.Chars);
            default:
                // Raw HTML and attribute sets: hash what they render to.
                var leaf = LeafBuffer();
                leaf.Clear();
                HtmlRenderer.Write(leaf, value, slot);
                return ValueHash.Tagged(255, leaf.Span);
        }
    }

    private static CharBuffer LeafBuffer() => leafBuffer ??= new CharBuffer();
}
