namespace Hyper.Live.Protocol;

/// <summary>
/// The keys of Phoenix's rendered/diff objects (protocol §4) and of the view-level parts
/// that travel next to them in a reply.
/// </summary>
internal static class DiffKeys
{
    /// <summary><c>"s"</c>: a template's statics (or a shared template's number).</summary>
    public static ReadOnlySpan<byte> Statics => "s"u8;

    /// <summary><c>"k"</c>: a comprehension's entries, by position.</summary>
    public const string Keyed = "k";

    /// <summary><c>"kc"</c>: how many entries a comprehension has now.</summary>
    public static ReadOnlySpan<byte> KeyedCount => "kc"u8;

    /// <summary><c>"km"</c>: the entries' diffs must be merged into their old positions' content.</summary>
    public static ReadOnlySpan<byte> KeyedMerge => "km"u8;

    /// <summary><c>"stream"</c>: a stream's operations on a comprehension, <c>[ref, inserts, deleteIds]</c> (+ <c>true</c> to reset).</summary>
    public static ReadOnlySpan<byte> Stream => "stream"u8;

    /// <summary><c>"r": 1</c> in a rendered object: its statics render one root element the client may skip while unchanged.</summary>
    public static ReadOnlySpan<byte> Root => "r"u8;

    /// <summary><c>"p"</c>: statics shared by the templates below, by number.</summary>
    public static ReadOnlySpan<byte> SharedStatics => "p"u8;

    /// <summary><c>"c"</c>: the live components of the diff, by cid (top level only).</summary>
    public const string Components = "c";

    /// <summary><c>"t"</c>: the new page title.</summary>
    public static ReadOnlySpan<byte> Title => "t"u8;

    /// <summary><c>"e"</c>: push events, as <c>[name, payload]</c> pairs.</summary>
    public static ReadOnlySpan<byte> Events => "e"u8;

    /// <summary><c>"r"</c>: the answer to a hook's <c>pushEvent</c>.</summary>
    public static ReadOnlySpan<byte> Reply => "r"u8;

    /// <summary>The key of the full render in a join reply.</summary>
    public const string Rendered = "rendered";

    /// <summary>The key of a diff in an event reply.</summary>
    public const string Diff = "diff";
}
