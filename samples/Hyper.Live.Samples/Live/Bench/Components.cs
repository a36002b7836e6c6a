namespace Hyper.Live.Samples.Live.Bench;

/// <summary>
/// The benchmarks' table with every row a live component (<see cref="BenchRow"/>), 1,000 rows unless
/// <c>?rows=</c> says otherwise (1 to 100,000): click n of #update sets row (n·37) mod rows to 100000 + n
/// as the <see cref="Table"/> does, so each click changes one component's props and the reply carries
/// only that component (Phoenix's client then patches only its element).
/// </summary>
public sealed class Components : LiveView
{
    private readonly BenchRows rows = new();

    protected override void Mount(LiveParams parameters) => rows.Mount(parameters);

    public void Update() => rows.Update();

    public override Html Render() => $$"""
        <p id="status">{{(IsConnected ? "interactive" : "static")}}</p>
        <button id="update" @click="update">Update</button>
        <table><tbody>
        {{Html.Each(Enumerable.Range(0, rows.Values.Length), id => id, id => Component<BenchRow, BenchRowProps>(Key(id), new(id, rows.Values[id])))}}
        </tbody></table>
        """;

    // Row ids as strings, made once: a component's id is a string, and 1,000 new ones per click would be garbage.
    private static readonly string[] Keys = Enumerable.Range(0, 1000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static string Key(int id) => id < Keys.Length ? Keys[id] : id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
