using Hyper.Live.Diffing;
using Hyper.Live.Templates;
using Hyper.Live.Testing;

namespace Hyper.Live.Tests.Diffing;

/// <summary>
/// Root-tracked subtrees end to end: the server's diffs merged into the client model, which skips what no
/// diff reached as Phoenix's client does. The page must stay right while only changed rows are rendered.
/// </summary>
public sealed class SkipUnchangedTests
{
    private sealed record Row(int Id, string Text);

    [Fact]
    public void One_changed_row_of_a_keyed_list_is_the_only_subtree_rendered()
    {
        var rows = Enumerable.Range(0, 1000).Select(i => new Row(i, $"row {i}")).ToList();
        var differ = new Differ();
        Html Render() => $$"""<table><tbody>{{Html.Each(rows, r => r.Id, r => $"""<tr><td>{r.Id}</td><td id="v-{r.Id}">{r.Text}</td></tr>""")}}</tbody></table>""";

        var client = new ClientRenderedTree(differ.RenderJson(Render));
        Assert.Equal(1000, client.RenderedSubtrees);

        rows[37] = rows[37] with { Text = "changed" };
        var diff = differ.RenderJson(Render);
        client.Merge(diff);

        // Rows are row components (cids 1 to 1000): the diff is component-only, so the client patches one <tr>.
        Assert.Equal("""{"c":{"38":{"2":"changed"}}}""", diff);
        Assert.Equal(ClientPatchKind.ComponentsOnly, client.LastPatch);
        Assert.Equal(1, client.RenderedSubtrees);
        Assert.Equal(HtmlRenderer.Render(Render), WithoutRowMarkers(client.ToHtml()));
    }

    [Fact]
    public void Moved_and_inserted_rows_keep_or_get_their_content()
    {
        var rows = new List<Row> { new(1, "a"), new(2, "b"), new(3, "c") };
        var differ = new Differ();
        Html Render() => $"<ul>{Html.Each(rows, r => r.Id, r => $"<li id=\"r{r.Id}\">{r.Text}</li>")}</ul>";

        var client = new ClientRenderedTree(differ.RenderJson(Render));
        rows = [rows[2], new Row(4, "d"), rows[0] with { Text = "A" }, rows[1]];
        var diff = differ.RenderJson(Render);
        client.Merge(diff);

        // Moves by old position, the new row's cid; under "c" the new row (statics of row 1, which the
        // client has) and the changed one only.
        Assert.Equal("""{"0":{"k":{"0":2,"1":{"0":4},"2":0,"3":1,"kc":4,"km":true}},"c":{"4":{"0":"4","1":"d","s":-1,"r":1},"1":{"1":"A"}}}""", diff);
        Assert.Equal(HtmlRenderer.Render(Render), WithoutRowMarkers(client.ToHtml()));
    }

    [Fact]
    public void A_change_inside_a_nested_root_renders_it_and_every_root_around_it()
    {
        var title = "t";
        var note = "n";
        var differ = new Differ();
        Html Inner() => $"<b>{title}</b>";
        Html Render() => $"<main><section>{Inner()}</section>{Html.If(true, $"<aside>{note}</aside>", Html.Empty)}</main>";

        var client = new ClientRenderedTree(differ.RenderJson(Render));
        Assert.Equal(2, client.RenderedSubtrees);

        title = "T";
        client.Merge(differ.RenderJson(Render));
        Assert.Equal(1, client.RenderedSubtrees);
        Assert.Equal(1, client.SkippedSubtrees);
        Assert.Equal(HtmlRenderer.Render(Render), client.ToHtml());
    }

    [Fact]
    public void Keyed_rows_with_form_controls_are_not_row_components()
    {
        // The client would leave a skipped row's controls as the user left them; a full morph puts the server's state back.
        var differ = new Differ();
        var json = differ.RenderJson(() => $"<ul>{Html.Each(new[] { 1, 2 }, i => i, i => $"<li><input value=\"{i}\"></li>")}</ul>");
        Assert.DoesNotContain("\"c\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_with_siblings_is_never_marked_as_a_root()
    {
        var differ = new Differ();
        var json = differ.RenderJson(() => $"<div>{Html.Each(new[] { 1, 2 }, i => i, i => $"<dt>{i}</dt><dd>{i}</dd>")}</div>");
        Assert.DoesNotContain("\"r\"", json, StringComparison.Ordinal);
    }

    private static string WithoutRowMarkers(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, " data-phx-id=\"c[0-9]+-phx-view\" data-phx-component=\"[0-9]+\" data-phx-view=\"phx-view\"", "");
}
