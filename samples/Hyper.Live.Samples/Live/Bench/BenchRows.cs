namespace Hyper.Live.Samples.Live.Bench;

/// <summary>
/// The rows of the benchmarks' tables: 1,000 unless <c>?rows=</c> says otherwise (1 to 100,000), and
/// the click that changes one: click n sets row (n·37) mod rows to 100000 + n.
/// </summary>
public sealed class BenchRows
{
    private const int MaxRows = 100_000;
    private int clicks;

    /// <summary>Each row's value, by row number.</summary>
    public int[] Values { get; private set; } = Enumerable.Range(0, 1000).ToArray();

    /// <summary>Reads <c>?rows=</c>; anything else than a whole number in range keeps 1,000.</summary>
    public void Mount(LiveParams parameters)
    {
        if (int.TryParse(parameters.Query["rows"], out var rows) && rows is > 0 and <= MaxRows)
        {
            Values = Enumerable.Range(0, rows).ToArray();
        }
    }

    /// <summary>One click: changes exactly one row.</summary>
    public void Update()
    {
        clicks++;
        Values[clicks * 37 % Values.Length] = 100000 + clicks;
    }
}
