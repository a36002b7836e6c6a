using System.Buffers;
using System.Text.Json;

namespace Hyper.Live.Protocol;

/// <summary>
/// Encodes server frames straight into pooled buffers with one <see cref="Utf8JsonWriter"/>:
/// the caller writes the payload between <see cref="Begin"/> and <see cref="End"/>, so a
/// diff is serialised once, directly into the bytes that go on the wire.
/// </summary>
/// <remarks>
/// One per thread (<see cref="Current"/>): a frame is encoded synchronously from
/// <see cref="Begin"/> to <see cref="End"/>, so sessions need no writer of their own.
/// </remarks>
internal sealed class FrameWriter : IBufferWriter<byte>
{
    [ThreadStatic]
    private static FrameWriter? current;

    private byte[] buffer = ArrayPool<byte>.Shared.Rent(1024);
    private int length;

    private FrameWriter()
    {
        Json = new Utf8JsonWriter(this, WireJson.Options);
        Diff = new DiffWriter(Json);
    }

    /// <summary>This thread's writer.</summary>
    public static FrameWriter Current => current ??= new FrameWriter();

    public Utf8JsonWriter Json { get; }

    /// <summary>Writes diffs into the frame being built.</summary>
    public DiffWriter Diff { get; }

    /// <summary>Starts <c>[join_ref, ref, topic, event, </c>; the payload follows.</summary>
    public Utf8JsonWriter Begin(string? joinRef, string? refValue, string topic, string eventName)
    {
        length = 0;
        Json.Reset(this);
        Diff.Reset();
        Json.WriteStartArray();
        WriteNullableString(joinRef);
        WriteNullableString(refValue);
        Json.WriteStringValue(topic);
        Json.WriteStringValue(eventName);
        return Json;
    }

    /// <summary>Starts a reply frame up to the inside of <c>"response": {</c>.</summary>
    public Utf8JsonWriter BeginReply(string? joinRef, string? refValue, string topic, bool ok)
    {
        Begin(joinRef, refValue, topic, PhoenixEvents.Reply);
        Json.WriteStartObject();
        Json.WriteString("status"u8, ok ? "ok"u8 : "error"u8);
        Json.WritePropertyName("response"u8);
        Json.WriteStartObject();
        return Json;
    }

    /// <summary>Closes a reply started with <see cref="BeginReply"/>.</summary>
    public Frame EndReply()
    {
        Json.WriteEndObject();
        Json.WriteEndObject();
        return End();
    }

    /// <summary>Closes the frame and hands over its buffer.</summary>
    public Frame End()
    {
        Json.WriteEndArray();
        Json.Flush();
        var frame = new Frame(buffer, length);
        buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1024, length));
        length = 0;
        return frame;
    }

    /// <summary>A reply whose response is empty or one <c>reason</c>.</summary>
    public Frame Reply(string? joinRef, string? refValue, string topic, bool ok, string? reason = null, string? error = null)
    {
        BeginReply(joinRef, refValue, topic, ok);
        if (reason is not null)
        {
            Json.WriteString("reason"u8, reason);
        }

        if (error is not null)
        {
            Json.WriteString("error"u8, error);
        }

        return EndReply();
    }

    /// <summary>A push with an empty payload (<c>phx_close</c>) or a reason (<c>phx_error</c>).</summary>
    public Frame Push(string? joinRef, string? refValue, string topic, string eventName, string? reason = null)
    {
        Begin(joinRef, refValue, topic, eventName);
        Json.WriteStartObject();
        if (reason is not null)
        {
            Json.WriteString("reason"u8, reason);
        }

        Json.WriteEndObject();
        return End();
    }

    void IBufferWriter<byte>.Advance(int count) => length += count;

    Memory<byte> IBufferWriter<byte>.GetMemory(int sizeHint)
    {
        Ensure(sizeHint);
        return buffer.AsMemory(length);
    }

    Span<byte> IBufferWriter<byte>.GetSpan(int sizeHint)
    {
        Ensure(sizeHint);
        return buffer.AsSpan(length);
    }

    private void Ensure(int sizeHint)
    {
        if (buffer.Length - length >= Math.Max(sizeHint, 1))
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, length + sizeHint));
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }

    private void WriteNullableString(string? value)
    {
        if (value is null)
        {
            Json.WriteNullValue();
        }
        else
        {
            Json.WriteStringValue(value);
        }
    }
}
