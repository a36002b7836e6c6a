namespace Hyper.Live.Events;

/// <summary>
/// A set of handlers of one view type, by their index in its <see cref="HandlerTable"/>: which
/// handlers a template binds, and which ones a session may call. A view with at most 64 handlers
/// needs no allocation; the set only grows.
/// </summary>
internal struct HandlerMask
{
    private ulong first;
    private ulong[]? rest;

    public readonly bool Contains(int index)
    {
        var (word, bit) = Math.DivRem(index, 64);
        var bits = word == 0 ? first : rest is not null && word <= rest.Length ? rest[word - 1] : 0;
        return (bits & (1UL << bit)) != 0;
    }

    public void Add(int index)
    {
        var (word, bit) = Math.DivRem(index, 64);
        if (word == 0)
        {
            first |= 1UL << bit;
            return;
        }

        Grow(word);
        rest![word - 1] |= 1UL << bit;
    }

    /// <summary>Adds every handler of <paramref name="other"/> (never sharing its storage, so a cached mask stays as it is).</summary>
    public void UnionWith(in HandlerMask other)
    {
        first |= other.first;
        if (other.rest is null)
        {
            return;
        }

        Grow(other.rest.Length);
        for (var i = 0; i < other.rest.Length; i++)
        {
            rest![i] |= other.rest[i];
        }
    }

    private void Grow(int words)
    {
        if (rest is null || rest.Length < words)
        {
            var larger = new ulong[words];
            rest?.CopyTo(larger, 0);
            rest = larger;
        }
    }
}
