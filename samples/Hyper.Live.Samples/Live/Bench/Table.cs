
namespace Hyper.Live.Samples.Live.Bench;

/// <summary>
/// The benchmarks' table, 1,000 rows unless <c>?rows=</c> says otherwise (1 to 100,000): click n of
/// #update sets row (n·37) mod rows to 100000 + n, so each click changes exactly one row of a keyed list.
/// </summary>
public sealed class Table : LiveView
{
    private const int MaxRows = 100_000;
    private int[] values = Enumerable.Range(0, 1000).ToArray();
    private int clicks;

    /// <summary>Reads <c>?rows=</c>; anything else than a whole number in range keeps 1,000.</summary>
    protected override void Mount(LiveParams parameters)
    {
        if (int.TryParse(parameters.Query["rows"], out var rows) && rows is > 0 and <= MaxRows)
        {
            values = Enumerable.Range(0, rows).ToArray();
        }
    }

    public void Update()
    {
        clicks++;
        values[clicks * 37 % values.Length] = 100000 + clicks;
    }

    public override Html Render() => $$"""
        <p id="status">{{(IsConnected ? "interactive" : "static")}}</p>
        <button id="update" @click="update">Update</button>
        <table><tbody>
        {{Html.Each(Enumerable.Range(0, values.Length), id => id, id => $"""<tr><td>{id}</td><td>Row number {id}</td><td id="v-{id}">{values[id]}</td></tr>""")}}
        </tbody></table>
        """;
}
