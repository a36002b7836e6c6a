using Hyper.Live.Templates;

namespace Hyper.Live.Tests.Templates;

public class UrlHoleTests
{
    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("  javascript:alert(1)")]
    [InlineData("\u0001javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("java\nscript:alert(1)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("data:image/png;base64,AAAA")]
    public void A_script_url_from_a_hole_renders_as_an_inert_fragment(string url)
    {
        Assert.Equal("""<a href="#">x</a>""", HtmlRenderer.Render(() => $"""<a href="{url}">x</a>"""));
        Assert.Equal("""<form action="#"></form>""", HtmlRenderer.Render(() => $"<form action={url}></form>"));
        Assert.Equal("""<iframe src="#"></iframe>""", HtmlRenderer.Render(() => $"""<iframe src='{url}'></iframe>""").Replace('\'', '"'));
        Assert.Equal("""<button formaction="#"></button>""", HtmlRenderer.Render(() => $"""<button formaction="{url}"></button>"""));
    }

    [Theory]
    [InlineData("/orders?page=2")]
    [InlineData("https://example.com/a?b=c")]
    [InlineData("mailto:ann@example.com")]
    [InlineData("orders/1")]
    [InlineData("#top")]
    [InlineData("javascript")]
    public void Ordinary_urls_render_unchanged(string url)
    {
        Assert.Equal($"""<a href="{url}">x</a>""", HtmlRenderer.Render(() => $"""<a href="{url}">x</a>"""));
    }

    [Fact]
    public void An_image_source_may_be_an_image_data_url_but_not_other_data()
    {
        var image = "data:image/png;base64,AAAA";
        var page = "data:text/html,x";
        Assert.Equal($"""<img src="{image}">""", HtmlRenderer.Render(() => $"""<img src="{image}">"""));
        Assert.Equal("""<img src="#">""", HtmlRenderer.Render(() => $"""<img src="{page}">"""));
    }

    [Fact]
    public void A_hole_after_literal_text_in_a_url_is_not_a_scheme()
    {
        var id = "javascript:x";
        Assert.Equal("""<a href="/users/javascript:x">x</a>""", HtmlRenderer.Render(() => $"""<a href="/users/{id}">x</a>"""));
    }

    [Fact]
    public void Live_diffs_replace_script_urls_too()
    {
        var url = "javascript:alert(1)";
        var json = new Hyper.Live.Diffing.Differ().RenderJson(() => $"""<a href="{url}">x</a>""");
        Assert.Contains("\"0\":\"#\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Attribute_sets_refuse_script_urls_and_event_handlers()
    {
        var link = new Dictionary<string, object?> { ["href"] = "javascript:alert(1)", ["title"] = "t" };
        Assert.Equal("""<a href="#" title="t">x</a>""", HtmlRenderer.Render(() => $"""<a {link}>x</a>"""));
        var handler = new Dictionary<string, object?> { ["onclick"] = "alert(1)" };
        var error = Assert.Throws<TemplateException>(() => HtmlRenderer.Render(() => $"""<a {handler}>x</a>"""));
        Assert.Contains("onclick", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Holes_in_event_handler_attributes_are_refused_with_the_template_line()
    {
        var code = "alert(1)";
        var error = Assert.Throws<TemplateException>(() => HtmlRenderer.Render(() => $$"""
            <p>fine</p>
            <button onclick="go({{code}})">x</button>
            """));
        Assert.Contains("line 2 of the template at UrlHoleTests.cs:", error.Message, StringComparison.Ordinal);
        Assert.Contains("'onclick'", error.Message, StringComparison.Ordinal);
        Assert.Throws<TemplateException>(() => HtmlRenderer.Render(() => $"<img onerror={code}>"));
        Assert.Throws<TemplateException>(() => HtmlRenderer.Render(() => $"""<div ONMOUSEOVER='{code}'></div>"""));
    }

    [Fact]
    public void Holes_in_srcdoc_are_refused()
    {
        var html = "<script>alert(1)</script>";
        Assert.Contains("'srcdoc'", Assert.Throws<TemplateException>(() => HtmlRenderer.Render(() => $"""<iframe srcdoc="{html}"></iframe>""")).Message, StringComparison.Ordinal);
    }
}
