namespace Hyper.Live.Samples.Live.Bench;

/// <summary>
/// The benchmarks' table with every row a live component (<see cref="BenchRow"/>), 1,000 rows unless
/// <c>?rows=</c> says otherwise (1 to 100,000): click n of #update sets row (n·37) mod rows to 100000 + n
/// as the <see cref="Table"/> does, so each click changes one component's props and the reply carries
/// only that component (Phoenix's client then patches only its element).
/// </summary>
public sealed class Components : LiveView
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
        {{Html.Each(Enumerable.Range(0, values.Length), id => id, id => Component<BenchRow, BenchRowProps>(Key(id), new(id, values[id])))}}
        </tbody></table>
        """;

    // Row ids as strings, made once: a component's id is a string, and 1,000 new ones per click would be garbage.
    private static readonly string[] Keys = Enumerable.Range(0, 1000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static string Key(int id) => id < Keys.Length ? Keys[id] : id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
