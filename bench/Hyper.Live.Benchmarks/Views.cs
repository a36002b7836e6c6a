global using CounterView = Hyper.Live.Samples.Live.Counter;
global using TableView = Hyper.Live.Samples.Live.Bench.Table;

namespace Hyper.Live.Benchmarks;

/// <summary>The samples app's pages, measured as they are, connected as after the socket join.</summary>
internal static class SampleViews
{
    /// <summary>The seed's counter (samples/…/Live/Counter.cs).</summary>
    public static CounterView Counter() => new() { IsConnected = true };

    /// <summary>The 1,000-row table (samples/…/Live/Bench/Table.cs): click n sets row (n·37) mod 1000 to 100000 + n.</summary>
    public static TableView Table() => new() { IsConnected = true };
}
