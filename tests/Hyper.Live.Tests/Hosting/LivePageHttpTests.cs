using System.Net;
using Hyper.Live.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Hyper.Live.Tests.Hosting;

/// <summary>What the HTTP render of a live page answers: redirects that stay on the site.</summary>
public sealed class LivePageHttpTests
{
    private static Task<LiveTestHost> StartAsync(Action<HyperLiveOptions>? configure = null) =>
        LiveTestHost.Start(
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
}
