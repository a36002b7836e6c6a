
namespace Hyper.Live.Samples.Live;

/// <summary>
/// The seed's search: the input sends its value once typing pauses for 300 ms; the handler
/// shows "Searching…" at once (an intermediate render) while it waits for the slow catalogue,
/// then the results, or "No results for …".
/// </summary>
public sealed class Search : LiveView
{
    private static readonly string[] Catalogue =
    [
        "Apple", "Apricot", "Avocado", "Banana", "Blackberry", "Blueberry", "Cherry", "Coconut", "Cranberry",
        "Date", "Dragon fruit", "Fig", "Grape", "Grapefruit", "Guava", "Kiwi", "Lemon", "Lime", "Lychee",
        "Mango", "Melon", "Nectarine", "Orange", "Papaya", "Passion fruit", "Peach", "Pear", "Pineapple",
        "Plum", "Pomegranate", "Raspberry", "Strawberry", "Tangerine", "Watermelon",
    ];

    private string query = "";
    private bool searching;
    private List<string> results = [];

    /// <summary>How long the pretend catalogue takes to answer.</summary>
    public static TimeSpan Latency { get; set; } = TimeSpan.FromMilliseconds(400);

    public async Task SearchFor(string? value, int limit, CancellationToken cancellationToken)
    {
        query = value?.Trim() ?? "";
        searching = query.Length > 0;
        results = [];
        if (!searching)
        {
            return;
        }

        await RenderNowAsync();
        await Task.Delay(Latency, cancellationToken);
        results = Catalogue.Where(name => name.Contains(query, StringComparison.OrdinalIgnoreCase)).Take(limit).ToList();
        searching = false;
    }

    public override Html Render() => $$"""
        <section class="search">
          <h1>Search fruit</h1>
          <input id="q" type="search" placeholder="Type to search…" autocomplete="off" @input.debounce.300="search_for(value, 10)">
          <p class="status">{{Status()}}</p>
          <ul id="results">{{Html.Each(results, name => name, name => $"<li>{name}</li>")}}</ul>
        </section>
        """;

    private string Status() =>
        searching ? "Searching…"
        : query.Length == 0 ? "Type a few letters."
        : results.Count == 0 ? $"No results for “{query}”"
        : $"{results.Count} {(results.Count == 1 ? "result" : "results")} for “{query}”";
}
