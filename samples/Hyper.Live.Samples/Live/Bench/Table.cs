
namespace Hyper.Live.Samples.Live.Bench;

/// <summary>
/// The benchmarks' table, 1,000 rows unless <c>?rows=</c> says otherwise (1 to 100,000): click n of
/// #update sets row (n·37) mod rows to 100000 + n, so each click changes exactly one row of a keyed list.
/// </summary>
public sealed class Table : LiveView
{
    private readonly BenchRows rows = new();

    protected override void Mount(LiveParams parameters) => rows.Mount(parameters);

    public void Update() => rows.Update();

    public override Html Render() => $$"""
        <p id="status">{{(IsConnected ? "interactive" : "static")}}</p>
        <button id="update" @click="update">Update</button>
        <table><tbody>
        {{Html.Each(Enumerable.Range(0, rows.Values.Length), id => id, id => $"""<tr><td>{id}</td><td>Row number {id}</td><td id="v-{id}">{rows.Values[id]}</td></tr>""")}}
        </tbody></table>
        """;
}
