using BenchmarkDotNet.Attributes;
using Hyper.Live.Diffing;
using Hyper.Live.Templates;
using Hyper.Live.Protocol;

namespace Hyper.Live.Benchmarks;

/// <summary>The 1,000-row keyed table: one row changed, nothing changed, the full first render.</summary>
[MemoryDiagnoser]
public class TableBenchmarks
{
    private readonly TableView view = SampleViews.Table();
    private readonly Differ differ = new();

    [GlobalSetup]
    public void Setup()
    {
        using (RenderArena.Enter())
        {
            Wire.Reply(differ, view.Render(), DiffKeys.Rendered).Release();
        }

        // One click first, so the arena, pools and frame buffers are at their steady-state sizes.
        view.Update();
        using (RenderArena.Enter())
        {
            Wire.Reply(differ, view.Render()).Release();
        }
    }

    [Benchmark(Description = "Table 1,000 rows: one row changed, render + diff + reply frame")]
    public int OneRowChanged()
    {
        view.Update();
        using (RenderArena.Enter())
        {
            var frame = Wire.Reply(differ, view.Render());
            var length = frame.Length;
            frame.Release();
            return length;
        }
    }

    [Benchmark(Description = "Table 1,000 rows: nothing changed, render + diff + reply frame")]
    public int NothingChanged()
    {
        using (RenderArena.Enter())
        {
            var frame = Wire.Reply(differ, view.Render());
            var length = frame.Length;
            frame.Release();
            return length;
        }
    }

    [Benchmark(Description = "Table 1,000 rows: full first render (join), fresh Differ")]
    public int FullRender()
    {
        var fresh = new Differ();
        using (RenderArena.Enter())
        {
            var frame = Wire.Reply(fresh, view.Render(), DiffKeys.Rendered);
            var length = frame.Length;
            frame.Release();
            return length;
        }
    }

    [Benchmark(Description = "Table 1,000 rows: render only (no diff), for the breakdown")]
    public int RenderOnly()
    {
        using (RenderArena.Enter())
        {
            var html = view.Render();
            return html.AsHole().A;
        }
    }

    /// <summary>
    /// Render, then resolve every template node's <see cref="CompiledTemplate"/> as the differ does
    /// first (EntryTemplate → TemplateOf → TemplateCache.Get per row): the lookup's share of a diff.
    /// </summary>
    [Benchmark(Description = "Table 1,000 rows: render + template lookups (no diff), for the breakdown")]
    public int RenderAndLookUpTemplates()
    {
        using (RenderArena.Enter())
        {
            var html = view.Render();
            var root = html.AsHole();
            var arena = (RenderArena)root.Reference!;
            ref var node = ref arena.Node(root.A, root.B);
            var holes = arena.Holes(node);
            var resolved = arena.TemplateOf(ref node).HoleCount;
            foreach (var hole in holes)
            {
                if (hole.Kind != HoleKind.Node || arena.Node(hole.A, hole.B).Kind != NodeKind.List)
                {
                    continue;
                }

                foreach (var item in arena.Items(arena.Node(hole.A, hole.B)))
                {
                    resolved += arena.TemplateOf(ref arena.Node(item.Value.A, item.Value.B)).HoleCount;
                }
            }

            return resolved;
        }
    }
}
