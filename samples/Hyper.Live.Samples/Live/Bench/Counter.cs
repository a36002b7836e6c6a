
namespace Hyper.Live.Samples.Live.Bench;

/// <summary>The benchmarks' counter page (ids fixed: #status, #count, #inc).</summary>
public sealed class Counter : LiveView
{
    private int count;

    public void Inc() => count++;

    public override Html Render() => $$"""
        <p id="status">{{(IsConnected ? "interactive" : "static")}}</p>
        <span id="count">{{count}}</span>
        <button id="inc" @click="inc">+</button>
        """;
}
