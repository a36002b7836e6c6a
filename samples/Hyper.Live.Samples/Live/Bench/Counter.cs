namespace Hyper.Live.Samples.Live.Bench;

/// <summary>The benchmarks' counter page (ids fixed: #status, #count, #inc).</summary>
public sealed class Counter : LiveView
{
    private int count;

    public void Inc() => count++;

    public override Html Render() => Page(IsConnected, count);

    /// <summary>The counter's markup, the same for <see cref="PersistedCounter"/>: the two differ only in what a click costs.</summary>
    internal static Html Page(bool connected, int count) => $$"""
        <p id="status">{{(connected ? "interactive" : "static")}}</p>
        <span id="count">{{count}}</span>
        <button id="inc" @click="inc">+</button>
        """;
}
