using Hyper.Live.Testing;
using Hyper.Live.Tests.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Hyper.Live.Tests.Views;

/// <summary>The layout's title prefix and suffix (Phoenix's <c>live_title</c>) survive live title changes.</summary>
public sealed class LiveTitleTests
{
    private static Task<LiveTestHost> StartAsync(Action<HyperLiveOptions> configure) =>
        LiveTestHost.StartAsync(
            app =>
            {
                app.MapHyperLive(typeof(LiveTitleTests).Assembly);
                app.MapLive<RoomView>("/room/{room}");
                app.MapLive<CounterView>("/untitled");
            },
            builder => builder.Services.Configure(configure));

    [Fact]
    public async Task The_http_render_writes_prefix_and_suffix_and_a_live_title_change_keeps_them()
    {
        await using var host = await StartAsync(options =>
        {
            options.TitlePrefix = "[dev] ";
            options.TitleSuffix = " · Acme";
        });
        await using var client = host.CreateClient();
        var page = await client.LiveAsync("/room/lobby");

        Assert.Contains("""<title data-prefix="[dev] " data-suffix=" · Acme">[dev] Room lobby · Acme</title>""", page.DeadHtml, StringComparison.Ordinal);
        Assert.Equal("[dev] Room lobby · Acme", page.Title);

        await page.PushHookAsync("rename");

        Assert.Equal("[dev] Renamed · Acme", page.Title);
    }

    [Fact]
    public async Task A_view_without_a_title_gets_the_default_title()
    {
        await using var host = await StartAsync(options =>
        {
            options.TitleSuffix = " · Acme";
            options.DefaultTitle = "Home";
        });
        await using var client = host.CreateClient();
        var page = await client.LiveAsync("/untitled");

        Assert.Contains("""<title data-suffix=" · Acme" data-default="Home">Home · Acme</title>""", page.DeadHtml, StringComparison.Ordinal);
        Assert.Equal("Home · Acme", page.Title);
    }

    [Fact]
    public async Task Without_options_the_title_is_the_views_alone()
    {
        await using var host = await StartAsync(_ => { });
        await using var client = host.CreateClient();
        var page = await client.LiveAsync("/room/lobby");

        Assert.Contains("<title>Room lobby</title>", page.DeadHtml, StringComparison.Ordinal);
    }
}
