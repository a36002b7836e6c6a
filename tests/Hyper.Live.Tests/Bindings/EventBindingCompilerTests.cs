using Hyper.Live.Templates;

namespace Hyper.Live.Tests.Bindings;

/// <summary>Each <c>@event</c> syntax form compiles to the expected <c>phx-*</c> / <c>data-hyper-*</c> markup.</summary>
public class EventBindingCompilerTests
{
    private static string Render(Func<Html> render) => HtmlRenderer.Render(render);

    private static TemplateException Refused(Func<Html> render) => Assert.Throws<TemplateException>(() => HtmlRenderer.Render(render));

    [Fact]
    public void Click_becomes_phx_click_marked_for_bubbling()
    {
        Assert.Equal("""<button phx-click="increment" data-hyper-on="click">+</button>""", Render(() => $"""<button @click="increment">+</button>"""));
    }

    [Fact]
    public void Form_submit_change_focus_and_blur_become_phoenix_bindings()
    {
        Assert.Equal(
            """<form phx-submit="save" phx-change="validate"><input name="a" phx-focus="f" phx-blur="b"></form>""",
            Render(() => $"""<form @submit="save" @change="validate"><input name="a" @focus="f" @blur="b"></form>"""));
        Assert.Equal("""<form phx-change="validate"></form>""", Render(() => $"""<form @input="validate"></form>"""));
    }

    [Fact]
    public void Key_filters_become_phx_key()
    {
        Assert.Equal(
            """<input phx-keydown="add" phx-key="enter" data-hyper-on="keydown.enter">""",
            Render(() => $"""<input @keydown.enter="add">"""));
        Assert.Equal(
            """<input phx-keyup="cancel" phx-key="escape" data-hyper-on="keyup.escape"/>""",
            Render(() => $"""<input @keyup.esc="cancel"/>"""));
        Assert.Equal(
            """<div phx-keydown="go" phx-key=" " data-hyper-on="keydown.space"></div>""",
            Render(() => $"""<div @keydown.space="go"></div>"""));
    }

    [Fact]
    public void A_second_key_on_one_element_goes_through_the_client_module()
    {
        // phx-key filters every key binding of an element, so the Escape binding cannot share it.
        Assert.Equal(
            """<input phx-keydown="save" data-hyper-keydown.escape='[["push",{"event":"cancel"}]]' phx-key="enter" data-hyper-on="keydown.enter keydown.escape">""",
            Render(() => $"""<input @keydown.enter="save" @keydown.escape="cancel">"""));
    }

    [Fact]
    public void Stop_and_prevent_are_listed_for_the_client_module()
    {
        Assert.Equal(
            """<a href="/x" phx-click="open" data-hyper-on="click.stop.prevent">x</a>""",
            Render(() => $"""<a href="/x" @click.stop.prevent="open">x</a>"""));
    }

    [Fact]
    public void Pointer_is_listed_for_the_client_module_on_click_only()
    {
        Assert.Equal(
            """<div phx-click="draw" data-hyper-on="click.stop.pointer"></div>""",
            Render(() => $"""<div @click.pointer.stop="draw"></div>"""));
        Assert.Contains("unknown modifier '.pointer' in @input.pointer", Refused(() => $"""<input @input.pointer="x">""").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Debounce_and_throttle_become_phx_attributes()
    {
        Assert.Equal("""<button phx-click="a" phx-debounce="300" data-hyper-on="click.debounce.300"></button>""", Render(() => $"""<button @click.debounce="a"></button>"""));
        Assert.Equal("""<button phx-click="a" phx-debounce="500" data-hyper-on="click.debounce.500"></button>""", Render(() => $"""<button @click.debounce.500="a"></button>"""));
        Assert.Equal("""<div phx-keydown="a" phx-throttle="100" data-hyper-on="keydown.throttle.100"></div>""", Render(() => $"""<div @keydown.throttle.100="a"></div>"""));
        Assert.Equal("""<div phx-click="a" phx-debounce="blur" data-hyper-on="click.debounce.blur"></div>""", Render(() => $"""<div @click.debounce.blur="a"></div>"""));
    }

    [Fact]
    public void Any_other_event_becomes_a_data_attribute_with_a_push_command()
    {
        Assert.Equal(
            """<li data-hyper-dblclick='[["push",{"event":"edit"}]]' data-hyper-on="dblclick">x</li>""",
            Render(() => $"""<li @dblclick="edit">x</li>"""));
        Assert.Equal(
            """<div data-hyper-mouseenter='[["push",{"event":"hover"}]]' data-hyper-contextmenu='[["push",{"event":"menu"}]]' data-hyper-on="mouseenter contextmenu.prevent"></div>""",
            Render(() => $"""<div @mouseenter="hover" @contextmenu.prevent="menu"></div>"""));
        Assert.Equal(
            """<div data-hyper-frobnicate='[["push",{"event":"x"}]]' data-hyper-on="frobnicate">1</div>""",
            Render(() => $"""<div @frobnicate="x">{1}</div>"""));
    }

    [Fact]
    public void Input_outside_a_form_tag_is_delivered_by_the_client_module_with_its_own_debounce()
    {
        Assert.Equal(
            """<input name="q" data-hyper-input='[["push",{"event":"search","value":{"_args":[{"field":"value"}]}}]]' data-hyper-on="input.debounce.300">""",
            Render(() => $"""<input name="q" @input.debounce.300="search(value)">"""));
    }

    [Fact]
    public void Arguments_become_a_push_with_positional_args()
    {
        Assert.Equal(
            """<form phx-submit='[["push",{"event":"save","value":{"_args":[{"field":"name"},{"field":"email"}]}}]]'></form>""",
            Render(() => $"""<form @submit="save(name, email)"></form>"""));
        Assert.Equal(
            """<b phx-click='[["push",{"event":"delete","value":{"_args":[123]}}]]' data-hyper-on="click"></b>""",
            Render(() => $"""<b @click="delete(123)"></b>"""));
        Assert.Equal(
            """<b phx-click='[["push",{"event":"setColor","value":{"_args":["red"]}}]]' data-hyper-on="click"></b>""",
            Render(() => $"""<b @click="setColor('red')"></b>"""));
        Assert.Equal(
            """<b phx-click='[["push",{"event":"toggle","value":{"_args":[true,null,-1.5]}}]]' data-hyper-on="click"></b>""",
            Render(() => $"""<b @click="toggle(true, null, -1.5)"></b>"""));
        Assert.Equal(
            """<input data-hyper-input='[["push",{"event":"search","value":{"_args":[{"field":"value"},"products",10]}}]]' data-hyper-on="input">""",
            Render(() => $"""<input @input="search(value, 'products', 10)">"""));
        Assert.Equal("""<b phx-click="reset" data-hyper-on="click"></b>""", Render(() => $"""<b @click="reset()"></b>"""));
    }

    [Fact]
    public void Literal_strings_are_escaped_for_json_inside_a_single_quoted_attribute()
    {
        Assert.Equal(
            """<b phx-click='[["push",{"event":"say","value":{"_args":["it\u0027s \u003Cb\u003E \u0026 \u0022q\u0022"]}}]]' data-hyper-on="click"></b>""",
            Render(() => $$"""<b @click='say("it&#39;s <b> &amp; \"q\"")'></b>"""));
    }

    [Fact]
    public void Holes_become_json_arguments_mixed_with_literals()
    {
        var id = 42;
        var name = "O'Brien <x>";
        Assert.Equal(
            """<b phx-click='[["push",{"event":"move","value":{"_args":["42","up","O\u0027Brien \u003Cx\u003E",true]}}]]' data-hyper-on="click"></b>""",
            Render(() => $$"""<b @click="move({{id}}, 'up', {{name}}, {{true}})"></b>"""));
        Assert.Equal(
            """<b phx-click='[["push",{"event":"delete","value":{"_args":["42"]}}]]' data-hyper-on="click"></b>""",
            Render(() => $"<b @click=delete({id})></b>"));
    }

    [Fact]
    public void Delegate_bindings_push_their_binding_id()
    {
        var html = Render(() => $$"""<button @click="{{Noop}}">x</button><i @dblclick.stop="{{() => Noop()}}"></i>""");
        Assert.Matches("""^<button phx-click='\[\["push",\{"event":"~[0-9a-f]{16}"\}\]\]' data-hyper-on="click">x</button><i data-hyper-dblclick='\[\["push",\{"event":"~[0-9a-f]{16}"\}\]\]' data-hyper-on="dblclick.stop"></i>$""", html);
    }

    [Fact]
    public void Delegate_ids_are_stable_across_renders_and_follow_list_keys()
    {
        Html Row(int id) => $$"""<li><button @click="{{() => NoopWith(id)}}">{{id}}</button></li>""";
        string List(params int[] ids) => Render(() => $"<ul>{Html.Each(ids, id => id, Row)}</ul>");

        var first = Ids(List(1, 2, 3));
        var again = Ids(List(1, 2, 3));
        var reordered = Ids(List(3, 1));

        Assert.Equal(first, again);
        Assert.Equal(3, first.Distinct().Count());
        Assert.Equal([first[2], first[0]], reordered);
    }

    [Fact]
    public void Unknown_modifier_is_an_error_naming_the_line()
    {
        var error = Refused(() => $$"""
            <p>x</p>
            <button @click.twice="a">{{1}}</button>
            """);
        Assert.Contains("unknown modifier '.twice'", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 2 of the template at EventBindingCompilerTests.cs:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<div @submit=\"a\"></div>", "@submit belongs on a <form>")]
    [InlineData("<div @click></div>", "@click needs a handler")]
    [InlineData("<div @click=\"\"></div>", "names no handler")]
    [InlineData("<div @click=\"a b\"></div>", "expected '(' or the end after 'a'")]
    [InlineData("<div @click=\"a(1\"></div>", "expected ',' or ')'")]
    [InlineData("<div @click=\"a(x y)\"></div>", "expected ',' or ')'")]
    [InlineData("<div @click=\"a('x)\"></div>", "an unterminated quoted argument")]
    [InlineData("<div @click=\"a(1.2.3)\"></div>", "'1.2.3' is not a number")]
    [InlineData("<div @click=\"a\" @click=\"b\"></div>", "two @click bindings")]
    [InlineData("<div @click.debounce=\"a\" @keydown=\"b\"></div>", "rate-limited differently")]
    [InlineData("<form @change.debounce=\"a\"></form>", "Phoenix reads phx-debounce from each input")]
    [InlineData("<input @blur.throttle=\"a\">", "cannot be rate-limited")]
    [InlineData("<div @mouseenter.debounce.blur=\"a\"></div>", ".debounce.blur works only")]
    [InlineData("<div @keydown.a.b=\"x\"></div>", "filters on two keys")]
    [InlineData("<div @click.debounce.throttle=\"x\"></div>", "more than one .debounce/.throttle")]
    [InlineData("<div @=\"x\"></div>", "is not an event binding")]
    public void Malformed_bindings_are_refused(string template, string message)
    {
        var gaps = new[] { template, null };
        var error = Assert.Throws<TemplateException>(() => TemplateCompilerHarness.Compile(gaps));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Holes_must_be_whole_arguments_or_the_whole_value()
    {
        var x = 1;
        Assert.Contains("a delegate hole must be the whole value", Refused(() => $$"""<b @click="{{x}} (1)"></b>""").Message, StringComparison.Ordinal);
        Assert.Contains("a hole inside a quoted argument", Refused(() => $$"""<b @click="f('a{{x}}')"></b>""").Message, StringComparison.Ordinal);
        Assert.Contains("expected ',' or ')'", Refused(() => $$"""<b @click="f(a{{x}})"></b>""").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_delegate_hole_needs_a_delegate_and_a_delegate_needs_a_binding()
    {
        var text = "save";
        Action handler = Noop;
        Assert.Contains("must hold a delegate", Refused(() => $$"""<b @click="{{text}}"></b>""").Message, StringComparison.Ordinal);
        Assert.Contains("can only be a whole @event value", Refused(() => $$"""<b title="{{handler}}"></b>""").Message, StringComparison.Ordinal);
        Assert.Contains("must return void, Task or ValueTask", Refused(() => $$"""<b @click="{{() => 1}}"></b>""").Message, StringComparison.Ordinal);
    }

    private static List<string> Ids(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "~[0-9a-f]{16}").Select(m => m.Value).ToList();

    private static void Noop()
    {
    }

    private static void NoopWith(int id) => _ = id;
}
