using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Hyper.Live.Samples.Tests;

/// <summary>The samples' layout, and replacing services per test with <c>WithWebHostBuilder</c> as the README shows.</summary>
public sealed class LayoutTests(WebApplicationFactory<Program> app) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Every_page_has_the_stylesheet_the_navigation_and_the_banner_settings()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/todos");

        Assert.Contains("""<link rel="stylesheet" href="/samples.css">""", page.DeadHtml, StringComparison.Ordinal);
        Assert.Contains("""<a href="/todos" aria-current="page">Todos</a>""", page.DeadHtml, StringComparison.Ordinal);
        Assert.Contains("""data-connection-banner="Connection lost. Reconnecting…" data-connection-banner-delay="1000" """.TrimEnd(), page.DeadHtml, StringComparison.Ordinal);
        Assert.Equal("Samples · Hyper.Live", page.Title);

        using var http = app.CreateClient();
        using var css = await http.GetAsync(new Uri("/samples.css", UriKind.Relative));
        Assert.Equal("text/css; charset=utf-8", css.Content.Headers.ContentType?.ToString());
        Assert.Contains(".hyper-connection-banner", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Services_replaced_with_WithWebHostBuilder_reach_the_page()
    {
        using var quiet = app.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.Configure<HyperLiveOptions>(options =>
            {
                options.ConnectionBanner = null;
                options.ConnectionBannerDelay = TimeSpan.FromMilliseconds(250);
            })));
        await using var client = quiet.CreateLiveClient();
        var page = await client.LiveAsync("/counter");

        Assert.Contains("""data-connection-banner="" data-connection-banner-delay="250" """.TrimEnd(), page.DeadHtml, StringComparison.Ordinal);
    }
}
