using Hyper.Live.Diffing;
using Hyper.Live.Templates;

namespace Hyper.Live.Tests.Diffing;

/// <summary>The wire format of streams (protocol §4.6): only new operations travel, and the differ keeps no rows.</summary>
public class StreamDiffTests
{
    private sealed record Item(int Id, string Text);

    private readonly LiveStream<Item> items = new(item => $"items-{item.Id}");

    private Html Render() => $$"""<ul id="items" phx-update="stream">{{items.Render((id, item) => $"""<li id="{id}">{item.Text}</li>""")}}</ul>""";

    [Fact]
    public void Join_render_carries_the_inserts_and_later_diffs_only_new_operations()
    {
        var differ = new Differ();
        items.Insert(new Item(1, "one"));
        items.Insert(new Item(2, "two"));

        Assert.Equal(
            """{"0":{"s":["<li id=\"","\">","</li>"],"k":{"0":{"0":"items-1","1":"one"},"1":{"0":"items-2","1":"two"},"kc":2}""" +
            ""","stream":["0",[["items-1",-1,null,false],["items-2",-1,null,false]],[]]},"s":["<ul id=\"items\" phx-update=\"stream\">","</ul>"]}""",
            differ.RenderJson(Render));

        // §4.6's example: insert at the top, delete another.
        items.Insert(new Item(3, "three"), at: 0);
        items.Delete(new Item(1, "one"));
        Assert.Equal(
            """{"0":{"k":{"0":{"0":"items-3","1":"three"},"kc":1},"stream":["0",[["items-3",0,null,false]],["items-1"]]}}""",
            differ.RenderJson(Render));

        Assert.Equal("{}", differ.RenderJson(Render));
        Assert.Equal(0, items.PendingCount);
    }

    [Fact]
    public void A_keyed_list_inside_a_stream_item_is_not_made_of_row_components()
    {
        // The server forgets a stream item once sent, so rows in it could never be diffed or shown as on the page.
        var differ = new Differ();
        items.Insert(new Item(1, "one"));
        Html Nested() => $$"""<ul id="items" phx-update="stream">{{items.Render((id, item) => $"""<li id="{id}"><ol>{Html.Each(new[] { 1, 2 }, n => n, n => $"<li>{n}</li>")}</ol></li>""")}}</ul>""";

        var json = differ.RenderJson(Nested);

        Assert.DoesNotContain("\"c\"", json, StringComparison.Ordinal);
        Assert.Contains("""{"0":{"0":"1","s":0,"r":1}}""", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_stream_is_sent_as_an_empty_string_then_in_full_with_its_first_items()
    {
        var differ = new Differ();
        Assert.Equal("""{"0":"","s":["<ul id=\"items\" phx-update=\"stream\">","</ul>"]}""", differ.RenderJson(Render));

        items.Insert(new Item(1, "one"), limit: -10);
        Assert.Equal(
            """{"0":{"s":["<li id=\"","\">","</li>"],"k":{"0":{"0":"items-1","1":"one"},"kc":1},"stream":["0",[["items-1",-1,-10,false]],[]]}}""",
            differ.RenderJson(Render));
    }

    [Fact]
    public void Reset_sends_a_fourth_element_true_and_deletes_alone_keep_the_statics()
    {
        var differ = new Differ();
        items.Insert(new Item(1, "one"));
        differ.RenderJson(Render);

        items.DeleteById("items-1");
        Assert.Equal("""{"0":{"k":{"kc":0},"stream":["0",[],["items-1"]]}}""", differ.RenderJson(Render));

        items.Insert(new Item(5, "queued, then dropped by the reset"));
        items.Reset([new Item(7, "seven")]);
        Assert.Equal(
            """{"0":{"k":{"0":{"0":"items-7","1":"seven"},"kc":1},"stream":["0",[["items-7",-1,null,false]],[],true]}}""",
            differ.RenderJson(Render));
    }

    [Fact]
    public void Update_only_and_a_re_insert_replace_a_pending_insert_of_the_same_id()
    {
        var differ = new Differ();
        differ.RenderJson(Render);
        items.Insert(new Item(1, "first"));
        items.Insert(new Item(1, "second"), at: 0);
        items.Update(new Item(2, "only if present"));
        Assert.Equal(
            """{"0":{"s":["<li id=\"","\">","</li>"],"k":{"0":{"0":"items-1","1":"second"},"1":{"0":"items-2","1":"only if present"},"kc":2}""" +
            ""","stream":["0",[["items-1",0,null,false],["items-2",-1,null,true]],[]]}}""",
            differ.RenderJson(Render));
    }

    [Fact]
    public void InsertMany_with_a_limit_sends_only_the_items_the_limit_keeps()
    {
        var differ = new Differ();
        items.InsertMany(Enumerable.Range(1, 5).Select(i => new Item(i, "n" + i)), limit: -2);
        var json = differ.RenderJson(Render);

        Assert.Contains("""["items-4",-1,-2,false],["items-5",-1,-2,false]]""", json);
        Assert.DoesNotContain("items-3", json);
    }

    [Fact]
    public void Items_of_different_templates_are_sent_as_nested_templates_sharing_a_p_map()
    {
        var differ = new Differ();
        differ.RenderJson(Mixed);
        items.Insert(new Item(1, "one"));
        items.Insert(new Item(2, "two"));

        Assert.Equal(
            """{"0":{"s":["",""],"k":{"0":{"0":{"0":"items-1","1":"one","s":0,"r":1}},"1":{"0":{"0":"items-2","1":"two","s":1,"r":1}},"kc":2}""" +
            ""","stream":["0",[["items-1",-1,null,false],["items-2",-1,null,false]],[]],"p":{"0":["<li id=\"","\">","</li>"],"1":["<li id=\"","\" class=\"even\">","</li>"]}}}""",
            differ.RenderJson(Mixed));

        Html Mixed() => $$"""<ul id="items" phx-update="stream">{{items.Render((id, item) => Html.If(item.Id % 2 == 0,
            $"""<li id="{id}" class="even">{item.Text}</li>""",
            $"""<li id="{id}">{item.Text}</li>"""))}}</ul>""";
    }

    [Fact]
    public void Each_stream_of_a_view_keeps_its_own_ref()
    {
        var other = new LiveStream<Item>(item => $"other-{item.Id}");
        Html Two() => $$"""
            <ul id="items" phx-update="stream">{{items.Render((id, item) => $"""<li id="{id}">{item.Text}</li>""")}}</ul>
            <ol id="other" phx-update="stream">{{other.Render((id, item) => $"""<li id="{id}">{item.Text}</li>""")}}</ol>
            """;
        var differ = new Differ();
        items.Insert(new Item(1, "a"));
        other.Insert(new Item(1, "b"));
        differ.RenderJson(Two);

        other.Insert(new Item(2, "c"));
        Assert.Contains("\"stream\":[\"1\",", differ.RenderJson(Two));
        items.Insert(new Item(2, "d"));
        Assert.Contains("\"stream\":[\"0\",", differ.RenderJson(Two));
    }

    [Fact]
    public void An_item_whose_root_element_lacks_its_dom_id_is_an_error()
    {
        items.Insert(new Item(1, "one"));
        var error = Assert.Throws<TemplateException>(() => HtmlRenderer.Render(
            () => $$"""<ul id="items" phx-update="stream">{{items.Render((id, item) => $"""<li id="item-{item.Id}">{item.Text}</li>""")}}</ul>"""));
        Assert.Contains("The stream item 'items-1' must render one root element with id=\"items-1\"", error.Message);
        Assert.Contains("<li id=\"item-1\">", error.Message);

        items.Insert(new Item(2, "two"));
        error = Assert.Throws<TemplateException>(() => HtmlRenderer.Render(
            () => $$"""<ul id="items" phx-update="stream">{{items.Render((id, item) => $"""<li class="x">{item.Text}</li>""")}}</ul>"""));
        Assert.Contains("starts with <li class=\"x\"> without an id", error.Message);

        items.Insert(new Item(3, "three"));
        error = Assert.Throws<TemplateException>(() => HtmlRenderer.Render(
            () => $$"""<ul id="items" phx-update="stream">{{items.Render((id, item) => $"""<li id="{id}">{item.Text}</li><li>more</li>""")}}</ul>"""));
        Assert.Contains("has more than one element at its top level", error.Message);

        // A form control inside is fine (such templates are not root-tracked, but still one element).
        items.Insert(new Item(4, "four"));
        Assert.Contains("<input", HtmlRenderer.Render(
            () => $$"""<ul id="items" phx-update="stream">{{items.Render((id, item) => $"""<li id="{id}"><input value="{item.Text}"></li>""")}}</ul>"""), StringComparison.Ordinal);
    }

    [Fact]
    public void A_stream_outside_a_stream_container_is_an_error()
    {
        items.Insert(new Item(1, "one"));
        var error = Assert.Throws<TemplateException>(() => new Differ().RenderJson(
            () => $$"""<ul id="items">{{items.Render((id, item) => $"""<li id="{id}">{item.Text}</li>""")}}</ul>"""));
        Assert.StartsWith("A stream must be the only content of an element with an id and phx-update=\"stream\"", error.Message);
        Assert.Contains("after '<ul id=\"items\">'", error.Message);

        error = Assert.Throws<TemplateException>(() => HtmlRenderer.Render(
            () => $$"""<ul phx-update="stream"><li>first</li>{{items.Render((id, item) => $"""<li id="{id}">{item.Text}</li>""")}}</ul>"""));
        Assert.StartsWith("A stream must be the only content", error.Message);
    }

    [Fact]
    public void Dead_render_writes_the_items_and_a_container_id_may_be_a_hole()
    {
        var name = "items";
        items.Insert(new Item(1, "<one>"));
        var html = HtmlRenderer.Render(
            () => $$"""<ul id="{{name}}" phx-update="stream">{{items.Render((id, item) => $"""<li id="{id}">{item.Text}</li>""")}}</ul>""");
        Assert.Equal("""<ul id="items" phx-update="stream"><li id="items-1">&lt;one&gt;</li></ul>""", html);
    }
}
