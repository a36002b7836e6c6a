using System.Buffers;

namespace Hyper.Live.Templates;

/// <summary>A growable buffer of characters backed by the shared array pool.</summary>
internal sealed class CharBuffer : IDisposable
{
    private char[] buffer;
    private int length;

    public CharBuffer(int capacity = 256) => buffer = ArrayPool<char>.Shared.Rent(capacity);

    public ReadOnlySpan<char> Span => buffer.AsSpan(0, length);

    public int Length => length;

    public void Clear() => length = 0;

    public void Append(char c)
    {
        if (length == buffer.Length)
        {
            Grow(1);
        }

        buffer[length++] = c;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        if (length + text.Length > buffer.Length)
        {
            Grow(text.Length);
        }

        text.CopyTo(buffer.AsSpan(length));
        length += text.Length;
    }

    public override string ToString() => new(Span);

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(buffer);
        buffer = [];
        length = 0;
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(buffer.Length * 2, length + needed));
        Span.CopyTo(larger);
        ArrayPool<char>.Shared.Return(buffer);
        buffer = larger;
    }
}
