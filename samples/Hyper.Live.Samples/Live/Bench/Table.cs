
namespace Hyper.Live.Samples.Live.Bench;

/// <summary>
/// The benchmarks' 1,000-row table: click n of #update sets row (n·37) mod 1000 to 100000 + n,
/// so each click changes exactly one row of a keyed list.
/// </summary>
public sealed class Table : LiveView
{
    private readonly int[] values = Enumerable.Range(0, 1000).ToArray();
    private int clicks;

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
