using BenchmarkDotNet.Attributes;
using Hyper.Live.Templates;
using Hyper.Live.Protocol;

namespace Hyper.Live.Benchmarks;

/// <summary>
/// What event bindings add to a render: <c>BindingResolver</c>, which the session runs before
/// every diff. On the 1,000-row table (no delegates) it only arranges for the templates to be
/// checked as they are looked up; on a 1,000-row list with one delegate per row it walks the
/// render, hashes each binding's path and records it for the events to come.
/// </summary>
[MemoryDiagnoser]
public class BindingBenchmarks
{
    private readonly TableView table = SampleViews.Table();
    private readonly DelegateListView list = new();
    private readonly Sink sink = new();
    private readonly Hyper.Live.Diffing.Differ differ = new();

    /// <summary>Compiles the templates once, as a session's first render does (until then every render captures its source).</summary>
    [GlobalSetup]
    public void Setup()
    {
        TableRenderAndResolve();
        DelegateListRenderAndResolve();
        using (RenderArena.Enter())
        {
            Wire.Reply(differ, table.Render(), DiffKeys.Rendered).Release();
        }
    }

    /// <summary>As a session does it: compare with <c>TableBenchmarks.NothingChanged</c>, the same without the walk.</summary>
    [Benchmark(Description = "Table 1,000 rows: nothing changed, render + binding step + diff + reply frame")]
    public int TableNothingChangedWithWalk()
    {
        using (RenderArena.Enter())
        {
            var html = table.Render();
            BindingResolver.Resolve(html, sink);
            var frame = Wire.Reply(differ, html);
            var length = frame.Length;
            frame.Release();
            return length;
        }
    }

    [Benchmark(Description = "Table 1,000 rows: render + binding step (no delegates)")]
    public int TableRenderAndResolve()
    {
        using (RenderArena.Enter())
        {
            var html = table.Render();
            BindingResolver.Resolve(html, sink);
            return sink.Templates;
        }
    }

    [Benchmark(Description = "List 1,000 rows, a delegate per row: render only")]
    public int DelegateListRenderOnly()
    {
        using (RenderArena.Enter())
        {
            return list.Render().AsHole().A;
        }
    }

    [Benchmark(Description = "List 1,000 rows, a delegate per row: render + binding walk")]
    public int DelegateListRenderAndResolve()
    {
        using (RenderArena.Enter())
        {
            var html = list.Render();
            sink.Handlers.Clear();
            BindingResolver.Resolve(html, sink);
            return sink.Handlers.Count;
        }
    }

    /// <summary>Records what a session records: the delegates by id (and counts templates, which a session checks).</summary>
    private sealed class Sink : IBindingSink
    {
        public Dictionary<ulong, Delegate> Handlers { get; } = [];

        public int Templates { get; private set; }

        public void Template(CompiledTemplate template) => Templates++;

        public void Handler(ulong id, Delegate handler) => Handlers[id] = handler;
    }

    /// <summary>A keyed list whose rows each bind a lambda: <c>@click="{{() => Pick(id)}}"</c>.</summary>
    private sealed class DelegateListView
    {
        private readonly int[] ids = Enumerable.Range(0, 1000).ToArray();

        public int Picked { get; private set; }

        public Html Render() => $$"""
            <ul>{{Html.Each(ids, id => id, id => $$"""<li><button @click="{{() => Pick(id)}}">{{id}}</button></li>""")}}</ul>
            """;

        private void Pick(int id) => Picked = id;
    }
}
