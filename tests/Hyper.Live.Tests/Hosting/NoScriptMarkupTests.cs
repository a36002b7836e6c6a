using System.Text.Json;
using Hyper.Live.Hosting;

namespace Hyper.Live.Tests.Hosting;

/// <summary>How the HTTP render's markup is made to work without JavaScript.</summary>
public sealed class NoScriptMarkupTests
{
    private const string Hidden = """<input type="hidden" name="_csrf_token" value="t">""";

    [Fact]
    public void A_live_form_posts_to_the_page_with_its_binding_and_the_hidden_fields()
    {
        var html = NoScriptMarkup.Rewrite("""<form id="f" phx-submit="save" phx-value-kind="a&amp;b"><input name="x"></form>""", Hidden);

        Assert.StartsWith("""<form id="f" phx-submit="save" phx-value-kind="a&amp;b" method="post"><input type="hidden" name="_hyper_submit" value="{&quot;b&quot;:&quot;save&quot;,&quot;v&quot;:{&quot;kind&quot;:&quot;a\u0026b&quot;}}">""" + Hidden + """<input name="x"></form>""", html);
    }

    [Fact]
    public void A_form_with_its_own_action_or_without_phx_submit_is_left_alone()
    {
        const string own = """<form action="/login" method="post" phx-submit="x"><button>Go</button></form><form><input></form>""";

        Assert.Equal(own + Trailer, NoScriptMarkup.Rewrite(own, Hidden));
    }

    [Fact]
    public void A_click_button_outside_a_live_form_submits_the_hidden_form_with_its_binding_values_and_own_value()
    {
        var html = NoScriptMarkup.Rewrite("""<button type="button" class=b phx-click='[["push",{"event":"toggle","value":{"_args":["3"]}}]]' phx-value-id="3" value="v">T</button>""", Hidden);

        var tag = html[..html.IndexOf('>', StringComparison.Ordinal)];
        Assert.Contains("""form="hyper-live-noscript""", tag, StringComparison.Ordinal);
        Assert.Contains("""type="submit" name="_hyper_click""", tag, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"button\"", tag, StringComparison.Ordinal);
        Assert.Contains("class=b", tag, StringComparison.Ordinal);
        var posted = JsonDocument.Parse(System.Net.WebUtility.HtmlDecode(tag[(tag.IndexOf("value=\"", StringComparison.Ordinal) + 7)..tag.IndexOf("\" form=", StringComparison.Ordinal)])).RootElement;
        Assert.Equal("""[["push",{"event":"toggle","value":{"_args":["3"]}}]]""", posted.GetProperty("b").GetString());
        Assert.Equal("3", posted.GetProperty("v").GetProperty("id").GetString());
        Assert.Equal("v", posted.GetProperty("v").GetProperty("value").GetString());
        Assert.EndsWith(Trailer, html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_click_button_inside_a_live_form_submits_that_form()
    {
        var html = NoScriptMarkup.Rewrite("""<form phx-submit="save"><button phx-click="clear">C</button></form><button phx-click="other">O</button>""", Hidden);

        Assert.Contains("""<button phx-click="clear" type="submit" name="_hyper_click" value="{&quot;b&quot;:&quot;clear&quot;,&quot;v&quot;:{}}">""", html, StringComparison.Ordinal);
        Assert.Contains("""<button phx-click="other" type="submit" name="_hyper_click" value="{&quot;b&quot;:&quot;other&quot;,&quot;v&quot;:{}}" form="hyper-live-noscript">""", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_raw_text_and_other_elements_are_copied_as_they_are()
    {
        const string source = """<!-- <button phx-click="x"> --><script>if (a < b) "<form phx-submit='y'>"</script><textarea><button phx-click="z"></textarea><a phx-click="k" href="/">k</a> 1 < 2""";

        Assert.Equal(source + Trailer, NoScriptMarkup.Rewrite(source, Hidden));
    }

    private static string Trailer => """<form id="hyper-live-noscript" method="post" hidden>""" + Hidden + "</form>";
}
