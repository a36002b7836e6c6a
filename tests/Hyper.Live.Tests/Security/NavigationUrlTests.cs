using Hyper.Live.Views;

namespace Hyper.Live.Tests.Security;

public class NavigationUrlTests
{
    private sealed class Page : LiveView
    {
        public override Html Render() => Html.Empty;
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/orders?page=2")]
    [InlineData("/a/b#c")]
    public void Local_paths_are_accepted_everywhere(string path)
    {
        var view = new Page();
        view.PushPatch(path);
        Assert.Equal(path, view.Effects.Navigation!.To);
        view.PushNavigate(path);
        view.Redirect(path);
        Assert.Equal(path, view.Effects.Navigation!.CheckedTo([]));
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example/x")]
    [InlineData("/\t/evil.example/x")]
    [InlineData("https://evil.example/x")]
    [InlineData("javascript:alert(1)")]
    [InlineData("orders")]
    [InlineData(" /orders")]
    [InlineData("")]
    public void Anything_but_a_local_path_is_refused_at_the_call(string url)
    {
        var view = new Page();
        Assert.Contains("only goes to a path on this site", Assert.Throws<ArgumentException>(() => view.PushPatch(url)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => view.PushNavigate(url));
        Assert.Throws<ArgumentException>(() => view.ReplaceNavigate(url));
        Assert.Throws<ArgumentException>(() => view.Redirect(url));
        Assert.Null(view.PendingEffects?.Navigation);
    }

    [Fact]
    public void Redirect_to_another_site_points_to_RedirectExternal()
    {
        var error = Assert.Throws<ArgumentException>(() => new Page().Redirect("https://example.com/"));
        Assert.Contains("use RedirectExternal", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.com/pay?x=1")]
    [InlineData("http://example.com")]
    public void RedirectExternal_takes_http_urls(string url)
    {
        var view = new Page();
        view.RedirectExternal(url);
        Assert.Equal(url, view.Effects.Navigation!.CheckedTo([]));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,x")]
    [InlineData("//example.com/")]
    [InlineData("/local")]
    [InlineData("ftp://example.com/")]
    [InlineData("https://exa\nmple.com/")]
    [InlineData("https:///x")]
    public void RedirectExternal_refuses_other_schemes(string url)
    {
        var error = Assert.Throws<ArgumentException>(() => new Page().RedirectExternal(url));
        Assert.Contains("absolute http:// or https:// URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_navigation_that_bypassed_the_checks_is_not_emitted()
    {
        Assert.Throws<InvalidOperationException>(() => new Navigation(NavigationKind.Redirect, "https://evil.example/", false).CheckedTo([]));
        Assert.Throws<InvalidOperationException>(() => new Navigation(NavigationKind.Patch, "https://evil.example/", false, External: true).CheckedTo([]));
        Assert.Throws<InvalidOperationException>(() => new Navigation(NavigationKind.Redirect, "javascript:alert(1)", false, External: true).CheckedTo([]));
    }

    [Theory]
    [InlineData("http://app.example/nav", "app.example", true)]
    [InlineData("https://APP.example:8443/nav", "app.example", true)]
    [InlineData("http://[::1]:5000/nav", "[::1]", true)]
    [InlineData("http://evil.example/nav", "app.example", false)]
    [InlineData("javascript:/nav", "app.example", false)]
    [InlineData("ws://app.example/nav", "app.example", false)]
    [InlineData("/nav", "app.example", false)]
    [InlineData("http://app.example/nav", null, false)]
    public void Urls_from_the_client_must_be_http_on_the_requests_host(string url, string? host, bool onSite)
    {
        Assert.Equal(onSite, NavigationUrls.OnSite(url, host) is not null);
    }

    [Fact]
    public void External_redirects_are_limited_to_AllowedRedirectHosts_when_set()
    {
        var navigation = new Navigation(NavigationKind.Redirect, "https://pay.example:8443/checkout", false, External: true);
        Assert.Equal("https://pay.example:8443/checkout", navigation.CheckedTo(["PAY.example"]));
        var error = Assert.Throws<InvalidOperationException>(() => navigation.CheckedTo(["bank.example"]));
        Assert.Contains("AllowedRedirectHosts (bank.example)", error.Message, StringComparison.Ordinal);
        Assert.Equal("/local", new Navigation(NavigationKind.Redirect, "/local", false).CheckedTo(["bank.example"]));
    }
}
