namespace Hyper.Live.Persistence;

/// <summary>What became of a stored snapshot a rejoin asked for.</summary>
internal enum SnapshotRead
{
    /// <summary>The store has none for the session (never written, expired, or deleted when the page left).</summary>
    None,

    /// <summary>Applied to the view.</summary>
    Restored,

    /// <summary>Not protected by this app's keys for this session and view: tampered with, or another session's.</summary>
    Refused,

    /// <summary>Written by a version of the view whose persisted members differ.</summary>
    Outdated,

    /// <summary>Its values did not fit the members (or the store failed to answer).</summary>
    Unreadable,
}
