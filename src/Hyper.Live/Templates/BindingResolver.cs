
namespace Hyper.Live.Templates;

/// <summary>
/// Prepares a render for writing. Each delegate binding (<c>@click="{{…}}"</c>) gets its id: a
/// hash of the path to it — template fingerprints, hole indexes and list keys (or positions) —
/// so the same binding keeps its id from render to render and causes no diff. That takes a walk
/// over the render, done only when it has delegates; the templates are checked against the view
/// type as they are resolved, by the walk or later by the differ (<see cref="RenderArena.BindingSink"/>).
/// </summary>
internal static class BindingResolver
{
    private static readonly ulong Root = ValueHash.Of("hyper-bindings");

    /// <summary>
    /// Resolves <paramref name="html"/> in place; <paramref name="sink"/> (if any) sees its templates
    /// and handlers. A binding resolved before keeps its id: the dead render resolves the view's
    /// render as the root (as the live session will), then renders it inside the layout.
    /// </summary>
    public static void Resolve(Html html, IBindingSink? sink)
    {
        var value = html.AsHole();
        if (value.Reference is not RenderArena arena || arena.IsDetached)
        {
            // Built outside any render: nothing to check, and no delegate may be in it (see below).
            return;
        }

        arena.BindingSink ??= sink;
        if (arena.HandlerCount > 0)
        {
            Visit(value, Root, sink);
        }
    }

    private static void Visit(in HoleValue value, ulong path, IBindingSink? sink)
    {
        if (value.Kind != HoleKind.Node)
        {
            return;
        }

        var arena = (RenderArena)value.Reference!;
        ref var node = ref arena.Node(value.A, value.B);
        switch (node.Kind)
        {
            case NodeKind.Template:
                var template = arena.TemplateOf(ref node);
                var here = ValueHash.Combine(path, template.Fingerprint);
                if (template.HasHandlerSlots)
                {
                    ResolveHandlers(arena, node, template, here, sink);
                }

                var holes = arena.Holes(node);
                for (var i = 0; i < holes.Length; i++)
                {
                    if (holes[i].Kind == HoleKind.Node && template.Slots[i].Context == SlotContext.Text)
                    {
                        Visit(holes[i], ValueHash.Combine(here, (ulong)i), sink);
                    }
                }

                break;
            case NodeKind.List:
            case NodeKind.Stream:
                foreach (var item in arena.Items(node))
                {
                    Visit(item.Value, ValueHash.Combine(path, item.Key), sink);
                }

                break;
        }
    }

    private static void ResolveHandlers(RenderArena arena, in ArenaNode node, CompiledTemplate template, ulong here, IBindingSink? sink)
    {
        if (arena.IsDetached)
        {
            // Shared by every render that uses it: ids written into it would race between sessions.
            throw new TemplateException("An event handler delegate (@click=\"{{…}}\") must be created while the view renders, not kept in an Html built outside a render.");
        }

        var holes = arena.HolesToResolve(node);
        for (var i = 0; i < holes.Length; i++)
        {
            if (holes[i].Kind != HoleKind.Handler || template.Slots[i].Context != SlotContext.EventHandler)
            {
                continue;
            }

            var handler = (Delegate)holes[i].Reference!;
            if (!HandlerSignature.IsHandlerDelegate(handler.GetType()))
            {
                throw new TemplateException($"An event handler delegate must return void, Task or ValueTask; this one is a {handler.GetType().Name}.");
            }

            // 0 means "not resolved": the 2^-64 chance of hashing to it is bumped away.
            var id = holes[i].HandlerId;
            if (id == 0)
            {
                id = Math.Max(ValueHash.Combine(here, (ulong)i), 1);
                holes[i] = HoleValue.ForHandler(handler, id);
            }

            sink?.Handler(id, handler);
        }
    }
}
