namespace Hyper.Live.State;

/// <summary>Something that renders from <see cref="Shared{T}"/> values: a live session, told when one it read changed.</summary>
internal interface ISharedReader
{
    /// <summary>
    /// A value this reader read in its last render changed. Called on the writer's thread, once per change and reader:
    /// it must only note the change (a pending flag and at most one queued message), never render there.
    /// </summary>
    /// <param name="value">The value that changed: the reader's live components that read it render again.</param>
    void OnSharedChanged(SharedReaders value);
}
