namespace Hyper.Live.Templates;

/// <summary>What a template hole received at render time.</summary>
internal enum HoleKind : byte
{
    /// <summary><c>null</c> or <see cref="Html.Empty"/>: renders nothing.</summary>
    Null,

    /// <summary>A string, kept by reference.</summary>
    String,

    /// <summary>A formatted value whose characters live in the arena's text buffer.</summary>
    Chars,

    /// <summary>Like <see cref="Chars"/>, but from a numeric type: a valid JavaScript literal as is.</summary>
    Number,

    /// <summary>A <c>bool</c> or <c>bool?</c>; <see cref="HoleValue.A"/> is 1, 0 or -1 for null.</summary>
    Bool,

    /// <summary>A nested <see cref="Html"/>: a template, a list or trusted raw HTML.</summary>
    Node,

    /// <summary>A set of attributes for a hole in attribute position.</summary>
    Attributes,

    /// <summary>
    /// An event handler delegate (<c>@click="{{Save}}"</c>); <see cref="HoleValue.A"/> and
    /// <see cref="HoleValue.B"/> hold its binding id once the render has been resolved.
    /// </summary>
    Handler,
}
