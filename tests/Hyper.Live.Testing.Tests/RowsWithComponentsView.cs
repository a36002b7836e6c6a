namespace Hyper.Live.Testing.Tests;

/// <summary>A keyed list whose rows (row components) each hold a view button and a live component.</summary>
public sealed class RowsWithComponentsView : LiveView
{
    public List<int> Rows { get; } = [1, 2, 3];

    /// <summary>Moves a row to the top: a view event from a button inside a row.</summary>
    [ClientEvent]
    public void Up(int id)
    {
        Rows.Remove(id);
        Rows.Insert(0, id);
    }

    public void DropLast() => Rows.RemoveAt(Rows.Count - 1);

    public override Html Render() => $$"""
        <main>
          <button class="drop" @click="drop_last">drop</button>
          <ol>{{Html.Each(Rows, row => row, row => $$"""
            <li class="row" id="row-{{row}}"><button class="up" @click="up" phx-value-id="{{row}}">up</button>{{Component<CounterComponent, CounterProps>($"c-{row}", new($"row {row}"))}}</li>
            """)}}</ol>
        </main>
        """;
}
