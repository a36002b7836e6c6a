namespace Hyper.Live.State;

/// <summary>
/// A part of a render that keeps its own list of what it read (a live component), so that a change renders it even
/// when its parent would not, and a render of its parent without it does not forget its reads.
/// </summary>
internal interface ISharedReadSink
{
    /// <summary>The part read <paramref name="value"/> while rendering.</summary>
    void Read(SharedReaders value);
}
