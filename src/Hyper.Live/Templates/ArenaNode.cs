namespace Hyper.Live.Templates;

/// <summary>
/// One <see cref="Html"/> value in a <see cref="RenderArena"/>. A template reserves its
/// literal gaps and hole slots when constructed (the compiler tells us the hole count),
/// so nested templates built while it is being filled never interleave with its slots.
/// </summary>
internal struct ArenaNode
{
    public NodeKind Kind;

    /// <summary>First of <see cref="HoleCapacity"/> + 1 literal gaps (template), or first list item.</summary>
    public int Start;

    /// <summary>First hole slot (template), or the number of items (list).</summary>
    public int HoleStart;

    public int HoleCapacity;

    /// <summary>The template's total literal length, as the compiler announced it: tells templates apart in the cache.</summary>
    public int LiteralLength;

    public int HolesWritten;

    /// <summary>The explicit list key given with <see cref="Html.Keyed"/>.</summary>
    public ulong Key;

    public bool HasKey;

    /// <summary>Whether a literal was appended yet: the first one decides whether to capture the source.</summary>
    public bool LiteralSeen;

    /// <summary>Whether the list's items carry explicit keys.</summary>
    public bool IsKeyed;

    /// <summary>The raw HTML of a <see cref="NodeKind.Raw"/> node.</summary>
    public string? Raw;

    /// <summary>The component a <see cref="NodeKind.Component"/> node embeds.</summary>
    public ComponentCall? Component;

    /// <summary>The operations of a <see cref="NodeKind.Stream"/> node; its entries are its list items.</summary>
    public StreamBatch? Stream;

    /// <summary>Resolved lazily from the gaps, then cached for the rest of the render.</summary>
    public CompiledTemplate? Template;

    /// <summary>Where the template was written, captured only the first time a template is seen.</summary>
    public TemplateSource? Source;
}
