using Hyper.Live.Tests.Bindings;

namespace Hyper.Live.Tests.Templates;

/// <summary>
/// The compile-time single-root flag: only a template that renders exactly one element may be sent with
/// <c>"r": 1</c>, since the client rewrites the first tag and drops anything after the root when it skips.
/// </summary>
public class SingleRootTests
{
    [Theory]
    [InlineData("<tr><td>", "</td></tr>")]
    [InlineData("\n  <li class=\"x\">", "</li>\n")]
    [InlineData("<div><br><img src=\"a.png\"><p>", "</p></div>")]
    [InlineData("<svg><path d=\"", "\"/></svg>")]
    [InlineData("<div title=\"a > b\"><script>if (a < b) {}</script>", "</div>")]
    public void One_element_is_a_single_root(string before, string after) =>
        Assert.True(TemplateCompilerHarness.Compile([before, after]).IsSingleRoot);

    [Theory]
    [InlineData("<h3>", "</h3><ul></ul>")]
    [InlineData("text <b>", "</b>")]
    [InlineData("<b>", "</b> trailing")]
    [InlineData("", "")]
    [InlineData("<b>a</b>", "")]
    [InlineData("<!-- note --><b>", "</b>")]
    [InlineData("<ul><li>a<li>", "</ul>")]
    [InlineData("<br><br>", "")]
    [InlineData("</p><p>", "")]
    [InlineData("<input value=\"", "\">")]
    [InlineData("<li><input type=\"checkbox\" checked=\"", "\"></li>")]
    [InlineData("<label><select><option>", "</option></select></label>")]
    [InlineData("<textarea>", "</textarea>")]
    public void Siblings_text_holes_comments_or_form_controls_are_not(string before, string after) =>
        Assert.False(TemplateCompilerHarness.Compile([before, after]).IsSingleRoot);

    [Fact]
    public void Plain_text_and_empty_templates_are_not()
    {
        Assert.False(TemplateCompilerHarness.Compile(["hello"]).IsSingleRoot);
        Assert.False(TemplateCompilerHarness.Compile([""]).IsSingleRoot);
        Assert.True(TemplateCompilerHarness.Compile(["<hr>"]).IsSingleRoot);
    }
}
