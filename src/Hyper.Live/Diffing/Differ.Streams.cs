using System.Text.Json;
using Hyper.Live.Protocol;
using Hyper.Live.Templates;

namespace Hyper.Live.Diffing;

/// <summary>
/// Streams (<c>LiveStream&lt;T&gt;</c>): a comprehension that carries only the entries inserted by this render and
/// a <c>"stream"</c> entry <c>[ref, [[domId, at, limit, updateOnly], …], deleteIds]</c> (+ <c>true</c> to reset),
/// protocol §4.6. Nothing of the entries is remembered: the next render sends only new operations.
/// </summary>
internal sealed partial class Differ
{
    /// <summary>The differ writing on this thread, which numbers the streams of its view and hands out cids.</summary>
    [ThreadStatic]
    private static Differ? writing;

    private int nextStreamRef;

    /// <summary>Makes a differ the one numbering streams on this thread while it writes, and forgets it after (so no view outlives its render here).</summary>
    private readonly ref struct StreamNumbering
    {
        private readonly Differ? previous;

        public StreamNumbering(Differ differ)
        {
            previous = writing;
            writing = differ;
        }

        public void Dispose() => writing = previous;
    }

    /// <summary>
    /// Writes a render's operations as a diff of the comprehension the client has; false when it needs new
    /// statics (the entries' template changed). Writes nothing when there are no operations.
    /// </summary>
    private static bool DiffStream(DiffWriter writer, int key, RenderArena arena, in ArenaNode node, StreamState state)
    {
        var batch = node.Stream!;
        if (batch.IsEmpty)
        {
            return true;
        }

        var items = arena.Items(node);
        var template = EntryTemplate(items);
        // A client holding "" has no statics to render entries with.
        if (state.Template is null || (template is not null && template != state.Template))
        {
            return false;
        }

        writer.Flush();
        writer.WriteName(key);
        WriteStreamComprehension(writer, items, state.Template, batch, withStatics: false);
        return true;
    }

    /// <summary>Writes a stream in full: with statics, or as <c>""</c> before it has anything to send.</summary>
    private static StreamState WriteFullStream(DiffWriter writer, RenderArena arena, in ArenaNode node)
    {
        var batch = node.Stream!;
        var items = arena.Items(node);
        var template = EntryTemplate(items);
        if (batch.IsEmpty)
        {
            writer.Json.WriteStringValue(""u8);
            return new StreamState(null);
        }

        template ??= CompiledTemplate.Identity;
        WriteStreamComprehension(writer, items, template, batch, withStatics: true);
        return new StreamState(template);
    }

    private static void WriteStreamComprehension(DiffWriter writer, ReadOnlySpan<ListItem> items, CompiledTemplate? template,
        StreamBatch batch, bool withStatics)
    {
        var json = writer.Json;
        var ownsTemplates = sharedTemplates is null;
        if (ownsTemplates)
        {
            sharedTemplates = RentTemplateTable();
        }

        try
        {
            json.WriteStartObject();
            if (withStatics)
            {
                json.WritePropertyName(DiffKeys.Statics);
                json.WriteRawValue(template!.StaticsJson, skipInputValidation: true);
            }

            json.WritePropertyName(DiffKeys.Keyed);
            json.WriteStartObject();
            if (template is not null && !items.IsEmpty)
            {
                // Entries are always new to the client; their slot states are written and dropped. So are keyed
                // lists in them, which therefore stay plain rows: a row component the server forgot at once could
                // neither be diffed nor be known as on the page (Differ.Rows).
                var hashes = new ulong[template.HoleCount];
                object?[]? children = null;
                var rows = rowWriter;
                rowWriter = null;
                try
                {
                    for (var i = 0; i < items.Length; i++)
                    {
                        writer.WriteName(i);
                        json.WriteStartObject();
                        WriteFullSlots(writer, EntryValues(items[i], template), template, hashes, ref children, 0, template.HoleCount);
                        json.WriteEndObject();
                    }
                }
                finally
                {
                    rowWriter = rows;
                }
            }

            json.WriteNumber(DiffKeys.KeyedCount, items.Length);
            json.WriteEndObject();
            WriteStreamOperations(json, batch);
            if (ownsTemplates)
            {
                WriteTemplates(writer, sharedTemplates!);
            }

            json.WriteEndObject();
        }
        finally
        {
            if (ownsTemplates)
            {
                ReturnTemplateTable();
            }
        }
    }

    private static void WriteStreamOperations(Utf8JsonWriter json, StreamBatch batch)
    {
        var identity = batch.Identity;
        identity.Ref ??= (writing is { } differ ? differ.nextStreamRef++ : 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
        json.WritePropertyName(DiffKeys.Stream);
        json.WriteStartArray();
        json.WriteStringValue(identity.Ref);
        json.WriteStartArray();
        foreach (var insert in batch.Inserts)
        {
            json.WriteStartArray();
            json.WriteStringValue(insert.DomId);
            json.WriteNumberValue(insert.At);
            if (insert.Limit is { } limit)
            {
                json.WriteNumberValue(limit);
            }
            else
            {
                json.WriteNullValue();
            }

            json.WriteBooleanValue(insert.UpdateOnly);
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteStartArray();
        foreach (var id in batch.DeleteIds)
        {
            json.WriteStringValue(id);
        }

        json.WriteEndArray();
        if (batch.Reset)
        {
            // Only a present fourth element resets: the client tests it against undefined, so false would reset too.
            json.WriteBooleanValue(true);
        }

        json.WriteEndArray();
    }
}
