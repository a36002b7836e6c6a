using System.Buffers;

namespace Hyper.Live.Protocol;

/// <summary>An encoded server frame in a rented buffer; whoever sends it returns the buffer.</summary>
internal readonly struct Frame
{
    public Frame(byte[] buffer, int length)
    {
        Buffer = buffer;
        Length = length;
    }

    public byte[] Buffer { get; }

    public int Length { get; }

    public ReadOnlyMemory<byte> Memory => Buffer.AsMemory(0, Length);

    public void Release() => ArrayPool<byte>.Shared.Return(Buffer);
}
