namespace Hyper.Live.State;

/// <summary>
/// The shared values read during the render running on this thread, and for whom. A session sets it around its
/// render (which is synchronous, so a thread-static is exact and costs nothing across awaits); reads outside one,
/// such as the HTTP render or a handler, are not tracked.
/// </summary>
internal static class SharedReads
{
    [ThreadStatic]
    private static ISharedReader? reader;

    [ThreadStatic]
    private static HashSet<SharedReaders>? reads;

    [ThreadStatic]
    private static ISharedReadSink? part;

    /// <summary>Starts recording what <paramref name="renderer"/> reads on this thread.</summary>
    public static void Begin(ISharedReader renderer)
    {
        reader = renderer;
        part = null;
        reads ??= [];
    }

    /// <summary>What is read from now until the next call or <see cref="End"/> is also told to <paramref name="sink"/> (the component rendering now).</summary>
    public static void ReadFor(ISharedReadSink? sink) => part = sink;

    /// <summary>
    /// Stops recording and returns what was read: a set owned by this thread, valid until the next
    /// <see cref="Begin"/> on it (the caller copies what it keeps, then clears it).
    /// </summary>
    public static HashSet<SharedReaders> End()
    {
        reader = null;
        part = null;
        return reads ??= [];
    }

    /// <summary>A shared value is being read: its renderer becomes a reader of it (once per render).</summary>
    public static void Record(SharedReaders value)
    {
        if (reader is not { } renderer)
        {
            return;
        }

        if (reads!.Add(value))
        {
            value.Add(renderer);
        }

        part?.Read(value);
    }
}
