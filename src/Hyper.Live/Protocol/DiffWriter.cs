using System.Buffers.Text;
using System.Text.Json;

namespace Hyper.Live.Protocol;

/// <summary>
/// Writes a diff straight into a <see cref="Utf8JsonWriter"/> without knowing in advance
/// which parts changed. Objects are pushed as pending frames and written only when
/// something inside them is, so unchanged subtrees cost nothing and an empty diff writes
/// no bytes. A pending move frame becomes <c>"i": j</c> when its entry has no diff and
/// <c>"i": [j, {…}]</c> when it has one (protocol §4.3).
/// </summary>
internal sealed class DiffWriter
{
    private Frame[] frames = new Frame[16];
    private int depth;
    private int written;

    public DiffWriter(Utf8JsonWriter json) => Json = json;

    /// <summary>The JSON writer; call <see cref="Flush"/> before writing to it directly.</summary>
    public Utf8JsonWriter Json { get; }

    /// <summary>Forgets pending frames, after a write that failed half-way.</summary>
    public void Reset() => depth = written = 0;

    /// <summary>Whether the innermost frame has been written.</summary>
    public bool IsWritten => written == depth;

    /// <summary>Opens the top-level object, written as <c>{}</c> even when nothing changed.</summary>
    public void PushRoot() => Push(new Frame(-1, null, -1, AlwaysWrite: true));

    /// <summary>Opens a top-level object that is written only if something is written inside it.</summary>
    public void PushOptionalRoot() => Push(new Frame(-1, null, -1, AlwaysWrite: false));

    /// <summary>Opens an object under a property name; omitted entirely when nothing is written inside.</summary>
    public void Push(string name) => Push(new Frame(-1, name, -1, AlwaysWrite: false));

    /// <summary>Opens an object under a numeric key.</summary>
    public void Push(int key) => Push(new Frame(key, null, -1, AlwaysWrite: false));

    /// <summary>Opens a keyed-list entry at <paramref name="key"/> that moved from <paramref name="from"/>.</summary>
    public void PushMove(int key, int from) => Push(new Frame(key, null, from, AlwaysWrite: true));

    public void Pop()
    {
        var frame = frames[--depth];
        if (written > depth)
        {
            written = depth;
            Json.WriteEndObject();
            if (frame.MovedFrom >= 0)
            {
                Json.WriteEndArray();
            }
        }
        else if (frame.AlwaysWrite)
        {
            Flush();
            WriteName(frame);
            if (frame.MovedFrom >= 0)
            {
                Json.WriteNumberValue(frame.MovedFrom);
            }
            else
            {
                Json.WriteStartObject();
                Json.WriteEndObject();
            }
        }
    }

    /// <summary>Writes every pending frame, so the caller can write a value into the innermost one.</summary>
    public void Flush()
    {
        for (; written < depth; written++)
        {
            var frame = frames[written];
            WriteName(frame);
            if (frame.MovedFrom >= 0)
            {
                Json.WriteStartArray();
                Json.WriteNumberValue(frame.MovedFrom);
            }

            Json.WriteStartObject();
        }
    }

    /// <summary>Writes a numeric property name (<c>"0"</c>, <c>"1"</c>, …) without allocating.</summary>
    public void WriteName(int key)
    {
        Span<byte> digits = stackalloc byte[11];
        Utf8Formatter.TryFormat(key, digits, out var length);
        Json.WritePropertyName(digits[..length]);
    }

    private void WriteName(in Frame frame)
    {
        if (frame.Name is not null)
        {
            Json.WritePropertyName(frame.Name);
        }
        else if (frame.Key >= 0)
        {
            WriteName(frame.Key);
        }
    }

    private void Push(Frame frame)
    {
        if (depth == frames.Length)
        {
            Array.Resize(ref frames, depth * 2);
        }

        frames[depth++] = frame;
    }

    private readonly record struct Frame(int Key, string? Name, int MovedFrom, bool AlwaysWrite);
}
