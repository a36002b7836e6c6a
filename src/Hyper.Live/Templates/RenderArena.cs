using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Hyper.Live.Templates;

/// <summary>
/// Where the <see cref="Html"/> values of one render live: flat, reusable arrays of nodes,
/// literal gaps, hole values, formatted text and list items. A render allocates nothing
/// per template instance once the arrays have grown; <see cref="Reset"/> makes them
/// reusable and invalidates every <see cref="Html"/> of the render by bumping the generation.
/// Outside a render scope each value gets a small arena of its own that is never reset,
/// so templates kept in static fields stay valid.
/// </summary>
internal sealed class RenderArena
{
    [ThreadStatic]
    private static RenderArena? current;

    [ThreadStatic]
    private static RenderArena? spare;

    private bool detached;
    private bool keepAlive;
    private bool componentMode;
    private CompiledTemplate? lastTemplate;
    private ArenaNode lastNode;
    private string? lastKnownLiteral;
    private int lastKnownLength;
    private int lastKnownHoles;
    private ArenaNode[] nodes;
    private string?[] gaps;
    private HoleValue[] holes;
    private ListItem[] items;
    private char[] text;
    private int nodeCount;
    private int gapCount;
    private int holeCount;
    private int itemCount;
    private int textLength;

    private RenderArena(bool detached)
    {
        this.detached = detached;
        var size = detached ? 1 : 64;
        nodes = new ArenaNode[size];
        gaps = new string?[size * 2];
        holes = new HoleValue[size];
        items = detached ? [] : new ListItem[size];
        text = detached ? [] : new char[size * 8];
    }

    /// <summary>
    /// Sees each template this render resolves (checks against the view type), once per run of
    /// nodes of the same template; set for the render by <see cref="BindingResolver"/>.
    /// </summary>
    public IBindingSink? BindingSink { get; set; }

    /// <summary>How many delegate holes this render has: without any, no binding walk is needed.</summary>
    public int HandlerCount { get; private set; }

    /// <summary>Whether this arena outlives renders (values built outside one): it must not be written to while rendering.</summary>
    public bool IsDetached => detached;

    /// <summary>Incremented by <see cref="Reset"/>; an <see cref="Html"/> of an older generation is stale.</summary>
    public int Generation { get; private set; }

    /// <summary>The arena of the render running on this thread, if any.</summary>
    public static RenderArena? Current => current;

    /// <summary>The arena for a new value: the current render's, or a detached one outside renders.</summary>
    public static RenderArena ForNewValue() => current ?? new RenderArena(detached: true);

    /// <summary>Makes a reusable arena current on this thread until the scope is disposed.</summary>
    public static Scope Enter()
    {
        var arena = spare ?? new RenderArena(detached: false);
        spare = null;
        var previous = current;
        current = arena;
        return new Scope(arena, previous);
    }

    public int BeginTemplate(int literalLength, int holeCapacity)
    {
        var index = NewNode(NodeKind.Template);
        ref var node = ref nodes[index];
        node.LiteralLength = literalLength;
        node.Start = Reserve(ref gaps, ref gapCount, holeCapacity + 1);
        node.HoleStart = Reserve(ref holes, ref holeCount, holeCapacity);
        node.HoleCapacity = holeCapacity;
        return index;
    }

    public void AppendLiteral(int index, string literal)
    {
        ref var node = ref nodes[index];
        ref var gap = ref gaps[node.Start + node.HolesWritten];
        if (!node.LiteralSeen)
        {
            node.LiteralSeen = true;
            if (!(ReferenceEquals(literal, lastKnownLiteral) && node.LiteralLength == lastKnownLength && node.HoleCapacity == lastKnownHoles) &&
                !TemplateCache.IsKnownLiteral(literal, node.LiteralLength, node.HoleCapacity))
            {
                node.Source = TemplateSource.Capture(out var inStaticConstructor);

                // A static field initialised during a render must outlive it: retire this arena instead of reusing it.
                keepAlive |= inStaticConstructor && !detached;
            }
            else
            {
                (lastKnownLiteral, lastKnownLength, lastKnownHoles) = (literal, node.LiteralLength, node.HoleCapacity);
            }
        }

        gap = gap is null ? literal : gap + literal;
    }

    public void AppendHole(int index, HoleValue value)
    {
        ref var node = ref nodes[index];
        if (node.HolesWritten == node.HoleCapacity)
        {
            throw new InvalidOperationException("More holes were appended to this Html than its constructor announced.");
        }

        holes[node.HoleStart + node.HolesWritten++] = value;
    }

    public int NewRaw(string html)
    {
        var index = NewNode(NodeKind.Raw);
        nodes[index].Raw = html;
        return index;
    }

    public int NewComponent(ComponentCall call)
    {
        var index = NewNode(NodeKind.Component);
        nodes[index].Component = call;
        return index;
    }

    /// <summary>
    /// Whether templates resolved from now on belong to a live component's render: they resolve to
    /// <see cref="CompiledTemplate.ForComponents"/>, whose bindings target the component.
    /// </summary>
    public bool ComponentMode
    {
        get => componentMode;
        set
        {
            componentMode = value;
            lastTemplate = null;
        }
    }

    public void SetKey(int index, ulong key)
    {
        nodes[index].Key = key;
        nodes[index].HasKey = true;
    }

    public int NewList(ReadOnlySpan<ListItem> list, bool keyed)
    {
        var start = Reserve(ref items, ref itemCount, list.Length);
        list.CopyTo(items.AsSpan(start));
        var index = NewNode(NodeKind.List);
        nodes[index].Start = start;
        nodes[index].HoleStart = list.Length;
        nodes[index].IsKeyed = keyed;
        return index;
    }

    /// <summary>A stream node: <paramref name="entries"/> are the rendered inserts, in the order of <see cref="StreamBatch.Inserts"/>.</summary>
    public int NewStream(ReadOnlySpan<ListItem> entries, StreamBatch batch)
    {
        var index = NewList(entries, keyed: false);
        nodes[index].Kind = NodeKind.Stream;
        nodes[index].Stream = batch;
        return index;
    }

    /// <summary>Records a hole's value without boxing; see <see cref="HoleKind"/> for what is kept how.</summary>
    public HoleValue ToHole<T>(T value, string? format)
    {
        // Checked before null: a null bool? still toggles its attribute off.
        if (typeof(T) == typeof(bool))
        {
            return HoleValue.ForBool(Unsafe.As<T, bool>(ref value));
        }

        if (typeof(T) == typeof(bool?))
        {
            return HoleValue.ForBool(Unsafe.As<T, bool?>(ref value));
        }

        if (value is null)
        {
            return HoleValue.Null;
        }

        if (typeof(T) == typeof(Html))
        {
            return Unsafe.As<T, Html>(ref value).AsHole();
        }

        switch (value)
        {
            case string text:
                return HoleValue.ForString(text);
            case Delegate handler:
                HandlerCount++;
                return HoleValue.ForHandler(handler, 0);
            case ISpanFormattable:
                // Formatted here, not in a helper taking ISpanFormattable: the JIT avoids boxing a
                // value-type T only when the interface call stays in this generic method.
                int written;
                while (!((ISpanFormattable)value).TryFormat(text.AsSpan(textLength), out written, format, CultureInfo.InvariantCulture))
                {
                    GrowText();
                }

                var start = textLength;
                textLength += written;
                var isNumber = (typeof(T).IsPrimitive && typeof(T) != typeof(char)) || typeof(T) == typeof(decimal);
                return new HoleValue(isNumber ? HoleKind.Number : HoleKind.Chars, start, written, this);
            case IFormattable formattable:
                return HoleValue.ForString(formattable.ToString(format, CultureInfo.InvariantCulture));
            case Html html:
                return html.AsHole();
            case IEnumerable<KeyValuePair<string, object?>> or IEnumerable<KeyValuePair<string, string?>>:
                return new HoleValue(HoleKind.Attributes, 0, 0, value);
            case IEnumerable<Html> sequence:
                return ListOf(sequence);
            case IEnumerable sequence:
                return ListOfValues(sequence);
            default:
                return HoleValue.ForString(value.ToString());
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void GrowText() => Array.Resize(ref text, Math.Max(64, text.Length * 2));

    private HoleValue ListOf(IEnumerable<Html> sequence)
    {
        var collected = new ListBuilder(sequence.TryGetNonEnumeratedCount(out var count) ? count : 16);
        try
        {
            foreach (var html in sequence)
            {
                var key = html.TryGetKey(out var explicitKey) ? explicitKey : (ulong?)null;
                collected.Add(html.AsHole(), key);
            }

            return collected.ToList(this);
        }
        finally
        {
            collected.Dispose();
        }
    }

    private HoleValue ListOfValues(IEnumerable sequence)
    {
        var collected = new ListBuilder(sequence is ICollection collection ? collection.Count : 16);
        try
        {
            foreach (var value in sequence)
            {
                collected.Add(ToHole(value, null), null);
            }

            return collected.ToList(this);
        }
        finally
        {
            collected.Dispose();
        }
    }

    /// <summary>The node behind an <see cref="Html"/>, after checking it belongs to this render.</summary>
    public ref ArenaNode Node(int index, int generation)
    {
        if (generation != Generation)
        {
            throw new InvalidOperationException(
                "This Html was produced by an earlier render and cannot be rendered again. " +
                "Keep state in fields and build Html inside Render (or in methods it calls); " +
                "Html values created outside a render, such as static fields, are fine.");
        }

        return ref nodes[index];
    }

    public ReadOnlySpan<HoleValue> Holes(in ArenaNode node) => holes.AsSpan(node.HoleStart, node.HoleCapacity);

    /// <summary>A template's holes for <see cref="BindingResolver"/> to write binding ids into (render arenas only).</summary>
    public Span<HoleValue> HolesToResolve(in ArenaNode node) => holes.AsSpan(node.HoleStart, node.HoleCapacity);

    public ReadOnlySpan<ListItem> Items(in ArenaNode node) => items.AsSpan(node.Start, node.HoleStart);

    public ReadOnlySpan<char> Text(int start, int length) => text.AsSpan(start, length);

    /// <summary>
    /// The compiled template of a template node, looked up once per node. List items mostly
    /// repeat the previous node's template: that one is checked first, by reference, before the cache.
    /// </summary>
    public CompiledTemplate TemplateOf(ref ArenaNode node)
    {
        if (node.Template is null)
        {
            if (node.HolesWritten != node.HoleCapacity)
            {
                throw new InvalidOperationException("An Html value was used before all of its holes were filled.");
            }

            var nodeGaps = gaps.AsSpan(node.Start, node.HoleCapacity + 1);
            if (lastTemplate is not null && SameShape(nodeGaps, Holes(node), lastNode))
            {
                node.Template = lastTemplate;
            }
            else
            {
                var compiled = TemplateCache.Get(nodeGaps, Holes(node), node.Source);
                node.Template = componentMode ? compiled.ForComponents : compiled;
                lastTemplate = node.Template;
                lastNode = node;
                BindingSink?.Template(node.Template);
            }
        }

        return node.Template;
    }

    private bool SameShape(ReadOnlySpan<string?> nodeGaps, ReadOnlySpan<HoleValue> nodeHoles, in ArenaNode other)
    {
        if (other.HoleCapacity + 1 != nodeGaps.Length)
        {
            return false;
        }

        var otherGaps = gaps.AsSpan(other.Start, nodeGaps.Length);
        for (var i = 0; i < nodeGaps.Length; i++)
        {
            if (!ReferenceEquals(nodeGaps[i], otherGaps[i]))
            {
                return false;
            }
        }

        var otherHoles = Holes(other);
        for (var i = 0; i < nodeHoles.Length; i++)
        {
            if ((nodeHoles[i].Kind == HoleKind.Bool) != (otherHoles[i].Kind == HoleKind.Bool))
            {
                return false;
            }
        }

        return true;
    }

    private void Reset()
    {
        if (detached)
        {
            return;
        }

        Generation++;
        lastTemplate = null;
        lastNode = default;
        lastKnownLiteral = null;
        componentMode = false;
        BindingSink = null;
        HandlerCount = 0;
        Array.Clear(nodes, 0, nodeCount);
        Array.Clear(gaps, 0, gapCount);
        Array.Clear(holes, 0, holeCount);
        Array.Clear(items, 0, itemCount);
        nodeCount = gapCount = holeCount = itemCount = textLength = 0;
    }

    private int NewNode(NodeKind kind)
    {
        var index = Reserve(ref nodes, ref nodeCount, 1);
        nodes[index].Kind = kind;
        return index;
    }

    private static int Reserve<T>(ref T[] array, ref int count, int length)
    {
        if (count + length > array.Length)
        {
            Array.Resize(ref array, Math.Max(count + length, array.Length * 2));
        }

        var start = count;
        count += length;
        return start;
    }

    /// <summary>Ends a render: resets the arena for the next one and restores the previous scope.</summary>
    internal readonly struct Scope : IDisposable
    {
        private readonly RenderArena arena;
        private readonly RenderArena? previous;

        public Scope(RenderArena arena, RenderArena? previous)
        {
            this.arena = arena;
            this.previous = previous;
        }

        public void Dispose()
        {
            current = previous;
            if (arena.keepAlive)
            {
                arena.detached = true;
                return;
            }

            arena.Reset();
            spare = arena;
        }
    }

    /// <summary>Collects list items in a pooled buffer: items build nested nodes while being enumerated.</summary>
    private struct ListBuilder : IDisposable
    {
        private readonly int expected;
        private ListItem[]? buffer;
        private int count;
        private int keyedCount;

        public ListBuilder(int expected) => this.expected = Math.Max(expected, 1);

        public void Add(HoleValue value, ulong? key)
        {
            buffer ??= ArrayPool<ListItem>.Shared.Rent(expected);
            if (count == buffer.Length)
            {
                var larger = ArrayPool<ListItem>.Shared.Rent(count * 2);
                buffer.AsSpan(0, count).CopyTo(larger);
                ArrayPool<ListItem>.Shared.Return(buffer, clearArray: true);
                buffer = larger;
            }

            if (key is not null)
            {
                keyedCount++;
            }

            buffer[count] = new ListItem(value, key ?? (ulong)count);
            count++;
        }

        public readonly HoleValue ToList(RenderArena arena)
        {
            if (keyedCount != 0 && keyedCount != count)
            {
                throw new TemplateException("A list mixes keyed and unkeyed items: give every item a key (Html.Keyed) or none.");
            }

            var index = arena.NewList(buffer is null ? [] : buffer.AsSpan(0, count), keyedCount != 0);
            return new HoleValue(HoleKind.Node, index, arena.Generation, arena);
        }

        public void Dispose()
        {
            if (buffer is not null)
            {
                // Cleared: items hold references into arenas and strings that must not outlive the render.
                buffer.AsSpan(0, count).Clear();
                ArrayPool<ListItem>.Shared.Return(buffer);
                buffer = null;
            }
        }
    }
}
