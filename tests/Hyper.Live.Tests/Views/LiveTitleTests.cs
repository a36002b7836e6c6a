using Hyper.Live.Testing;
using Hyper.Live.Tests.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Hyper.Live.Tests.Views;

/// <summary>The layout's title prefix and suffix (Phoenix's <c>live_title</c>) survive live title changes.</summary>
public sealed class LiveTitleTests
{
    /// <summary>Runs <paramref name="test"/> on <paramref name="path"/> of an app with these options.</summary>
    private static async Task OnPageAsync(string path, Action<HyperLiveOptions> configure, Func<LivePage, Task> test)
    {
        await using var host = await LiveTestHost.StartAsync(
            app =>
            {
                app.MapHyperLive(typeof(LiveTitleTests).Assembly);
                app.MapLive<RoomView>("/room/{room}");
                app.MapLive<CounterView>("/untitled");
            },
            builder => builder.Services.Configure(configure));
        await using var client = host.CreateClient();
        await test(await client.LiveAsync(path));
    }

    [Fact]
    public Task The_http_render_writes_prefix_and_suffix_and_a_live_title_change_keeps_them() =>
        OnPageAsync("/room/lobby", options => (options.TitlePrefix, options.TitleSuffix) = ("[dev] ", " · Acme"), async page =>
        {
            Assert.Contains("""<title data-prefix="[dev] " data-suffix=" · Acme">[dev] Room lobby · Acme</title>""", page.DeadHtml, StringComparison.Ordinal);
            Assert.Equal("[dev] Room lobby · Acme", page.Title);

            await page.PushHookAsync("rename");

            Assert.Equal("[dev] Renamed · Acme", page.Title);
        });

    [Fact]
    public Task A_view_without_a_title_gets_the_default_title() =>
        OnPageAsync("/untitled", options => (options.TitleSuffix, options.DefaultTitle) = (" · Acme", "Home"), page =>
        {
            Assert.Contains("""<title data-suffix=" · Acme" data-default="Home">Home · Acme</title>""", page.DeadHtml, StringComparison.Ordinal);
            Assert.Equal("Home · Acme", page.Title);
            return Task.CompletedTask;
        });

    [Fact]
    public Task Without_options_the_title_is_the_views_alone() =>
        OnPageAsync("/room/lobby", _ => { }, page =>
        {
            Assert.Contains("<title>Room lobby</title>", page.DeadHtml, StringComparison.Ordinal);
            return Task.CompletedTask;
        });
}
