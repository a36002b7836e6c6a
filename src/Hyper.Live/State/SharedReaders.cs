using System.Collections.Concurrent;

namespace Hyper.Live.State;

/// <summary>
/// The readers of one <see cref="Shared{T}"/>: the sessions whose last render read it. A session adds itself while it
/// renders (before the value is handed out, so a change right after the read is not missed) and removes itself after
/// a render that no longer read it, and when it ends. One entry per reader: about 40 bytes.
/// </summary>
internal sealed class SharedReaders
{
    private readonly ConcurrentDictionary<ISharedReader, byte> readers = new();

    /// <summary>Readers now.</summary>
    public int Count => readers.Count;

    public void Add(ISharedReader reader) => readers.TryAdd(reader, 0);

    public void Remove(ISharedReader reader) => readers.TryRemove(reader, out _);

    /// <summary>Tells every reader the value changed; returns how many were told.</summary>
    public int Notify()
    {
        var told = 0;
        foreach (var reader in readers.Keys)
        {
            reader.OnSharedChanged(this);
            told++;
        }

        return told;
    }
}
