namespace Hyper.Live.Testing.Tests;

/// <summary>The client model's data-phx-skip rules: which root-tracked subtrees a patch renders and which it leaves alone.</summary>
public sealed class ClientSkipTests
{
    private const string Join = """
        {"s": ["<div>", "", "", "</div>"],
         "0": {"s": ["<b>", "</b>"], "r": 1, "0": "x"},
         "1": {"s": ["<ul>", "</ul>"], "r": 1,
               "0": {"s": ["", ""], "k": {"0": {"0": {"s": 0, "r": 1, "0": "a"}}, "1": {"0": {"s": 0, "r": 1, "0": "b"}}, "kc": 2},
                     "p": {"0": ["<li>", "</li>"]}}},
         "2": "n"}
        """;

    [Fact]
    public void A_diff_beside_roots_skips_all_of_them_and_keeps_their_elements()
    {
        var tree = new ClientRenderedTree(Join, includeClientMarkers: true);
        Assert.Equal(4, tree.RenderedSubtrees);

        tree.Merge("""{"2": "m"}""");

        Assert.Equal(0, tree.RenderedSubtrees);
        Assert.Equal(4, tree.SkippedSubtrees);
        Assert.Equal(
            """<div><b data-phx-id="m1-phx-view">x</b><ul data-phx-id="m2-phx-view"><li data-phx-id="m3-phx-view">a</li><li data-phx-id="m4-phx-view">b</li></ul>m</div>""",
            tree.ToHtml());
    }

    [Fact]
    public void A_diff_into_a_row_renders_that_row_and_its_ancestors_only()
    {
        var tree = new ClientRenderedTree(Join);

        tree.Merge("""{"1": {"0": {"k": {"1": {"0": {"0": "B"}}, "kc": 2}}}}""");

        Assert.Equal(2, tree.RenderedSubtrees); // the row and the <ul> around it
        Assert.Equal(2, tree.SkippedSubtrees);  // <b> and the other row
        Assert.Equal("<div><b>x</b><ul><li>a</li><li>B</li></ul>n</div>", tree.ToHtml());
    }

    [Fact]
    public void A_replaced_subtree_is_rendered_in_full()
    {
        var tree = new ClientRenderedTree(Join);

        tree.Merge("""{"0": {"s": ["<i>", "</i>"], "r": 1, "0": "y"}}""");

        Assert.Equal(1, tree.RenderedSubtrees);
        Assert.Equal(3, tree.SkippedSubtrees);
        Assert.Equal("<div><i>y</i><ul><li>a</li><li>b</li></ul>n</div>", tree.ToHtml());
    }
}
