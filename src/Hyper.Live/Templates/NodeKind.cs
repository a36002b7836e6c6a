namespace Hyper.Live.Templates;

/// <summary>The kinds of <see cref="Html"/> value an arena node can hold.</summary>
internal enum NodeKind : byte
{
    /// <summary>An interpolated-string template: statics and holes.</summary>
    Template,

    /// <summary>A sequence of items: becomes a comprehension.</summary>
    List,

    /// <summary>Trusted HTML from <see cref="Html.Raw"/>, inserted unescaped.</summary>
    Raw,

    /// <summary>A live component embedded here (<see cref="ComponentCall"/>): rendered by its own render, sent as a cid.</summary>
    Component,

    /// <summary>A stream's pending operations and the entries it inserts: a comprehension with <c>"stream"</c>.</summary>
    Stream,
}
