using System.Globalization;

namespace Hyper.Live.Tests.Components;

/// <summary>A keyed list of rows (<c>?n=</c>, 3 by default) of one element each: sent as row components.</summary>
public sealed class ListRowsView : LiveView
{
    private readonly List<(int Id, string Text)> rows = [];

    protected internal override void Mount(LiveParams parameters)
    {
        var count = int.Parse(parameters["n"] ?? "3", CultureInfo.InvariantCulture);
        rows.AddRange(Enumerable.Range(1, count).Select(id => (id, "row " + id)));
    }

    [ClientEvent]
    public void Edit(int id)
    {
        var at = rows.FindIndex(row => row.Id == id);
        rows[at] = (id, rows[at].Text + "!");
    }

    [ClientEvent]
    public void Remove(int id) => rows.RemoveAll(row => row.Id == id);

    [ClientEvent]
    public void Add(int id) => rows.Add((id, "row " + id));

    public override Html Render() => $$"""
        <section><h1>rows</h1><ul>{{Html.Each(rows, row => row.Id, row => $$"""
            <li id="row-{{row.Id}}">{{row.Text}} <button @click="edit" phx-value-id="{{row.Id}}">edit</button></li>
            """)}}</ul></section>
        """;
}
