using Hyper.Live.Diffing;
using Hyper.Live.Templates;

namespace Hyper.Live.Tests.Templates;

public class TemplateCompilerTests
{
    private static string Statics(Func<Html> render)
    {
        var json = new Differ().RenderJson(render);
        return json[json.IndexOf("\"s\":", StringComparison.Ordinal)..];
    }

    [Fact]
    public void Hole_inside_a_tag_name_is_an_error_with_the_template_line()
    {
        var tag = "div";
        var error = Assert.Throws<TemplateException>(() => HtmlRenderer.Render(() => $$"""
            <p>fine</p>
            <{{tag}}>x</div>
            """));
        Assert.Contains("a hole inside a tag name", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 2 of the template at TemplateCompilerTests.cs:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hole_inside_a_comment_or_attribute_name_is_an_error()
    {
        var x = "a";
        Assert.Contains("comment", Assert.Throws<TemplateException>(() => HtmlRenderer.Render(() => $"<!-- {x} -->")).Message, StringComparison.Ordinal);
        Assert.Contains("attribute name", Assert.Throws<TemplateException>(() => HtmlRenderer.Render(() => $"""<div data-{x}="1"></div>""")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refused_attribute_sets_name_the_template_line()
    {
        var handler = new Dictionary<string, object?> { ["onclick"] = "alert(1)" };
        var error = Assert.Throws<TemplateException>(() => HtmlRenderer.Render(() => $$"""
            <p>fine</p>
            <a {{handler}}>x</a>
            """));
        Assert.Contains("line 2 of the template at TemplateCompilerTests.cs:", error.Message, StringComparison.Ordinal);
        Assert.Contains("'onclick'", error.Message, StringComparison.Ordinal);

        var badName = new Dictionary<string, object?> { ["a b"] = "1" };
        error = Assert.Throws<TemplateException>(() => HtmlRenderer.Render(() => $"""<div {badName}></div>"""));
        Assert.Contains("line 1 of the template at TemplateCompilerTests.cs:", error.Message, StringComparison.Ordinal);
        Assert.Contains("'a b' is not a valid attribute name", error.Message, StringComparison.Ordinal);

        var notASet = 42;
        error = Assert.Throws<TemplateException>(() => new Differ().RenderJson(() => $$"""
            <p>fine</p>

            <div {{notASet}}></div>
            """));
        Assert.Contains("line 3 of the template at TemplateCompilerTests.cs:", error.Message, StringComparison.Ordinal);
        Assert.Contains("expects attributes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unterminated_attribute_quote_is_an_error()
    {
        var x = 1;
        var error = Assert.Throws<TemplateException>(() => HtmlRenderer.Render(() => $"""<div class="a{x}>text"""));
        Assert.Contains("unterminated quote", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unquoted_attribute_values_are_quoted_so_a_hole_cannot_escape_them()
    {
        var cls = "a b onclick=x";
        Assert.Equal("""<div class="a b onclick=x" id="main">""", HtmlRenderer.Render(() => $"<div class={cls} id=main>"));
    }

    [Fact]
    public void Boolean_attribute_works_unquoted_and_single_quoted_and_for_nullable()
    {
        var on = true;
        bool? unknown = null;
        Assert.Equal("<option selected><input>", HtmlRenderer.Render(() => $"<option selected={on}><input disabled='{unknown}'>"));
    }

    [Fact]
    public void Bool_in_text_or_inside_a_longer_value_renders_true_or_false()
    {
        var flag = false;
        Assert.Equal("""<p data-x="v-false">false</p>""", HtmlRenderer.Render(() => $"""<p data-x="v-{flag}">{flag}</p>"""));
    }

    [Fact]
    public void Attribute_sets_render_where_an_attribute_would_start()
    {
        var attributes = new Dictionary<string, object?> { ["id"] = "a\"b", ["hidden"] = true, ["disabled"] = false, ["data-n"] = 3 };
        Assert.Equal("""<div class="x" id="a&quot;b" hidden data-n="3"></div>""", HtmlRenderer.Render(() => $"""<div class="x" {attributes}></div>"""));
    }

    [Fact]
    public void Script_holes_are_json_that_cannot_close_the_script()
    {
        var name = "</script><b>";
        var n = 3;
        Assert.Equal("""<script>var a = "\u003C/script\u003E\u003Cb\u003E", n = 3;</script>""", HtmlRenderer.Render(() => $"<script>var a = {name}, n = {n};</script>"));
    }

    [Fact]
    public void Style_holes_are_refused()
    {
        var color = "red";
        Assert.Contains("<style>", Assert.Throws<TemplateException>(() => HtmlRenderer.Render(() => $"<style>p {{ color: {color} }}</style>")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Textarea_and_title_holes_are_escaped_text()
    {
        var text = "</textarea><b>";
        Assert.Equal("<textarea>&lt;/textarea&gt;&lt;b&gt;</textarea>", HtmlRenderer.Render(() => $"<textarea>{text}</textarea>"));
    }

    [Fact]
    public void Html_in_an_attribute_value_is_refused()
    {
        Assert.Throws<TemplateException>(() => HtmlRenderer.Render(() => $"""<a title="{Html.Raw("<b>")}">x</a>"""));
    }

    [Fact]
    public void Same_template_text_compiles_once_and_statics_are_shared()
    {
        Html First(int v) => $"<i>{v}</i>";
        Html Second(int v) => $"<i>{v}</i>";
        Assert.Equal(Statics(() => First(1)), Statics(() => Second(2)));
        Assert.Equal("""{"0":"2"}""", DiffAcross(First, Second));

        static string DiffAcross(Func<int, Html> a, Func<int, Html> b)
        {
            var differ = new Differ();
            differ.RenderJson(() => a(1));
            return differ.RenderJson(() => b(2));
        }
    }

    [Fact]
    public void Html_kept_from_an_earlier_render_is_refused()
    {
        Html kept = default;
        var differ = new Differ();
        differ.RenderJson(() => kept = $"<p>{1}</p>");
        var error = Assert.Throws<InvalidOperationException>(() => differ.RenderJson(() => $"<div>{kept}</div>"));
        Assert.Contains("earlier render", error.Message, StringComparison.Ordinal);
    }

    private static readonly Html Footer = $"<footer>{2026}</footer>";

    [Fact]
    public void Html_built_outside_a_render_stays_valid()
    {
        Assert.Equal("<main><footer>2026</footer></main>", HtmlRenderer.Render(() => $"<main>{Footer}</main>"));
        Assert.Equal("<main><footer>2026</footer></main>", HtmlRenderer.Render(() => $"<main>{Footer}</main>"));
    }
}
