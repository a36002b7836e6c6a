using Hyper.Live.Diffing;
using Hyper.Live.Templates;

namespace Hyper.Live.Tests.Diffing;

public class DifferTests
{
    private sealed record Row(int Id, string Text);

    [Fact]
    public void Counter_first_render_is_full_then_only_the_changed_dynamic()
    {
        var count = 0;
        var differ = new Differ();
        Html Render() => $"<h2>Count: {count}</h2>";

        Assert.Equal("""{"0":"0","s":["<h2>Count: ","</h2>"]}""", differ.RenderJson(Render));
        count++;
        Assert.Equal("""{"0":"1"}""", differ.RenderJson(Render));
        Assert.Equal("{}", differ.RenderJson(Render));
    }

    [Fact]
    public void User_data_is_escaped_in_text_and_attributes()
    {
        var name = "<script>alert(1)</script>";
        var differ = new Differ();

        var json = differ.RenderJson(() => $"""<p title="{name}">{name}</p>""");

        Assert.Equal(
            """{"0":"&lt;script&gt;alert(1)&lt;/script&gt;","1":"&lt;script&gt;alert(1)&lt;/script&gt;","s":["<p title=\"","\">","</p>"]}""",
            json);
        name = "Tom & \"Jerry\"";
        Assert.Equal("""{"0":"Tom &amp; &quot;Jerry&quot;","1":"Tom &amp; &quot;Jerry&quot;"}""", differ.RenderJson(() => $"""<p title="{name}">{name}</p>"""));
    }

    [Fact]
    public void Bool_attribute_toggles_the_attribute()
    {
        var done = false;
        var differ = new Differ();
        Html Render() => $"""<input type="checkbox" checked="{done}">""";

        Assert.Equal("""{"0":"","s":["<input type=\"checkbox\"",">"]}""", differ.RenderJson(Render));
        done = true;
        Assert.Equal("""{"0":" checked"}""", differ.RenderJson(Render));
        Assert.Equal("""<input type="checkbox" checked>""", HtmlRenderer.Render(Render));
    }

    [Fact]
    public void Branch_switch_sends_the_new_subtree_with_its_statics()
    {
        var loggedIn = false;
        var user = "ann";
        var differ = new Differ();
        Html Render() => $"<nav>{Html.If(loggedIn, $"<b>{user}</b>", $"<a>Log in</a>")}</nav>";

        Assert.Equal("""{"0":{"s":["<a>Log in</a>"],"r":1},"s":["<nav>","</nav>"]}""", differ.RenderJson(Render));
        loggedIn = true;
        Assert.Equal("""{"0":{"0":"ann","s":["<b>","</b>"],"r":1}}""", differ.RenderJson(Render));
        user = "bob";
        Assert.Equal("""{"0":{"0":"bob"}}""", differ.RenderJson(Render));
        loggedIn = false;
        Assert.Equal("""{"0":{"s":["<a>Log in</a>"],"r":1}}""", differ.RenderJson(Render));
    }

    [Fact]
    public void Empty_branch_renders_nothing()
    {
        var show = false;
        var differ = new Differ();
        Html Render() => $"<div>{(show ? $"<p>hi</p>" : Html.Empty)}</div>";

        Assert.Equal("""{"0":"","s":["<div>","</div>"]}""", differ.RenderJson(Render));
        show = true;
        Assert.Equal("""{"0":{"s":["<p>hi</p>"],"r":1}}""", differ.RenderJson(Render));
        show = false;
        Assert.Equal("""{"0":""}""", differ.RenderJson(Render));
    }

    [Fact]
    public void Keyed_list_append_remove_move_change_clear_refill()
    {
        var rows = new List<Row> { new(1, "apple"), new(2, "pear") };
        var differ = new Differ();
        Html Render() => $"<ul>{Html.Each(rows, r => r.Id, r => $"<li id=\"fruit-{r.Id}\">{r.Text}</li>")}</ul>";

        Assert.Equal(
            """{"0":{"s":["",""],"k":{"0":{"0":1},"1":{"0":2},"kc":2}},"s":["<ul>","</ul>"],"c":{"1":{"0":"1","1":"apple","s":["<li id=\"fruit-","\">","</li>"],"r":1},"2":{"0":"2","1":"pear","s":1,"r":1}}}""",
            differ.RenderJson(Render));

        rows[1] = rows[1] with { Text = "PEAR" };
        Assert.Equal("""{"c":{"2":{"1":"PEAR"}}}""", differ.RenderJson(Render));

        rows.Add(new Row(3, "plum"));
        Assert.Equal("""{"0":{"k":{"2":{"0":3},"kc":3}},"c":{"3":{"0":"3","1":"plum","s":-1,"r":1}}}""", differ.RenderJson(Render));

        rows.RemoveAt(0);
        Assert.Equal("""{"0":{"k":{"0":1,"1":2,"kc":2,"km":true}}}""", differ.RenderJson(Render));

        rows = [rows[1] with { Text = "PLUM" }, rows[0]];
        Assert.Equal("""{"0":{"k":{"0":1,"1":0,"kc":2,"km":true}},"c":{"3":{"1":"PLUM"}}}""", differ.RenderJson(Render));

        rows.Clear();
        Assert.Equal("""{"0":{"k":{"kc":0}}}""", differ.RenderJson(Render));

        rows.Add(new Row(9, "fig"));
        // The row that held the statics (apple) is gone, so the new row carries them again.
        Assert.Equal("""{"0":{"k":{"0":{"0":4},"kc":1}},"c":{"4":{"0":"9","1":"fig","s":["<li id=\"fruit-","\">","</li>"],"r":1}}}""", differ.RenderJson(Render));
        Assert.Equal("{}", differ.RenderJson(Render));
    }

    [Fact]
    public void Unkeyed_list_diffs_by_index_and_never_moves()
    {
        var items = new List<string> { "a", "b", "c" };
        var differ = new Differ();
        Html Render() => $"<ol>{Html.Each(items, i => $"<li>{i}</li>")}</ol>";

        differ.RenderJson(Render);
        items.RemoveAt(0);
        Assert.Equal("""{"0":{"k":{"0":{"0":"b"},"1":{"0":"c"},"kc":2}}}""", differ.RenderJson(Render));
    }

    [Fact]
    public void Nested_lists_diff_inside_their_entry()
    {
        var groups = new List<(string Name, List<string> Items)> { ("fruit", ["apple"]), ("veg", ["leek"]) };
        var differ = new Differ();
        Html Render() => $"{Html.Each(groups, g => g.Name, g => $"<h3>{g.Name}</h3><ul>{Html.Each(g.Items, i => i, i => $"<li>{i}</li>")}</ul>")}";

        Assert.Equal(
            """{"0":{"s":["<h3>","</h3><ul>","</ul>"],"k":{"0":{"0":"fruit","1":{"s":["",""],"k":{"0":{"0":1},"kc":1}}},"1":{"0":"veg","1":{"s":["",""],"k":{"0":{"0":2},"kc":1}}},"kc":2}},"s":["",""],"c":{"1":{"0":"apple","s":["<li>","</li>"],"r":1},"2":{"0":"leek","s":["<li>","</li>"],"r":1}}}""",
            differ.RenderJson(Render));

        groups[1].Items.Insert(0, "kale");
        Assert.Equal("""{"0":{"k":{"1":{"1":{"k":{"0":{"0":3},"1":0,"kc":2,"km":true}}},"kc":2}},"c":{"3":{"0":"kale","s":-2,"r":1}}}""", differ.RenderJson(Render));
    }

    [Fact]
    public void List_of_strings_is_a_comprehension_of_escaped_text()
    {
        var tags = new List<string> { "a<b", "c" };
        var differ = new Differ();
        Html Render() => $"<p>{tags}</p>";

        Assert.Equal("""{"0":{"s":["",""],"k":{"0":{"0":"a&lt;b"},"1":{"0":"c"},"kc":2}},"s":["<p>","</p>"]}""", differ.RenderJson(Render));
        tags.Add("d");
        Assert.Equal("""{"0":{"k":{"2":{"0":"d"},"kc":3}}}""", differ.RenderJson(Render));
    }

    [Fact]
    public void Empty_list_never_filled_is_sent_as_empty_string()
    {
        var items = new List<int>();
        var differ = new Differ();
        Html Render() => $"<ul>{Html.Each(items, i => $"<li>{i}</li>")}</ul>";

        Assert.Equal("""{"0":"","s":["<ul>","</ul>"]}""", differ.RenderJson(Render));
        Assert.Equal("{}", differ.RenderJson(Render));
        items.Add(7);
        Assert.Equal("""{"0":{"s":["<li>","</li>"],"k":{"0":{"0":"7"},"kc":1}}}""", differ.RenderJson(Render));
    }

    [Fact]
    public void Duplicate_keys_are_refused()
    {
        var differ = new Differ();
        var error = Assert.Throws<TemplateException>(() =>
            differ.RenderJson(() => $"<ul>{Html.Each(new[] { 1, 1 }, i => i, i => $"<li>{i}</li>")}</ul>"));
        Assert.Contains("same key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_and_dates_use_the_invariant_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var price = 1234.5m;
            var when = new DateOnly(2026, 11, 21);
            Assert.Equal("<p>1234.5 11/21/2026 2.50</p>", HtmlRenderer.Render(() => $"<p>{price} {when} {2.5:F2}</p>"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Null_renders_nothing_and_raw_is_not_escaped()
    {
        string? missing = null;
        Assert.Equal("<p><b>ok</b></p>", HtmlRenderer.Render(() => $"<p>{missing}{Html.Raw("<b>ok</b>")}</p>"));
    }

    [Fact]
    public void Templates_nested_in_row_components_carry_their_statics_in_the_row()
    {
        var rows = new List<Row> { new(1, "a"), new(2, "b") };
        var differ = new Differ();
        Html Render() => $"<ul>{Html.Each(rows, r => r.Id, r => $"<li>{Html.If(r.Id % 2 == 0, $"<b>{r.Text}</b>", $"<i>{r.Text}</i>")}</li>")}</ul>";

        Assert.Equal(
            """{"0":{"s":["",""],"k":{"0":{"0":1},"1":{"0":2},"kc":2}},"s":["<ul>","</ul>"],"c":{"1":{"0":{"0":"a","s":["<i>","</i>"],"r":1},"s":["<li>","</li>"],"r":1},"2":{"0":{"0":"b","s":["<b>","</b>"],"r":1},"s":1,"r":1}}}""",
            differ.RenderJson(Render));

        rows.Add(new Row(4, "d"));
        rows.Add(new Row(5, "e"));
        Assert.Equal(
            """{"0":{"k":{"2":{"0":3},"3":{"0":4},"kc":4}},"c":{"3":{"0":{"0":"d","s":["<b>","</b>"],"r":1},"s":-1,"r":1},"4":{"0":{"0":"e","s":["<i>","</i>"],"r":1},"s":-1,"r":1}}}""",
            differ.RenderJson(Render));
        rows[0] = rows[0] with { Text = "A" };
        Assert.Equal("""{"c":{"1":{"0":{"0":"A"}}}}""", differ.RenderJson(Render));
    }
}
