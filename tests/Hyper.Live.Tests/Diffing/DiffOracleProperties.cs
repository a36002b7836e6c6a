using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Hyper.Live.Testing;
using Hyper.Live.Diffing;
using Hyper.Live.Templates;

namespace Hyper.Live.Tests.Diffing;

/// <summary>
/// The server differ against the client oracle: random sequences of state changes are rendered through
/// <see cref="Differ"/>, each diff is merged into a <see cref="ClientRenderedTree"/> built from the first
/// render, and after every step the client's HTML must equal the server's full HTML (and a fresh join's).
/// </summary>
public sealed partial class DiffOracleProperties
{
    // HYPER_ORACLE_RUNS raises the count for a soak run without editing the tests.
    private static readonly int Runs =
        int.TryParse(Environment.GetEnvironmentVariable("HYPER_ORACLE_RUNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var runs) && runs > 0 ? runs : 200;
    private const int MaxSteps = 30;

    // Short, colliding texts with everything that needs escaping, plus non-ASCII.
    private static readonly string[] Texts =
        ["", "a", "b", "a b", "<b>x</b>", "Tom & \"Jerry\"", "it's", "ü", "😀", "0", "1 < 2", "\\n"];

    private static readonly Gen<string> TextGen = Gen.Elements(Texts);
    private static readonly Gen<int> IndexGen = Gen.Choose(0, 40);

    // ---------- counter ----------

    private sealed record SetCount(int Value)
    {
        public override string ToString() => $"Set({Value})";
    }

    [Fact]
    public void Counter()
    {
        var op = Gen.Choose(-3, 3).Select(v => new SetCount(v));
        Verify(op, () => new int[1], (state, o) => state[0] += o.Value, state =>
        {
            var count = state[0];
            return $$"""<h2>Count: {{count}}</h2><button phx-click="inc">+</button>""";
        });
    }

    // ---------- conditional branch ----------

    private sealed record Branch(int Which, string User, int Items)
    {
        public override string ToString() => $"Branch({Which}, \"{User}\", {Items})";
    }

    [Fact]
    public void Conditional_branch()
    {
        var op = from which in Gen.Choose(0, 2)
                 from user in TextGen
                 from items in Gen.Choose(0, 3)
                 select new Branch(which, user, items);
        Verify(op, () => new Branch[] { new(2, "", 0) }, (state, o) => state[0] = o, state =>
        {
            var (which, user, items) = (state[0].Which, state[0].User, state[0].Items);
            Html body = which switch
            {
                0 => $$"""<b class="user">{{user}}</b>""",
                1 => $$"""<a href="/cart">{{items}} items for {{user}}</a>""",
                _ => Html.Empty,
            };
            return $$"""<nav>{{body}}</nav><footer>{{items}}</footer>""";
        });
    }

    // ---------- keyed and unkeyed lists of records ----------

    private sealed record Row(int Id, string Text, bool Done);

    private abstract record RowOp;

    private sealed record InsertRow(int At, string Text) : RowOp;

    private sealed record DeleteRow(int At) : RowOp;

    private sealed record MoveRow(int From, int To) : RowOp;

    private sealed record EditRow(int At, string Text) : RowOp;

    private sealed record ToggleRow(int At) : RowOp;

    private sealed record ClearRows : RowOp;

    private sealed record RefillRows(int Count) : RowOp;

    private sealed class RowModel
    {
        public List<Row> Rows { get; } = [new(1, "first", false), new(2, "second", true)];

        public int NextId { get; set; } = 3;
    }

    private static readonly Gen<RowOp> RowOpGen = Gen.Frequency(
        (4, Gen.Zip(IndexGen, TextGen, (at, text) => (RowOp)new InsertRow(at, text))),
        (3, IndexGen.Select(at => (RowOp)new DeleteRow(at))),
        (3, Gen.Zip(IndexGen, IndexGen, (from, to) => (RowOp)new MoveRow(from, to))),
        (3, Gen.Zip(IndexGen, TextGen, (at, text) => (RowOp)new EditRow(at, text))),
        (3, IndexGen.Select(at => (RowOp)new ToggleRow(at))),
        (1, Gen.Constant((RowOp)new ClearRows())),
        (1, Gen.Choose(0, 6).Select(n => (RowOp)new RefillRows(n))));

    private static void ApplyRowOp(RowModel model, RowOp op)
    {
        var rows = model.Rows;
        switch (op)
        {
            case InsertRow(var at, var text):
                rows.Insert(at % (rows.Count + 1), new Row(model.NextId++, text, false));
                break;
            case DeleteRow(var at) when rows.Count > 0:
                rows.RemoveAt(at % rows.Count);
                break;
            case MoveRow(var from, var to) when rows.Count > 0:
                var row = rows[from % rows.Count];
                rows.Remove(row);
                rows.Insert(to % (rows.Count + 1), row);
                break;
            case EditRow(var at, var text) when rows.Count > 0:
                rows[at % rows.Count] = rows[at % rows.Count] with { Text = text };
                break;
            case ToggleRow(var at) when rows.Count > 0:
                rows[at % rows.Count] = rows[at % rows.Count] with { Done = !rows[at % rows.Count].Done };
                break;
            case ClearRows:
                rows.Clear();
                break;
            case RefillRows(var count):
                rows.Clear();
                for (var i = 0; i < count; i++)
                {
                    rows.Add(new Row(model.NextId++, Texts[i % Texts.Length], i % 2 == 0));
                }

                break;
        }
    }

    private static Html RowTemplate(Row row) =>
        $$"""<li id="todo-{{row.Id}}"><input type="checkbox" checked="{{row.Done}}"><span>{{row.Text}}</span></li>""";

    [Fact]
    public void Keyed_list_of_records()
    {
        Verify(RowOpGen, () => new RowModel(), ApplyRowOp, model =>
        {
            var rows = model.Rows;
            return $$"""<ul id="todos">{{Html.Each(rows, r => r.Id, RowTemplate)}}</ul><p>{{rows.Count(r => !r.Done)}} left</p>""";
        });
    }

    [Fact]
    public void Unkeyed_list_of_records()
    {
        Verify(RowOpGen, () => new RowModel(), ApplyRowOp, model =>
        {
            var rows = model.Rows;
            return $$"""<ul id="todos">{{Html.Each(rows, RowTemplate)}}</ul><p>{{rows.Count}}</p>""";
        });
    }

    [Fact]
    public void Keyed_list_with_mixed_entry_templates()
    {
        // Entries alternate between templates by their done flag, so entries carry their own statics.
        Verify(RowOpGen, () => new RowModel(), ApplyRowOp, model =>
            $$"""<ol>{{Html.Each(model.Rows, r => r.Id, r => r.Done
                ? $$"""<li class="done" id="r{{r.Id}}"><s>{{r.Text}}</s></li>"""
                : Html.If(r.Text.Length > 1, $$"""<li id="r{{r.Id}}">{{r.Text}}</li>""", $$"""<li id="r{{r.Id}}"><em>{{r.Text}}</em></li>"""))}}</ol>""");
    }

    [Fact]
    public void Slot_switching_between_lists_text_and_templates()
    {
        // The same slot holds a keyed list, an unkeyed list, text, nothing or a nested template,
        // chosen by the row count, so every kind of replacement happens.
        Verify(RowOpGen, () => new RowModel(), ApplyRowOp, model =>
        {
            var rows = model.Rows;
            Html body = (rows.Count % 5) switch
            {
                0 => Html.Each(rows, r => r.Id, RowTemplate),
                1 => Html.Each(rows, RowTemplate),
                2 => $$"""<p>{{rows.Count}} rows, first: {{rows[0].Text}}</p>""",
                3 => Html.Empty,
                _ => $$"""<table>{{Html.Each(rows, r => r.Id, r => $$"""<tr><td>{{r.Text}}</td><td>{{Html.If(r.Done, $$"""<b>done</b>""")}}</td></tr>""")}}</table>""",
            };
            return $$"""<div id="box">{{body}}</div>""";
        });
    }

    // ---------- list of lists ----------

    private sealed record Group(int Id, string Name, List<string> Items);

    private sealed class GroupModel
    {
        public List<Group> Groups { get; } = [new(1, "one", ["a"]), new(2, "two", [])];

        public int NextId { get; set; } = 3;
    }

    private abstract record GroupOp;

    private sealed record AddGroup(int At, string Name) : GroupOp;

    private sealed record RemoveGroup(int At) : GroupOp;

    private sealed record MoveGroup(int From, int To) : GroupOp;

    private sealed record RenameGroup(int At, string Name) : GroupOp;

    private sealed record AddItem(int Group, int At, string Text) : GroupOp;

    private sealed record RemoveItem(int Group, int At) : GroupOp;

    private sealed record EditItem(int Group, int At, string Text) : GroupOp;

    private static readonly Gen<GroupOp> GroupOpGen = Gen.Frequency(
        (2, Gen.Zip(IndexGen, TextGen, (at, name) => (GroupOp)new AddGroup(at, name))),
        (1, IndexGen.Select(at => (GroupOp)new RemoveGroup(at))),
        (2, Gen.Zip(IndexGen, IndexGen, (from, to) => (GroupOp)new MoveGroup(from, to))),
        (1, Gen.Zip(IndexGen, TextGen, (at, name) => (GroupOp)new RenameGroup(at, name))),
        (4, from g in IndexGen from at in IndexGen from text in TextGen select (GroupOp)new AddItem(g, at, text)),
        (2, Gen.Zip(IndexGen, IndexGen, (g, at) => (GroupOp)new RemoveItem(g, at))),
        (3, from g in IndexGen from at in IndexGen from text in TextGen select (GroupOp)new EditItem(g, at, text)));

    private static void ApplyGroupOp(GroupModel model, GroupOp op)
    {
        var groups = model.Groups;
        switch (op)
        {
            case AddGroup(var at, var name):
                groups.Insert(at % (groups.Count + 1), new Group(model.NextId++, name, []));
                break;
            case RemoveGroup(var at) when groups.Count > 0:
                groups.RemoveAt(at % groups.Count);
                break;
            case MoveGroup(var from, var to) when groups.Count > 0:
                var group = groups[from % groups.Count];
                groups.Remove(group);
                groups.Insert(to % (groups.Count + 1), group);
                break;
            case RenameGroup(var at, var name) when groups.Count > 0:
                groups[at % groups.Count] = groups[at % groups.Count] with { Name = name };
                break;
            case AddItem(var g, var at, var text) when groups.Count > 0:
                var items = groups[g % groups.Count].Items;
                items.Insert(at % (items.Count + 1), text);
                break;
            case RemoveItem(var g, var at) when groups.Count > 0 && groups[g % groups.Count].Items.Count > 0:
                groups[g % groups.Count].Items.RemoveAt(at % groups[g % groups.Count].Items.Count);
                break;
            case EditItem(var g, var at, var text) when groups.Count > 0 && groups[g % groups.Count].Items.Count > 0:
                var list = groups[g % groups.Count].Items;
                list[at % list.Count] = text;
                break;
        }
    }

    [Fact]
    public void List_of_lists()
    {
        Verify(GroupOpGen, () => new GroupModel(), ApplyGroupOp, model =>
            $$"""<main>{{Html.Each(model.Groups, g => g.Id, g => $$"""<section id="g{{g.Id}}"><h3>{{g.Name}}</h3><ul>{{Html.Each(g.Items, item => $$"""<li>{{item}}</li>""")}}</ul></section>""")}}</main>""");
    }

    // ---------- list of plain strings ----------

    private abstract record WordOp;

    private sealed record AddWord(int At, string Word) : WordOp;

    private sealed record RemoveWord(int At) : WordOp;

    private sealed record ReplaceWord(int At, string Word) : WordOp;

    private static readonly Gen<WordOp> WordOpGen = Gen.Frequency(
        (3, Gen.Zip(IndexGen, TextGen, (at, word) => (WordOp)new AddWord(at, word))),
        (2, IndexGen.Select(at => (WordOp)new RemoveWord(at))),
        (2, Gen.Zip(IndexGen, TextGen, (at, word) => (WordOp)new ReplaceWord(at, word))));

    private static void ApplyWordOp(List<string> words, WordOp op)
    {
        switch (op)
        {
            case AddWord(var at, var word):
                words.Insert(at % (words.Count + 1), word);
                break;
            case RemoveWord(var at) when words.Count > 0:
                words.RemoveAt(at % words.Count);
                break;
            case ReplaceWord(var at, var word) when words.Count > 0:
                words[at % words.Count] = word;
                break;
        }
    }

    [Fact]
    public void List_of_plain_strings()
    {
        Verify(WordOpGen, () => new List<string> { "hello" }, ApplyWordOp, words =>
        {
            IEnumerable<string> items = words;
            return $$"""<p class="words">{{items}}</p><span>{{words.Count}}</span>""";
        });
    }

    // ---------- harness ----------

    /// <summary>A generated run: the operations applied one per step (printed on failure).</summary>
    private sealed record Scenario<TOp>(TOp[] Ops)
    {
        public override string ToString() => $"[{string.Join(", ", Ops.Select(o => o!.ToString()))}]";
    }

    private static void Verify<TModel, TOp>(Gen<TOp> opGen, Func<TModel> create, Action<TModel, TOp> apply, Func<TModel, Html> view)
    {
        var scenarios = Gen.Choose(0, MaxSteps)
            .SelectMany(n => Gen.ArrayOf(opGen, n))
            .Select(ops => new Scenario<TOp>(ops));
        var arbitrary = Arb.From(scenarios, Shrink);
        var property = Prop.ForAll(arbitrary, scenario => Run(scenario, create, apply, view));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Runs), property);
    }

    /// <summary>Shorter runs first: halves, then each single operation left out.</summary>
    private static IEnumerable<Scenario<TOp>> Shrink<TOp>(Scenario<TOp> scenario)
    {
        var ops = scenario.Ops;
        if (ops.Length == 0)
        {
            yield break;
        }

        if (ops.Length > 1)
        {
            yield return new Scenario<TOp>(ops[..(ops.Length / 2)]);
            yield return new Scenario<TOp>(ops[(ops.Length / 2)..]);
        }

        for (var i = 0; i < ops.Length; i++)
        {
            yield return new Scenario<TOp>([.. ops[..i], .. ops[(i + 1)..]]);
        }
    }

    private static void Run<TModel, TOp>(Scenario<TOp> scenario, Func<TModel> create, Action<TModel, TOp> apply, Func<TModel, Html> view)
    {
        var model = create();
        var differ = new Differ();
        Html Render() => view(model);

        var join = differ.RenderJson(Render);
        var tree = new ClientRenderedTree(join);
        Expect(0, "join", join, tree, Render);

        for (var step = 0; step < scenario.Ops.Length; step++)
        {
            var op = scenario.Ops[step];
            apply(model, op);
            var diff = differ.RenderJson(Render);
            try
            {
                tree.Merge(diff);
            }
            catch (InvalidOperationException e)
            {
                throw new InvalidOperationException($"Step {step + 1} ({op}): the client rejects diff {diff}: {e.Message}", e);
            }

            Expect(step + 1, op!.ToString()!, diff, tree, Render);
            DestroyRemovedRows(step + 1, differ, tree);

            var again = differ.RenderJson(Render);
            if (again != "{}")
            {
                throw new InvalidOperationException($"Step {step + 1} ({op}): rendering the same state again gave {again}, expected {{}}.");
            }
        }
    }

    private static void Expect(int step, string op, string diff, ClientRenderedTree tree, Func<Html> render)
    {
        var expected = HtmlRenderer.Render(render);
        var actual = WithoutComponentMarkers(tree.ToHtml());
        var full = new Differ().RenderJson(render);
        var fresh = WithoutComponentMarkers(new ClientRenderedTree(full).ToHtml());

        var problems = new StringBuilder();
        if (actual != expected)
        {
            problems.Append(CultureInfo.InvariantCulture, $"\n  client after diff: {actual}\n  server HTML:       {expected}");
        }

        if (fresh != expected)
        {
            problems.Append(CultureInfo.InvariantCulture, $"\n  fresh join renders: {fresh}\n  server HTML:        {expected}\n  join JSON: {full}");
        }

        if (Encoding.UTF8.GetByteCount(diff) > Encoding.UTF8.GetByteCount(full))
        {
            problems.Append(CultureInfo.InvariantCulture, $"\n  diff ({Encoding.UTF8.GetByteCount(diff)} bytes) is larger than a full render ({Encoding.UTF8.GetByteCount(full)} bytes): {full}");
        }

        if (problems.Length > 0)
        {
            throw new InvalidOperationException($"Step {step} ({op}), diff {diff}:{problems}");
        }
    }

    /// <summary>
    /// The destroy handshake after a patch: the rows the page no longer shows must all be confirmed gone, and the
    /// client drops them from its cache, so a later diff that still referred to one (as <c>"s": -cid</c>) would fail.
    /// </summary>
    private static void DestroyRemovedRows(int step, Differ differ, ClientRenderedTree tree)
    {
        var shown = ComponentElement().Matches(tree.ToHtml()).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToHashSet();
        var absent = tree.ComponentIds.Where(cid => !shown.Contains(cid)).ToList();
        var confirmed = differ.RetiredRows(absent).ToList();
        if (!confirmed.SequenceEqual(absent))
        {
            throw new InvalidOperationException($"Step {step}: rows gone from the page {string.Join(",", absent)}, confirmed {string.Join(",", confirmed)}.");
        }

        tree.PruneComponents(confirmed);
    }

    [System.Text.RegularExpressions.GeneratedRegex("data-phx-component=\"([0-9]+)\"")]
    private static partial System.Text.RegularExpressions.Regex ComponentElement();

    /// <summary>
    /// The client tags each component's root element (keyed rows become row components) with attributes the
    /// server's HTML render does not have; they are checked in SkipUnchangedTests, not here.
    /// </summary>
    private static string WithoutComponentMarkers(string html) =>
        ComponentMarkers().Replace(html, "");

    [System.Text.RegularExpressions.GeneratedRegex(" data-phx-id=\"c[0-9]+-phx-view\" data-phx-component=\"[0-9]+\" data-phx-view=\"phx-view\"")]
    private static partial System.Text.RegularExpressions.Regex ComponentMarkers();
}
