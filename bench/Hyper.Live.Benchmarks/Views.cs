using Hyper.Live.Templates;

namespace Hyper.Live.Benchmarks;

/// <summary>The seed's counter (samples/…/Live/Counter.cs), without the LiveView plumbing.</summary>
internal sealed class CounterView
{
    private int count;

    public void Increment() => count++;

    public Html Render() => $$"""
        <div class="counter">
          <h2>Count: {{count}}</h2>
          <button @click="decrement">−</button>
          <button @click="reset">Reset</button>
          <button @click="increment">+</button>
        </div>
        """;
}

/// <summary>
/// The 1,000-row table page (samples/…/Live/Bench/Table.cs), template verbatim: click n of
/// #update sets row (n·37) mod 1000 to 100000 + n, so each click changes exactly one row.
/// </summary>
internal sealed class TableView
{
    private readonly int[] values = Enumerable.Range(0, 1000).ToArray();
    private int clicks;

    /// <summary>As after the WebSocket join.</summary>
    public bool IsConnected { get; set; } = true;

    public void Update()
    {
        clicks++;
        values[clicks * 37 % values.Length] = 100000 + clicks;
    }

    public Html Render() => $$"""
        <p id="status">{{(IsConnected ? "interactive" : "static")}}</p>
        <button id="update" @click="update">Update</button>
        <table><tbody>
        {{Html.Each(Enumerable.Range(0, values.Length), id => id, id => $"""<tr><td>{id}</td><td>Row number {id}</td><td id="v-{id}">{values[id]}</td></tr>""")}}
        </tbody></table>
        """;
}
