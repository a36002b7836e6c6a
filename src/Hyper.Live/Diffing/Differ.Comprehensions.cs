using System.Text.Json;
using Hyper.Live.Protocol;
using Hyper.Live.Templates;

namespace Hyper.Live.Diffing;

/// <summary>
/// Comprehensions (<c>Html.Each</c>): a list written in full with its entries' shared statics in
/// one <c>"p"</c> map, and list diffs, by position or by key (protocol §4.3–4.4).
/// </summary>
internal sealed partial class Differ
{
    private static ListState WriteFullList(DiffWriter writer, RenderArena arena, in ArenaNode node)
    {
        var json = writer.Json;
        var items = arena.Items(node);
        var template = EntryTemplate(items);
        var state = new ListState(template, node.IsKeyed, items.Length, template is not null && RowsFor(node.IsKeyed, template));
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
            json.WriteRawValue((state.RootEntries || state.Cids is not null ? CompiledTemplate.Identity : template).StaticsJson, skipInputValidation: true);
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
        if (state.Cids is not null)
        {
            WriteNewRow(writer, item, state, position);
            return;
        }

        var json = writer.Json;
        json.WriteStartObject();
        if (state.RootEntries)
        {
            // The entry is one root-tracked template in the comprehension's only hole: {"0": {…, "s": n, "r": 1}}.
            writer.WriteName(0);
            json.WriteStartObject();
        }

        WriteFullSlots(writer, EntryValues(item, template), template, state.Hashes, ref state.Children,
            position * template.HoleCount, state.Keys.Length * template.HoleCount);
        if (state.RootEntries)
        {
            WriteStatics(json, template);
            WriteRoot(json, template);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>Diffs one entry that kept its key, inside the frame of its position (or move) already pushed.</summary>
    private static void DiffEntry(DiffWriter writer, in ListItem item, CompiledTemplate template, ListState state, int position, int capacity)
    {
        if (state.Cids is not null)
        {
            DiffRow(item, state, position);
            return;
        }

        if (state.RootEntries)
        {
            writer.Push(0);
        }

        DiffSlots(writer, EntryValues(item, template), template, state.Hashes, ref state.Children, position * template.HoleCount, capacity * template.HoleCount);
        if (state.RootEntries)
        {
            writer.Pop();
        }
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
        var common = Math.Min(items.Length, state.Count);
        state.EnsureCapacity(items.Length);
        for (var i = 0; i < common; i++)
        {
            writer.Push(i);
            DiffEntry(writer, items[i], template, state, i, state.Keys.Length);
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
        var oldCids = state.Cids;
        var oldCount = state.Count;
        var staticsKept = false;
        state.Keys = new ulong[items.Length];
        state.Cids = oldCids is null ? null : new int[items.Length];
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

                if (oldCids is not null)
                {
                    state.Cids![i] = oldCids[from];
                    staticsKept |= oldCids[from] == state.StaticsCid;
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

                DiffEntry(writer, items[i], template, state, i, items.Length);
                writer.Pop();
            }
        }
        finally
        {
            ReturnKeyIndex(positions);
        }

        if (!staticsKept)
        {
            // The row holding the list's statics left: the next new row sends them again.
            state.StaticsCid = 0;
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
