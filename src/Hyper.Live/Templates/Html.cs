using System.Runtime.CompilerServices;
using Hyper.Live.Templates;

namespace Hyper.Live;

/// <summary>
/// A fragment of HTML written as a C# interpolated string:
/// <c>$$"""&lt;h2&gt;{{count}}&lt;/h2&gt;"""</c>. The literal parts are the template's
/// statics, sent to the browser once; the holes are its dynamics, sent again only when
/// they change. Holes are escaped for where they sit: element text and attribute values
/// are HTML-escaped, a <c>bool</c> as a whole attribute value toggles the attribute, a
/// nested <see cref="Html"/> is inserted as is, and a sequence becomes a list.
/// </summary>
/// <remarks>
/// An <see cref="Html"/> built during a render lives until that render has been sent:
/// build it in <c>Render</c> or in methods called from there, never keep it in a field.
/// Values built outside a render (a <c>static readonly</c> fragment) stay valid.
/// </remarks>
[InterpolatedStringHandler]
public readonly struct Html
{
    private readonly RenderArena? arena;
    private readonly int node;
    private readonly int generation;

    /// <summary>Starts a template; called by the C# compiler for an interpolated string.</summary>
    /// <param name="literalLength">The total length of the literal parts.</param>
    /// <param name="formattedCount">The number of holes.</param>
    public Html(int literalLength, int formattedCount)
    {
        arena = RenderArena.ForNewValue();
        node = arena.BeginTemplate(literalLength, formattedCount);
        generation = arena.Generation;
    }

    private Html(RenderArena arena, int node)
    {
        this.arena = arena;
        this.node = node;
        generation = arena.Generation;
    }

    /// <summary>Nothing: renders no HTML. Use it for the empty branch of a conditional.</summary>
    public static Html Empty => default;

    /// <summary>Whether this is <see cref="Empty"/> (or <c>default</c>): an optional slot that was not given.</summary>
    public bool IsEmpty => arena is null;

    /// <summary>Appends a literal part; called by the C# compiler.</summary>
    public void AppendLiteral(string value) => Arena.AppendLiteral(node, value);

    /// <summary>Appends a hole; called by the C# compiler.</summary>
    public void AppendFormatted<T>(T value) => Arena.AppendHole(node, Arena.ToHole(value, null));

    /// <summary>Appends a hole with a format string (<c>{{price:F2}}</c>); formatted with the invariant culture.</summary>
    public void AppendFormatted<T>(T value, string? format) => Arena.AppendHole(node, Arena.ToHole(value, format));

    /// <summary>Appends a nested template; called by the C# compiler.</summary>
    public void AppendFormatted(Html value) => Arena.AppendHole(node, value.AsHole());

    /// <summary>
    /// <paramref name="then"/> when <paramref name="condition"/> holds, else nothing. Prefer it to
    /// <c>c ? $"…" : $"…"</c>: C# types a conditional of two interpolated strings as <c>string</c>,
    /// which would be escaped as text.
    /// </summary>
    public static Html If(bool condition, Html then) => condition ? then : Empty;

    /// <summary>One template or another, by <paramref name="condition"/>.</summary>
    public static Html If(bool condition, Html then, Html otherwise) => condition ? then : otherwise;

    /// <summary>
    /// Trusted HTML, inserted without escaping. Never pass user input: it reaches the page as markup.
    /// </summary>
    public static Html Raw(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return Empty;
        }

        var arena = RenderArena.ForNewValue();
        return new Html(arena, arena.NewRaw(html));
    }

    /// <summary>A list rendered from <paramref name="items"/>, diffed by position.</summary>
    public static Html Each<T>(IEnumerable<T> items, Func<T, Html> template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return Join(items.Select(template));
    }

    /// <summary>
    /// A list rendered from <paramref name="items"/> and diffed by key: when items are
    /// inserted, removed or reordered, only the new and changed ones are sent.
    /// </summary>
    public static Html Each<T, TKey>(IEnumerable<T> items, Func<T, TKey> key, Func<T, Html> template)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(template);
        return Join(items.Select(item => Keyed(key(item), template(item))));
    }

    /// <summary>Gives a list item a key; use it for items of an <c>IEnumerable&lt;Html&gt;</c>.</summary>
    public static Html Keyed<TKey>(TKey key, Html content)
    {
        var keyed = content.arena is null ? EmptyNode() : content;
        keyed.Arena.SetKey(keyed.node, ValueHash.OfKey(key));
        return keyed;
    }

    /// <summary>A list of fragments; keyed when every item was given a key with <see cref="Keyed"/>.</summary>
    public static Html Join(IEnumerable<Html> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var arena = RenderArena.ForNewValue();
        var list = arena.ToHole(items, null);
        return new Html((RenderArena)list.Reference!, list.A);
    }

    /// <summary>A live component embedded at this place of the render.</summary>
    internal static Html ForComponent(ComponentCall call)
    {
        var arena = RenderArena.ForNewValue();
        return new Html(arena, arena.NewComponent(call));
    }

    /// <summary>A stream's operations with the rendered entries of its inserts (one per insert, in order).</summary>
    internal static Html Stream(StreamBatch batch, ReadOnlySpan<Html> entries)
    {
        var arena = RenderArena.ForNewValue();
        var items = new ListItem[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            items[i] = new ListItem(entries[i].AsHole(), (ulong)i);
        }

        return new Html(arena, arena.NewStream(items, batch));
    }

    /// <summary>Renders the full HTML, escaping holes exactly as a live render would.</summary>
    public override string ToString() => HtmlRenderer.Render(this);

    internal RenderArena Arena =>
        arena ?? throw new InvalidOperationException("Html.Empty cannot be appended to; start a template with $\"...\".");

    internal HoleValue AsHole() =>
        arena is null ? HoleValue.Null : new HoleValue(HoleKind.Node, node, generation, arena);

    internal bool TryGetKey(out ulong key)
    {
        if (arena is not null)
        {
            ref var n = ref arena.Node(node, generation);
            key = n.Key;
            return n.HasKey;
        }

        key = 0;
        return false;
    }

    private static Html EmptyNode()
    {
        var arena = RenderArena.ForNewValue();
        return new Html(arena, arena.NewRaw(""));
    }
}
