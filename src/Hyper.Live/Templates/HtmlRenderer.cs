namespace Hyper.Live.Templates;

/// <summary>Renders an <see cref="Html"/> tree to its full HTML text, for the dead render and for tests.</summary>
internal static class HtmlRenderer
{
    private static readonly SlotInfo TextSlot = new(SlotContext.Text);

    /// <summary>Runs <paramref name="render"/> in a render scope and returns its HTML.</summary>
    public static string Render(Func<Html> render)
    {
        using var scope = RenderArena.Enter();
        return Render(render());
    }

    public static string Render(Html html)
    {
        BindingResolver.Resolve(html, sink: null);
        using var output = new CharBuffer();
        Write(output, html.AsHole(), TextSlot);
        return output.ToString();
    }

    /// <summary>
    /// A component in a render without a session (the HTTP render): a fresh instance renders in place,
    /// its templates in their component form and unchecked against the view's handlers.
    /// </summary>
    private static void WriteComponent(CharBuffer output, ComponentCall call)
    {
        var arena = RenderArena.Current;
        var (sink, mode) = (arena?.BindingSink, arena?.ComponentMode ?? false);
        if (arena is not null)
        {
            arena.BindingSink = null;
            arena.ComponentMode = true;
        }

        try
        {
            var html = call.RenderDetached();
            BindingResolver.Resolve(html, sink: null);
            Write(output, html.AsHole(), TextSlot);
        }
        finally
        {
            if (arena is not null)
            {
                arena.BindingSink = sink;
                arena.ComponentMode = mode;
            }
        }
    }

    public static void Write(CharBuffer output, in HoleValue value, in SlotInfo slot)
    {
        if (value.Kind != HoleKind.Node || slot.Context != SlotContext.Text)
        {
            HoleWriter.WriteLeaf(output, value, slot);
            return;
        }

        var arena = (RenderArena)value.Reference!;
        ref var node = ref arena.Node(value.A, value.B);
        switch (node.Kind)
        {
            case NodeKind.Raw:
                output.Append(node.Raw);
                break;
            case NodeKind.List:
            case NodeKind.Stream:
                foreach (var item in arena.Items(node))
                {
                    Write(output, item.Value, TextSlot);
                }

                break;
            case NodeKind.Component:
                WriteComponent(output, node.Component!);
                break;
            default:
                var template = arena.TemplateOf(ref node);
                var holes = arena.Holes(node);
                for (var i = 0; i < holes.Length; i++)
                {
                    output.Append(template.Statics[i]);
                    StreamEntries.CheckContainer(holes[i], template, i);
                    Write(output, holes[i], template.Slots[i]);
                }

                output.Append(template.Statics[^1]);
                break;
        }
    }
}
