using BenchmarkDotNet.Attributes;
using Hyper.Live.Diffing;
using Hyper.Live.Templates;
using Hyper.Live.Protocol;

namespace Hyper.Live.Benchmarks;

/// <summary>A counter click: count++, render, diff into a reply frame, release the frame.</summary>
[MemoryDiagnoser]
public class CounterBenchmarks
{
    private readonly CounterView view = SampleViews.Counter();
    private readonly Differ differ = new();

    [GlobalSetup]
    public void Setup()
    {
        // The join: the full render with statics, so every op below is a steady-state diff.
        using (RenderArena.Enter())
        {
            Wire.Reply(differ, view.Render(), DiffKeys.Rendered).Release();
        }
    }

    [Benchmark(Description = "Counter click: render + diff + reply frame")]
    public int Click()
    {
        view.Increment();
        using (RenderArena.Enter())
        {
            var frame = Wire.Reply(differ, view.Render());
            var length = frame.Length;
            frame.Release();
            return length;
        }
    }
}
