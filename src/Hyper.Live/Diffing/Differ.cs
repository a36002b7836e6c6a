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
internal sealed class Differ
{
    private static readonly SlotInfo TextSlot = new(SlotContext.Text);

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
    public void Reset() => root = null;

    /// <summary>
    /// Writes the render <paramref name="html"/> into the innermost frame of <paramref name="writer"/>:
    /// all of it with statics after <see cref="Reset"/>, otherwise only what changed.
    /// Must run inside the render scope that built <paramref name="html"/>.
    /// </summary>
    public void Write(DiffWriter writer, Html html)
    {
        var value = html.AsHole();
        if (value.Kind != HoleKind.Node || Arena(value).Node(value.A, value.B).Kind != NodeKind.Template)
        {
            throw new TemplateException("A view must render one template ($\"...\"), not nothing, a list or raw HTML.");
        }

        var arena = Arena(value);
        ref var node = ref arena.Node(value.A, value.B);
        var template = arena.TemplateOf(ref node);
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
            if (node.Kind == NodeKind.Template)
            {
                var template = arena.TemplateOf(ref node);
                var nested = new NodeState(template);
                json.WriteStartObject();
                WriteFullSlots(writer, arena.Holes(node), template, nested.Hashes, ref nested.Children, 0, template.HoleCount);
                WriteStatics(json, template);
                json.WriteEndObject();
                state = nested;
            }
            else if (node.Kind == NodeKind.List)
            {
                state = WriteFullList(writer, arena, node);
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
            writer.WriteName(i);
            WriteFull(writer, values[i], template.Slots[i], hashes, ref children, offset + i, capacity);
        }
    }

    private static ListState WriteFullList(DiffWriter writer, RenderArena arena, in ArenaNode node)
    {
        var json = writer.Json;
        var items = arena.Items(node);
        var template = EntryTemplate(items);
        var state = new ListState(template, node.IsKeyed, items.Length);
        if (template is null)
        {
            // Phoenix sends a never-filled comprehension as "": there are no statics to send yet.
            json.WriteStringValue(""u8);
            return state;
        }

        if (node.IsKeyed)
        {
            EnsureUniqueKeys(items);
        }

        // The outermost list written in full collects the statics of the templates nested in its
        // entries into one "p" map (protocol §4.4): sent once per list instead of once per entry.
        // A comprehension's own "s" stays inline: the client resolves it against its ancestors' map only.
        var ownsTemplates = sharedTemplates is null;
        if (ownsTemplates)
        {
            sharedTemplates = RentTemplateTable();
        }

        try
        {
            json.WriteStartObject();
            json.WritePropertyName(DiffKeys.Statics);
            json.WriteRawValue(template.StaticsJson, skipInputValidation: true);
            json.WritePropertyName(DiffKeys.Keyed);
            json.WriteStartObject();
            for (var i = 0; i < items.Length; i++)
            {
                writer.WriteName(i);
                WriteFullEntry(writer, items[i], template, state, i);
            }

            state.Count = items.Length;
            json.WriteNumber(DiffKeys.KeyedCount, items.Length);
            json.WriteEndObject();
            if (ownsTemplates)
            {
                WriteTemplates(writer, sharedTemplates!);
            }

            json.WriteEndObject();
            return state;
        }
        finally
        {
            if (ownsTemplates)
            {
                ReturnTemplateTable();
            }
        }
    }

    private static void WriteFullEntry(DiffWriter writer, in ListItem item, CompiledTemplate template, ListState state, int position)
    {
        state.Keys[position] = item.Key;
        writer.Json.WriteStartObject();
        WriteFullSlots(writer, EntryValues(item, template), template, state.Hashes, ref state.Children,
            position * template.HoleCount, state.Keys.Length * template.HoleCount);
        writer.Json.WriteEndObject();
    }

    /// <summary>
    /// Diffs a list against what the client has (protocol §4.3). Returns false when the list
    /// must be sent again in full: its entry template or keying changed.
    /// </summary>
    private static bool DiffList(DiffWriter writer, int key, RenderArena arena, in ArenaNode node, ListState state)
    {
        var items = arena.Items(node);
        var template = items.IsEmpty ? state.Template : EntryTemplate(items);
        if (template is null || template != state.Template || (!items.IsEmpty && node.IsKeyed != state.Keyed))
        {
            return state.Template is null && items.IsEmpty;
        }

        writer.Push(key);
        writer.Push(DiffKeys.Keyed);
        var moved = false;
        var previousCount = state.Count;
        var ownsTemplates = sharedTemplates is null;
        if (ownsTemplates)
        {
            sharedTemplates = RentTemplateTable();
        }

        try
        {
            if (!state.Keyed || (items.Length == previousCount && SameKeys(items, state)))
            {
                DiffInPlace(writer, items, template, state);
            }
            else
            {
                moved = DiffByKey(writer, items, template, state);
            }

            if (items.Length != previousCount || writer.IsWritten)
            {
                writer.Flush();
                writer.Json.WriteNumber(DiffKeys.KeyedCount, items.Length);
                if (moved)
                {
                    writer.Json.WriteBoolean(DiffKeys.KeyedMerge, true);
                }
            }

            writer.Pop();
            if (ownsTemplates)
            {
                // New entries and replaced subtrees of this diff share statics too; the client copies
                // a keyed diff's "p" onto the comprehension it renders from (protocol §4.4).
                WriteTemplates(writer, sharedTemplates!);
            }

            writer.Pop();
            return true;
        }
        finally
        {
            if (ownsTemplates)
            {
                ReturnTemplateTable();
            }
        }
    }

    private static void WriteTemplates(DiffWriter writer, TemplateTable table)
    {
        if (table.Count == 0)
        {
            return;
        }

        var json = writer.Json;
        json.WritePropertyName(DiffKeys.SharedStatics);
        json.WriteStartObject();
        for (var i = 0; i < table.Count; i++)
        {
            writer.WriteName(i);
            json.WriteRawValue(table.Templates[i].StaticsJson, skipInputValidation: true);
        }

        json.WriteEndObject();
    }

    private static void ReturnTemplateTable()
    {
        sharedTemplates!.Clear();
        templateTables!.Push(sharedTemplates);
        sharedTemplates = null;
    }

    private static void DiffInPlace(DiffWriter writer, ReadOnlySpan<ListItem> items, CompiledTemplate template, ListState state)
    {
        var stride = template.HoleCount;
        var common = Math.Min(items.Length, state.Count);
        state.EnsureCapacity(items.Length);
        for (var i = 0; i < common; i++)
        {
            writer.Push(i);
            DiffSlots(writer, EntryValues(items[i], template), template, state.Hashes, ref state.Children, i * stride, state.Keys.Length * stride);
            writer.Pop();
        }

        for (var i = common; i < items.Length; i++)
        {
            writer.Flush();
            writer.WriteName(i);
            WriteFullEntry(writer, items[i], template, state, i);
        }

        state.Truncate(items.Length);
        state.Count = items.Length;
    }

    /// <summary>
    /// Describes the new list position by position: entries found under the same key are
    /// diffed against their previous state (and referenced by old position when they moved);
    /// new keys are sent in full. Returns whether any entry moved.
    /// </summary>
    private static bool DiffByKey(DiffWriter writer, ReadOnlySpan<ListItem> items, CompiledTemplate template, ListState state)
    {
        var stride = template.HoleCount;
        var oldKeys = state.Keys;
        var oldHashes = state.Hashes;
        var oldChildren = state.Children;
        var oldCount = state.Count;
        state.Keys = new ulong[items.Length];
        state.Hashes = new ulong[items.Length * stride];
        state.Children = oldChildren is null ? null : new object?[items.Length * stride];

        var positions = RentKeyIndex();
        var moved = false;
        try
        {
            for (var j = 0; j < oldCount; j++)
            {
                positions[oldKeys[j]] = j;
            }

            for (var i = 0; i < items.Length; i++)
            {
                var itemKey = items[i].Key;
                if (!positions.TryGetValue(itemKey, out var from))
                {
                    positions[itemKey] = -1;
                    writer.Flush();
                    writer.WriteName(i);
                    WriteFullEntry(writer, items[i], template, state, i);
                    continue;
                }

                if (from < 0)
                {
                    throw DuplicateKey();
                }

                positions[itemKey] = -1;
                state.Keys[i] = itemKey;
                Array.Copy(oldHashes, from * stride, state.Hashes, i * stride, stride);
                if (oldChildren is not null)
                {
                    Array.Copy(oldChildren, from * stride, state.Children!, i * stride, stride);
                }

                if (from == i)
                {
                    writer.Push(i);
                }
                else
                {
                    writer.PushMove(i, from);
                    moved = true;
                }

                DiffSlots(writer, EntryValues(items[i], template), template, state.Hashes, ref state.Children, i * stride, items.Length * stride);
                writer.Pop();
            }
        }
        finally
        {
            ReturnKeyIndex(positions);
        }

        state.Count = items.Length;
        return moved;
    }

    private static bool SameKeys(ReadOnlySpan<ListItem> items, ListState state)
    {
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i].Key != state.Keys[i])
            {
                return false;
            }
        }

        return true;
    }

    private static void EnsureUniqueKeys(ReadOnlySpan<ListItem> items)
    {
        var seen = RentKeyIndex();
        try
        {
            foreach (var item in items)
            {
                if (!seen.TryAdd(item.Key, 0))
                {
                    throw DuplicateKey();
                }
            }
        }
        finally
        {
            ReturnKeyIndex(seen);
        }
    }

    private static TemplateException DuplicateKey() =>
        new("Two items of a keyed list have the same key: keys must be unique within a list.");

    /// <summary>
    /// The template shared by every entry, or <see cref="CompiledTemplate.Identity"/> when
    /// entries differ (each entry then carries its own nested template); null when empty.
    /// </summary>
    private static CompiledTemplate? EntryTemplate(ReadOnlySpan<ListItem> items)
    {
        CompiledTemplate? shared = null;
        foreach (var item in items)
        {
            if (item.Value.Kind != HoleKind.Node)
            {
                return CompiledTemplate.Identity;
            }

            var arena = Arena(item.Value);
            ref var node = ref arena.Node(item.Value.A, item.Value.B);
            if (node.Kind != NodeKind.Template)
            {
                return CompiledTemplate.Identity;
            }

            var template = arena.TemplateOf(ref node);
            if (shared is not null && shared != template)
            {
                return CompiledTemplate.Identity;
            }

            shared = template;
        }

        return shared;
    }

    private static ReadOnlySpan<HoleValue> EntryValues(in ListItem item, CompiledTemplate template)
    {
        if (template == CompiledTemplate.Identity)
        {
            return new ReadOnlySpan<HoleValue>(in item.Value);
        }

        var arena = Arena(item.Value);
        return arena.Holes(arena.Node(item.Value.A, item.Value.B));
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

    private static Dictionary<ulong, int> RentKeyIndex()
    {
        keyIndexes ??= new Stack<Dictionary<ulong, int>>();
        return keyIndexes.TryPop(out var index) ? index : [];
    }

    private static void ReturnKeyIndex(Dictionary<ulong, int> index)
    {
        index.Clear();
        keyIndexes!.Push(index);
    }
}
