namespace Hyper.Live.Templates;

/// <summary>
/// One hole's value as recorded in a <see cref="RenderArena"/>, stored without boxing:
/// numbers are formatted into the arena's text buffer, nested templates are arena indexes.
/// </summary>
internal readonly struct HoleValue
{
    public HoleValue(HoleKind kind, int a, int b, object? reference)
    {
        Kind = kind;
        A = a;
        B = b;
        Reference = reference;
    }

    public HoleKind Kind { get; }

    /// <summary>Text start (<see cref="HoleKind.Chars"/>), node index, or the bool value.</summary>
    public int A { get; }

    /// <summary>Text length, or the arena generation of a node.</summary>
    public int B { get; }

    /// <summary>The string, the arena holding the text or node, or the attributes object.</summary>
    public object? Reference { get; }

    public static HoleValue Null => default;

    public static HoleValue ForString(string? value) =>
        value is null ? default : new HoleValue(HoleKind.String, 0, 0, value);

    public static HoleValue ForBool(bool? value) =>
        new(HoleKind.Bool, value is null ? -1 : value.Value ? 1 : 0, 0, null);

    /// <summary>A delegate with its binding id (0 until the render's bindings are resolved).</summary>
    public static HoleValue ForHandler(Delegate handler, ulong id) =>
        new(HoleKind.Handler, (int)(uint)id, (int)(uint)(id >> 32), handler);

    /// <summary>The binding id of a <see cref="HoleKind.Handler"/>; 0 while unresolved.</summary>
    public ulong HandlerId => (uint)A | ((ulong)(uint)B << 32);

    /// <summary>The characters of a string or formatted value.</summary>
    public ReadOnlySpan<char> Chars => Kind switch
    {
        HoleKind.String => ((string)Reference!).AsSpan(),
        HoleKind.Chars or HoleKind.Number => ((RenderArena)Reference!).Text(A, B),
        _ => default,
    };
}
