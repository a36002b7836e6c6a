using System.Net;
using Hyper.Live.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Hyper.Live.Tests.Hosting;

/// <summary>What the HTTP render of a live page answers: redirects that stay on the site, framing headers, the script nonce.</summary>
public sealed class LivePageHttpTests
{
    private static Task<LiveTestHost> StartAsync(Action<HyperLiveOptions>? configure = null) =>
        LiveTestHost.StartAsync(
            app =>
            {
                app.MapHyperLive(typeof(LivePageHttpTests).Assembly);
                app.MapLive<RedirectingView>("/go");
            },
            builder => builder.Services.Configure(configure ?? (_ => { })));

    /// <summary>The response, or the exception the app threw (the in-memory server rethrows it to the caller).</summary>
    private static async Task<(HttpResponseMessage? Response, Exception? Error)> GetAsync(LiveTestHost host, string path)
    {
        using var http = host.Server.CreateClient();
        try
        {
            return (await http.GetAsync(new Uri(path, UriKind.Relative)), null);
        }
        catch (Exception error) when (error is not Xunit.Sdk.XunitException)
        {
            return (null, error);
        }
    }

    [Fact]
    public async Task Redirect_during_the_http_render_goes_to_a_local_path()
    {
        await using var host = await StartAsync();
        var (response, _) = await GetAsync(host, "/go?go=local");

        Assert.Equal(HttpStatusCode.Redirect, response!.StatusCode);
        Assert.Equal("/done?x=1", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task RedirectExternal_during_the_http_render_leaves_the_site()
    {
        await using var host = await StartAsync();
        var (response, _) = await GetAsync(host, "/go?go=external");

        Assert.Equal("https://pay.example/checkout", response!.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task RedirectExternal_to_a_host_not_in_AllowedRedirectHosts_is_not_sent()
    {
        await using var host = await StartAsync(options => options.AllowedRedirectHosts.Add("bank.example"));
        var (response, error) = await GetAsync(host, "/go?go=external");

        Assert.Null(response?.Headers.Location);
        Assert.True(response?.StatusCode == HttpStatusCode.InternalServerError || error is InvalidOperationException, $"{response?.StatusCode} {error}");
    }

    [Theory]
    [InlineData("protocol-relative", typeof(ArgumentException))]
    [InlineData("bypass", typeof(InvalidOperationException))]
    public async Task The_http_render_never_redirects_off_site_unasked(string go, Type expected)
    {
        await using var host = await StartAsync();
        var (response, error) = await GetAsync(host, "/go?go=" + go);

        Assert.Null(response?.Headers.Location);
        if (response is null)
        {
            Assert.IsType(expected, error);
        }
        else
        {
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        }
    }

    [Fact]
    public async Task Live_pages_may_only_be_framed_by_the_same_origin_by_default()
    {
        await using var host = await StartAsync();
        var (response, _) = await GetAsync(host, "/go");

        Assert.Equal(HttpStatusCode.OK, response!.StatusCode);
        Assert.Equal(["SAMEORIGIN"], response.Headers.GetValues("X-Frame-Options"));
        Assert.Equal(["frame-ancestors 'self'"], response.Headers.GetValues("Content-Security-Policy"));
    }

    [Theory]
    [InlineData("'none'", "DENY")]
    [InlineData("https://portal.example", null)]
    public async Task FrameAncestors_sets_the_policy(string ancestors, string? frameOptions)
    {
        await using var host = await StartAsync(options => options.FrameAncestors = ancestors);
        var (response, _) = await GetAsync(host, "/go");

        Assert.Equal(["frame-ancestors " + ancestors], response!.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(frameOptions, response.Headers.TryGetValues("X-Frame-Options", out var values) ? Assert.Single(values) : null);
    }

    [Fact]
    public async Task FrameAncestors_null_sends_no_framing_headers()
    {
        await using var host = await StartAsync(options => options.FrameAncestors = null);
        var (response, _) = await GetAsync(host, "/go");

        Assert.False(response!.Headers.Contains("X-Frame-Options"));
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task The_client_script_tag_carries_the_apps_csp_nonce()
    {
        await using var host = await StartAsync(options => options.ScriptNonce = context => (string?)context.Items["nonce"] ?? "r4nd0m+/=");
        var (response, _) = await GetAsync(host, "/go");

        var html = await response!.Content.ReadAsStringAsync();
        Assert.Matches("""<script defer phx-track-static nonce="r4nd0m\+/=" src="[^"]+"[^>]*></script>""", html);
    }

    [Fact]
    public async Task Without_a_nonce_the_script_tag_has_no_nonce_attribute()
    {
        await using var host = await StartAsync();
        var (response, _) = await GetAsync(host, "/go");

        Assert.DoesNotContain("nonce", await response!.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
