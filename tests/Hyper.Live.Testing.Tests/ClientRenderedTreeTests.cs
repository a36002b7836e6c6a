using System.Text.Json.Nodes;

namespace Hyper.Live.Testing.Tests;

/// <summary>The client model against the worked examples of protocol §4.9 and the client's other rules.</summary>
public sealed class ClientRenderedTreeTests
{
    private const string ViewId = "phx-X";

    private const string A1 = """
        {
          "s": ["<div id=\"app\"><h1>", "</h1><ul id=\"fruits\">", "</ul><p>", " clicks</p>", "</div>"],
          "0": "Fruits",
          "1": {"s": ["<li id=\"fruit-", "\">", "</li>"],
                "k": {"0": {"0": "1", "1": "apple"}, "1": {"0": "2", "1": "pear"}, "kc": 2}},
          "2": "0",
          "3": 1,
          "c": {"1": {"s": ["<button id=\"cnt\" phx-click=\"bump\" phx-target=\"", "\">", "</button>"],
                      "r": 1, "0": "1", "1": "Bump"}},
          "t": "Fruit list"
        }
        """;

    private const string B1 = """
        {"p": {"0": ["<li id=\"fruit-", "\">", "</li>"],
               "1": ["<div id=\"app\"><h1>", "</h1><ul id=\"fruits\">", "</ul><p>", " clicks</p>", "</div>"]},
         "s": 1, "0": "Fruits",
         "1": {"s": 0, "k": {"0": {"0": "1", "1": "apple"}, "1": {"0": "2", "1": "pear"}, "kc": 2}},
         "2": "0", "3": 1,
         "c": {"1": {"s": ["<button id=\"cnt\" phx-click=\"bump\" phx-target=\"", "\">", "</button>"], "r": 1, "0": "1", "1": "Bump"}},
         "t": "Fruit list"}
        """;

    private const string Button1 = """<button data-phx-id="c1-phx-X" data-phx-component="1" data-phx-view="phx-X" id="cnt" phx-click="bump" phx-target="1">""";

    // (diff, expected DOM after it, expected patch kind), applied in order after the join.
    private static readonly (string Diff, string Dom, ClientPatchKind Kind)[] Steps =
    [
        ("""{"2": "1"}""",
         $"""<div id="app"><h1>Fruits</h1><ul id="fruits"><li id="fruit-1">apple</li><li id="fruit-2">pear</li></ul><p>1 clicks</p>{Button1}Bump</button></div>""",
         ClientPatchKind.Full),
        ("""{"1": {"k": {"1": {"1": "PEAR"}, "kc": 2}}}""",
         $"""<div id="app"><h1>Fruits</h1><ul id="fruits"><li id="fruit-1">apple</li><li id="fruit-2">PEAR</li></ul><p>1 clicks</p>{Button1}Bump</button></div>""",
         ClientPatchKind.Full),
        ("""{"1": {"k": {"2": {"0": "3", "1": "plum"}, "kc": 3}}}""",
         $"""<div id="app"><h1>Fruits</h1><ul id="fruits"><li id="fruit-1">apple</li><li id="fruit-2">PEAR</li><li id="fruit-3">plum</li></ul><p>1 clicks</p>{Button1}Bump</button></div>""",
         ClientPatchKind.Full),
        ("""{"1": {"k": {"0": 1, "1": 2, "kc": 2, "km": true}}}""",
         $"""<div id="app"><h1>Fruits</h1><ul id="fruits"><li id="fruit-2">PEAR</li><li id="fruit-3">plum</li></ul><p>1 clicks</p>{Button1}Bump</button></div>""",
         ClientPatchKind.Full),
        ("""{"1": {"k": {"0": [1, {"1": "PLUM"}], "1": 0, "kc": 2, "km": true}}}""",
         $"""<div id="app"><h1>Fruits</h1><ul id="fruits"><li id="fruit-3">PLUM</li><li id="fruit-2">PEAR</li></ul><p>1 clicks</p>{Button1}Bump</button></div>""",
         ClientPatchKind.Full),
        ("""{"c": {"1": {"1": "Bumped"}}}""",
         $"""<div id="app"><h1>Fruits</h1><ul id="fruits"><li id="fruit-3">PLUM</li><li id="fruit-2">PEAR</li></ul><p>1 clicks</p>{Button1}Bumped</button></div>""",
         ClientPatchKind.ComponentsOnly),
        ("""{"1": {"k": {"kc": 0}}}""",
         $"""<div id="app"><h1>Fruits</h1><ul id="fruits"></ul><p>1 clicks</p>{Button1}Bumped</button></div>""",
         ClientPatchKind.Full),
        ("""{"1": {"k": {"0": {"0": "9", "1": "fig"}, "kc": 1}}}""",
         $"""<div id="app"><h1>Fruits</h1><ul id="fruits"><li id="fruit-9">fig</li></ul><p>1 clicks</p>{Button1}Bumped</button></div>""",
         ClientPatchKind.Full),
        ("""{"3": 2, "c": {"2": {"s": -1, "0": "2", "1": "Other"}}}""",
         """<div id="app"><h1>Fruits</h1><ul id="fruits"><li id="fruit-9">fig</li></ul><p>1 clicks</p><button data-phx-id="c2-phx-X" data-phx-component="2" data-phx-view="phx-X" id="cnt" phx-click="bump" phx-target="2">Other</button></div>""",
         ClientPatchKind.Full),
        ("""{"0": {"s": ["<em>", "</em>"], "0": "Fancy"}}""",
         """<div id="app"><h1><em>Fancy</em></h1><ul id="fruits"><li id="fruit-9">fig</li></ul><p>1 clicks</p><button data-phx-id="c2-phx-X" data-phx-component="2" data-phx-view="phx-X" id="cnt" phx-click="bump" phx-target="2">Other</button></div>""",
         ClientPatchKind.Full),
        ("""{"0": {"0": "Fancier"}}""",
         """<div id="app"><h1><em>Fancier</em></h1><ul id="fruits"><li id="fruit-9">fig</li></ul><p>1 clicks</p><button data-phx-id="c2-phx-X" data-phx-component="2" data-phx-view="phx-X" id="cnt" phx-click="bump" phx-target="2">Other</button></div>""",
         ClientPatchKind.Full),
        ("""{"1": {"s": 0, "k": {"0": {"0": "5", "1": "kiwi"}, "kc": 1}}, "p": {"0": ["<li class=\"n\" id=\"fruit-", "\">", "</li>"]}}""",
         """<div id="app"><h1><em>Fancier</em></h1><ul id="fruits"><li class="n" id="fruit-5">kiwi</li></ul><p>1 clicks</p><button data-phx-id="c2-phx-X" data-phx-component="2" data-phx-view="phx-X" id="cnt" phx-click="bump" phx-target="2">Other</button></div>""",
         ClientPatchKind.Full),
    ];

    public static TheoryData<string> Joins => new() { A1, B1 };

    [Theory]
    [MemberData(nameof(Joins))]
    public void Join_renders_A1_dom_and_title(string join)
    {
        var tree = new ClientRenderedTree(join, ViewId);

        Assert.Equal(
            $"""<div id="app"><h1>Fruits</h1><ul id="fruits"><li id="fruit-1">apple</li><li id="fruit-2">pear</li></ul><p>0 clicks</p>{Button1}Bump</button></div>""",
            tree.ToHtml());
        Assert.Equal("Fruit list", tree.Title);
        Assert.Equal(ClientPatchKind.Full, tree.LastPatch);
        Assert.Equal([1], tree.ComponentIds);
    }

    [Theory]
    [MemberData(nameof(Joins))]
    public void Worked_examples_A2_to_A13_render_exactly(string join)
    {
        var tree = new ClientRenderedTree(join, ViewId);

        for (var i = 0; i < Steps.Length; i++)
        {
            var (diff, dom, kind) = Steps[i];
            tree.Merge(diff);
            Assert.True(dom == tree.ToHtml(), $"A{i + 2}: {diff}\nexpected: {dom}\nactual:   {tree.ToHtml()}");
            Assert.Equal(kind, tree.LastPatch);
        }

        // A10 switched the slot to cid 2; the destroy handshake then prunes cid 1.
        Assert.Equal([1, 2], tree.ComponentIds);
        tree.PruneComponents([1]);
        Assert.Equal([2], tree.ComponentIds);
        Assert.Equal("Fruit list", tree.Title); // no later "t"
    }

    [Fact]
    public void Templates_are_resolved_into_the_cache_and_never_kept()
    {
        var tree = new ClientRenderedTree(B1, ViewId);

        var cached = JsonNode.Parse(tree.ToJson())!.AsObject();
        Assert.False(cached.ContainsKey("p"));
        Assert.Equal(5, cached["s"]!.AsArray().Count);
        Assert.Equal("<li id=\"fruit-", cached["1"]!["s"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Move_without_km_throws_like_the_client()
    {
        var tree = new ClientRenderedTree(A1, ViewId);

        var moveOnly = Assert.Throws<InvalidOperationException>(() => tree.Merge("""{"1": {"k": {"0": 1, "kc": 1}}}"""));
        Assert.Contains("km", moveOnly.Message, StringComparison.Ordinal);

        var tree2 = new ClientRenderedTree(A1, ViewId);
        Assert.Throws<InvalidOperationException>(() => tree2.Merge("""{"1": {"k": {"0": [1, {"1": "x"}], "kc": 1}}}"""));
    }

    [Fact]
    public void Moves_read_the_entries_as_they_were_before_the_diff()
    {
        // Position 0 gets a same-position diff while position 1 moves from 0: the move must see the old entry.
        var tree = new ClientRenderedTree(A1, ViewId);

        tree.Merge("""{"1": {"k": {"0": {"1": "APPLE"}, "1": 0, "kc": 2, "km": true}}}""");

        Assert.Contains("""<ul id="fruits"><li id="fruit-1">APPLE</li><li id="fruit-1">apple</li></ul>""", tree.ToHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Keyed_diff_into_a_non_comprehension_throws()
    {
        var tree = new ClientRenderedTree(A1, ViewId);
        tree.Merge("""{"0": {"s": ["<em>", "</em>"], "0": "x"}}""");

        Assert.Throws<InvalidOperationException>(() => tree.Merge("""{"0": {"k": {"kc": 0}}}"""));
    }

    [Fact]
    public void Shrinking_kc_drops_entries_and_growing_without_entry_throws()
    {
        var tree = new ClientRenderedTree(A1, ViewId);

        tree.Merge("""{"1": {"k": {"kc": 1}}}""");
        Assert.Contains("""<ul id="fruits"><li id="fruit-1">apple</li></ul>""", tree.ToHtml(), StringComparison.Ordinal);

        Assert.Throws<InvalidOperationException>(() => tree.Merge("""{"1": {"k": {"kc": 3}}}"""));
    }

    [Fact]
    public void Component_only_diff_patches_only_the_component()
    {
        var tree = new ClientRenderedTree(A1, ViewId);

        tree.Merge("""{"c": {"1": {"0": "7", "1": "Seven"}}}""");

        Assert.Equal(ClientPatchKind.ComponentsOnly, tree.LastPatch);
        Assert.EndsWith(
            """<button data-phx-id="c1-phx-X" data-phx-component="1" data-phx-view="phx-X" id="cnt" phx-click="bump" phx-target="7">Seven</button></div>""",
            tree.ToHtml(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Component_without_root_flag_gets_no_attributes_and_component_only_diffs_do_nothing()
    {
        const string join = """
            {"s": ["<main>", "</main>"], "0": 1,
             "c": {"1": {"s": ["<span>", "</span>"], "0": "a"}}}
            """;
        var tree = new ClientRenderedTree(join, ViewId);
        Assert.Equal("<main><span>a</span></main>", tree.ToHtml());

        tree.Merge("""{"c": {"1": {"0": "b"}}}""");
        Assert.Equal(ClientPatchKind.ComponentsOnly, tree.LastPatch);
        Assert.Equal("<main><span>a</span></main>", tree.ToHtml()); // observed: silently nothing

        tree.Merge("""{"0": 1}"""); // any full render shows the cached state
        Assert.Equal("<main><span>b</span></main>", tree.ToHtml());
    }

    [Fact]
    public void Component_only_diff_keeps_text_around_the_component_root()
    {
        const string join = """
            {"s": ["<main>", "</main>"], "0": 1,
             "c": {"1": {"s": ["\n  <b>", "</b>\n"], "r": 1, "0": "a"}}}
            """;
        var tree = new ClientRenderedTree(join, ViewId);
        tree.Merge("""{"c": {"1": {"0": "b"}}}""");

        Assert.Equal("<main>\n  <b data-phx-id=\"c1-phx-X\" data-phx-component=\"1\" data-phx-view=\"phx-X\">b</b>\n</main>", tree.ToHtml());
    }

    private const string NestedComponents = """
        {"s": ["<main>", "</main>"], "0": 1,
         "c": {"1": {"s": ["<section>", "", "</section>"], "r": 1, "0": "outer", "1": 2},
               "2": {"s": ["<b>", "</b>"], "r": 1, "0": "inner"},
               "3": {"s": ["<i>", "</i>"], "r": 1, "0": "not in the DOM"}}}
        """;

    private static string NestedPage(string outer, string inner) =>
        $"""<main><section data-phx-id="c1-phx-X" data-phx-component="1" data-phx-view="phx-X">{outer}<b data-phx-id="c2-phx-X" data-phx-component="2" data-phx-view="phx-X">{inner}</b></section></main>""";

    [Fact]
    public void Component_only_diff_reaches_a_nested_component_alone_or_through_its_parent()
    {
        var tree = new ClientRenderedTree(NestedComponents, ViewId);
        Assert.Equal(NestedPage("outer", "inner"), tree.ToHtml());

        tree.Merge("""{"c": {"2": {"0": "INNER"}}}""");
        Assert.Equal(NestedPage("outer", "INNER"), tree.ToHtml());

        tree.Merge("""{"c": {"1": {"0": "OUTER"}, "2": {"0": "both"}, "3": {"0": "still not shown"}}}""");
        Assert.Equal(ClientPatchKind.ComponentsOnly, tree.LastPatch);
        Assert.Equal(NestedPage("OUTER", "both"), tree.ToHtml());

        // A cid that is not on the page is only cached; it shows once a slot refers to it.
        tree.Merge("""{"0": 3}""");
        Assert.Equal("""<main><i data-phx-id="c3-phx-X" data-phx-component="3" data-phx-view="phx-X">still not shown</i></main>""", tree.ToHtml());
    }

    [Fact]
    public void Positive_statics_sharing_uses_a_component_of_the_same_diff()
    {
        var tree = new ClientRenderedTree(A1, ViewId);

        tree.Merge("""
            {"3": 3, "2": {"s": ["", "", ""], "0": 2, "1": 4},
             "c": {"2": {"s": 4, "0": "2", "1": "Two"},
                   "3": {"s": 2, "1": "Three"},
                   "4": {"s": ["<i>", "</i>"], "r": 1, "0": "four"}}}
            """);

        var html = tree.ToHtml();
        Assert.Contains("""<p><i data-phx-id="c2-phx-X" data-phx-component="2" data-phx-view="phx-X">2</i><i data-phx-id="c4-phx-X" data-phx-component="4" data-phx-view="phx-X">four</i> clicks</p>""", html, StringComparison.Ordinal);
        // 3 shares 2's tree, which shares 4's statics: dynamics "0" from 2, "1" overridden.
        Assert.EndsWith("""<i data-phx-id="c3-phx-X" data-phx-component="3" data-phx-view="phx-X">2</i></div>""", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_statics_sharing_needs_the_component_in_the_cache()
    {
        var tree = new ClientRenderedTree(A1, ViewId);

        Assert.Throws<InvalidOperationException>(() => tree.Merge("""{"3": 5, "c": {"5": {"s": -9, "0": "x", "1": "y"}}}"""));
    }

    [Fact]
    public void Rendering_a_pruned_component_throws_missing_component()
    {
        var tree = new ClientRenderedTree(A1, ViewId);
        tree.PruneComponents([1]);

        var error = Assert.Throws<InvalidOperationException>(() => tree.Merge("""{"2": "9"}"""));
        Assert.Contains("missing component: 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Component_patch_of_a_changed_component_resends_in_full_after_prune()
    {
        var tree = new ClientRenderedTree(A1, ViewId);
        tree.PruneComponents([1]);

        tree.Merge("""{"2": "9", "c": {"1": {"s": ["<b>", "</b>"], "r": 1, "0": "again"}}}""");

        Assert.EndsWith("""<p>9 clicks</p><b data-phx-id="c1-phx-X" data-phx-component="1" data-phx-view="phx-X">again</b></div>""", tree.ToHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reply_title_and_events_are_extracted()
    {
        var tree = new ClientRenderedTree(A1, ViewId);

        tree.Merge("""{"r": {"ok": true}, "t": "New title", "e": [["highlight", {"id": 1}], ["early", {}, true]], "2": "5"}""");

        Assert.Equal("""{"ok":true}""", tree.LastReply!.ToJsonString());
        Assert.Equal("New title", tree.Title);
        Assert.Collection(
            tree.Events,
            e => Assert.Equal(("early", "{}", true), (e.Name, e.PayloadJson, e.BeforePatch)),
            e => Assert.Equal(("highlight", """{"id":1}""", false), (e.Name, e.PayloadJson, e.BeforePatch)));
        Assert.Contains("<p>5 clicks</p>", tree.ToHtml(), StringComparison.Ordinal);
        Assert.Equal(ClientPatchKind.Full, tree.LastPatch);

        tree.Merge("""{"r": 0, "e": [["again", null]]}""");
        Assert.Null(tree.LastReply); // `reply || null`
        Assert.Equal(ClientPatchKind.None, tree.LastPatch); // nothing left to render
        Assert.Equal(3, tree.Events.Count);
        Assert.Equal("New title", tree.Title);

        tree.Merge("{}");
        Assert.Equal(ClientPatchKind.None, tree.LastPatch);
    }

    [Fact]
    public void Top_level_r_in_the_join_is_a_reply_not_a_root_flag()
    {
        var tree = new ClientRenderedTree("""{"s": ["<p>", "</p>"], "0": "x", "r": 1}""", ViewId);

        Assert.Equal("<p>x</p>", tree.ToHtml());
    }

    [Fact]
    public void Statics_on_the_root_replace_the_whole_cache_including_components()
    {
        var tree = new ClientRenderedTree(A1, ViewId);

        tree.Merge("""{"s": ["<p>", "</p>"], "0": "fresh"}""");

        Assert.Equal("<p>fresh</p>", tree.ToHtml());
        Assert.Empty(tree.ComponentIds);
    }

    [Fact]
    public void Slot_switches_between_text_nested_and_comprehension()
    {
        var tree = new ClientRenderedTree("""{"s": ["<div>", "</div>"], "0": ""}""", ViewId);

        tree.Merge("""{"0": {"s": ["<b>", "</b>"], "0": "x"}}""");
        Assert.Equal("<div><b>x</b></div>", tree.ToHtml());

        tree.Merge("""{"0": {"s": ["<i>", "</i>"], "k": {"0": {"0": "a"}, "1": {"0": "b"}, "kc": 2}}}""");
        Assert.Equal("<div><i>a</i><i>b</i></div>", tree.ToHtml());

        tree.Merge("""{"0": "plain"}""");
        Assert.Equal("<div>plain</div>", tree.ToHtml());
    }

    [Fact]
    public void Missing_slot_in_a_full_render_prints_undefined_like_the_client()
    {
        var tree = new ClientRenderedTree("""{"s": ["<p>", "|", "</p>"], "0": "a"}""", ViewId);

        Assert.Equal("<p>a|undefined</p>", tree.ToHtml());
    }

    [Fact]
    public void Diff_without_statics_into_a_text_slot_throws_on_render()
    {
        var tree = new ClientRenderedTree("""{"s": ["<p>", "</p>"], "0": "a"}""", ViewId);

        Assert.Throws<InvalidOperationException>(() => tree.Merge("""{"0": {"0": "b"}}"""));
    }

    [Fact]
    public void Nested_root_must_be_one_element()
    {
        Assert.Throws<InvalidOperationException>(
            () => new ClientRenderedTree("""{"s": ["<p>", "</p>"], "0": {"s": ["just text ", ""], "0": "x", "r": 1}}""", ViewId));
    }

    [Fact]
    public void Client_markers_add_magic_ids_to_nested_roots()
    {
        const string join = """{"s": ["<div>", "", "</div>"], "0": {"s": ["<span>", "</span>"], "0": "a", "r": 1}, "1": {"s": ["<!-- c --> <em class=\"x\">", "</em>"], "0": "b", "r": 1}}""";

        var plain = new ClientRenderedTree(join, ViewId);
        Assert.Equal("""<div><span>a</span><!-- c --> <em class="x">b</em></div>""", plain.ToHtml());

        var marked = new ClientRenderedTree(join, ViewId, includeClientMarkers: true);
        Assert.Equal("""<div><span data-phx-id="m1-phx-X">a</span><!-- c --> <em data-phx-id="m2-phx-X" class="x">b</em></div>""", marked.ToHtml());

        // Merged nodes keep their id; a replaced node gets the next one.
        marked.Merge("""{"0": {"0": "A"}, "1": {"s": ["<b>", "</b>"], "0": "B", "r": 1}}""");
        Assert.Equal("""<div><span data-phx-id="m1-phx-X">A</span><b data-phx-id="m3-phx-X">B</b></div>""", marked.ToHtml());
    }

    [Fact]
    public void Templates_inside_components_and_comprehensions()
    {
        const string join = """
            {"s": ["<main>", "</main>"], "0": 1,
             "c": {"1": {"p": {"0": ["<li>", "</li>"]}, "s": ["<ul>", "</ul>"], "r": 1,
                         "0": {"s": 0, "k": {"0": {"0": "a"}, "1": {"0": "b"}, "kc": 2}}}}}
            """;
        var tree = new ClientRenderedTree(join, ViewId);

        Assert.Equal("""<main><ul data-phx-id="c1-phx-X" data-phx-component="1" data-phx-view="phx-X"><li>a</li><li>b</li></ul></main>""", tree.ToHtml());

        tree.Merge("""{"c": {"1": {"0": {"k": {"2": {"0": "c"}, "kc": 3}}}}}""");
        Assert.Equal("""<main><ul data-phx-id="c1-phx-X" data-phx-component="1" data-phx-view="phx-X"><li>a</li><li>b</li><li>c</li></ul></main>""", tree.ToHtml());
    }

    [Fact]
    public void Template_index_without_templates_throws()
    {
        Assert.Throws<InvalidOperationException>(() => new ClientRenderedTree("""{"s": 0, "0": "x"}""", ViewId));
    }

    private const string StreamJoin = """
        {"s": ["<h2>", "</h2><ul id=\"items\" phx-update=\"stream\">", "</ul>"],
         "0": "Items",
         "1": {"s": ["<li id=\"", "\">", "</li>"],
               "k": {"0": {"0": "items-1", "1": "one"}, "1": {"0": "items-2", "1": "two"}, "kc": 2},
               "stream": ["0", [["items-1", -1, null, false], ["items-2", -1, null, false]], []]}}
        """;

    private static string StreamPage(string items, string title = "Items") =>
        $"""<h2>{title}</h2><ul id="items" phx-update="stream">{items}</ul>""";

    [Fact]
    public void Stream_items_stay_in_the_dom_while_the_cache_forgets_them()
    {
        var tree = new ClientRenderedTree(StreamJoin, ViewId);
        Assert.Equal(StreamPage("""<li id="items-1">one</li><li id="items-2">two</li>"""), tree.ToHtml());

        var cached = JsonNode.Parse(tree.ToJson())!;
        Assert.Equal(0, cached["1"]!["k"]!["kc"]!.GetValue<int>());
        Assert.Null(cached["1"]!["stream"]);

        // §4.6 observed diff: insert at top, delete another.
        tree.Merge("""{"1": {"k": {"0": {"0": "items-3", "1": "three"}, "kc": 1}, "stream": ["0", [["items-3", 0, null, false]], ["items-1"]]}}""");
        Assert.Equal(StreamPage("""<li id="items-3">three</li><li id="items-2">two</li>"""), tree.ToHtml());

        // An unrelated change re-renders the page; the stream children are untouched.
        tree.Merge("""{"0": "Things"}""");
        Assert.Equal(StreamPage("""<li id="items-3">three</li><li id="items-2">two</li>""", "Things"), tree.ToHtml());
    }

    [Fact]
    public void Stream_insert_positions_updates_and_limits()
    {
        var tree = new ClientRenderedTree(StreamJoin, ViewId);

        // An existing item is updated in place, not moved.
        tree.Merge("""{"1": {"k": {"0": {"0": "items-2", "1": "TWO"}, "kc": 1}, "stream": ["0", [["items-2", 0, null, false]], []]}}""");
        Assert.Equal(StreamPage("""<li id="items-1">one</li><li id="items-2">TWO</li>"""), tree.ToHtml());

        // Insert at index 1.
        tree.Merge("""{"1": {"k": {"0": {"0": "items-5", "1": "five"}, "kc": 1}, "stream": ["0", [["items-5", 1, null, false]], []]}}""");
        Assert.Equal(StreamPage("""<li id="items-1">one</li><li id="items-5">five</li><li id="items-2">TWO</li>"""), tree.ToHtml());

        // Append with limit -2 keeps the last two.
        tree.Merge("""{"1": {"k": {"0": {"0": "items-6", "1": "six"}, "kc": 1}, "stream": ["0", [["items-6", -1, -2, false]], []]}}""");
        Assert.Equal(StreamPage("""<li id="items-2">TWO</li><li id="items-6">six</li>"""), tree.ToHtml());

        // Prepend with limit 2 keeps the first two.
        tree.Merge("""{"1": {"k": {"0": {"0": "items-7", "1": "seven"}, "kc": 1}, "stream": ["0", [["items-7", 0, 2, false]], []]}}""");
        Assert.Equal(StreamPage("""<li id="items-7">seven</li><li id="items-2">TWO</li>"""), tree.ToHtml());

        // update_only never adds.
        tree.Merge("""{"1": {"k": {"0": {"0": "items-8", "1": "eight"}, "kc": 1}, "stream": ["0", [["items-8", -1, null, true]], []]}}""");
        Assert.Equal(StreamPage("""<li id="items-7">seven</li><li id="items-2">TWO</li>"""), tree.ToHtml());

        // Delete only.
        tree.Merge("""{"1": {"k": {"kc": 0}, "stream": ["0", [], ["items-7"]]}}""");
        Assert.Equal(StreamPage("""<li id="items-2">TWO</li>"""), tree.ToHtml());
    }

    [Fact]
    public void Stream_reset_clears_then_inserts_and_a_false_fourth_element_still_resets()
    {
        var tree = new ClientRenderedTree(StreamJoin, ViewId);

        tree.Merge("""{"1": {"k": {"0": {"0": "items-9", "1": "nine"}, "kc": 1}, "stream": ["0", [["items-9", -1, null, false]], [], true]}}""");
        Assert.Equal(StreamPage("""<li id="items-9">nine</li>"""), tree.ToHtml());

        tree.Merge("""{"1": {"k": {"0": {"0": "items-1", "1": "one"}, "kc": 1}, "stream": ["0", [["items-1", -1, null, false]], [], false]}}""");
        Assert.Equal(StreamPage("""<li id="items-1">one</li>"""), tree.ToHtml());

        // Reset with nothing: empties the container.
        tree.Merge("""{"1": {"k": {"kc": 0}, "stream": ["0", [], [], true]}}""");
        Assert.Equal(StreamPage(""), tree.ToHtml());
    }

    [Fact]
    public void Stream_children_get_data_phx_stream_with_client_markers()
    {
        var tree = new ClientRenderedTree(StreamJoin, ViewId, includeClientMarkers: true);

        Assert.Equal(StreamPage("""<li id="items-1" data-phx-stream="0">one</li><li id="items-2" data-phx-stream="0">two</li>"""), tree.ToHtml());
    }

    [Fact]
    public void Stream_of_components_follows_component_only_patches()
    {
        const string join = """
            {"s": ["<ul id=\"s\" phx-update=\"stream\">", "</ul>"],
             "0": {"s": ["", ""], "k": {"0": {"0": 1}, "1": {"0": 2}, "kc": 2},
                   "stream": ["0", [["i-1", -1, null, false], ["i-2", -1, null, false]], []]},
             "c": {"1": {"s": ["<li id=\"", "\">", "</li>"], "r": 1, "0": "i-1", "1": "a"},
                   "2": {"s": 1, "0": "i-2", "1": "b"}}}
            """;
        var tree = new ClientRenderedTree(join, ViewId);
        const string li1 = """<li data-phx-id="c1-phx-X" data-phx-component="1" data-phx-view="phx-X" id="i-1">""";
        const string li2 = """<li data-phx-id="c2-phx-X" data-phx-component="2" data-phx-view="phx-X" id="i-2">""";
        Assert.Equal($"""<ul id="s" phx-update="stream">{li1}a</li>{li2}b</li></ul>""", tree.ToHtml());

        // The components are only in the DOM now (the cache reset the stream), yet a component-only diff reaches them.
        tree.Merge("""{"c": {"2": {"1": "B"}}}""");
        Assert.Equal(ClientPatchKind.ComponentsOnly, tree.LastPatch);
        Assert.Equal($"""<ul id="s" phx-update="stream">{li1}a</li>{li2}B</li></ul>""", tree.ToHtml());
    }

    [Fact]
    public void Input_objects_are_not_modified()
    {
        var join = JsonNode.Parse(A1)!.AsObject();
        var before = join.ToJsonString();
        var tree = new ClientRenderedTree(join, ViewId);
        var diff = JsonNode.Parse("""{"1": {"k": {"0": 1, "kc": 1, "km": true}}, "t": "x"}""")!.AsObject();
        var diffBefore = diff.ToJsonString();

        tree.Merge(diff);

        Assert.Equal(before, join.ToJsonString());
        Assert.Equal(diffBefore, diff.ToJsonString());
    }
}
