using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http;

namespace Hyper.Live.Testing.Tests;

/// <summary>The client against Hyper.Live itself, in memory: what a test of an app's views looks like.</summary>
public sealed class RealServerTests : IAsyncLifetime
{
    private LiveTestHost host = null!;
    private LiveClient client = null!;

    public async Task InitializeAsync()
    {
        host = await LiveTestHost.StartAsync(app =>
        {
            app.MapHyperLive(typeof(TallyView).Assembly);
            app.MapLive<TallyView>("/tally");
            app.MapLive<OtherView>("/other");
            app.MapLive<GuardedView>("/guarded");
            app.MapGet("/", () => Results.Redirect("/tally"));
            app.MapGet("/plain", () => Results.Text("<p>not live</p>", "text/html"));
        });
        client = host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await client.DisposeAsync();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task Clicks_by_name_and_by_selector_update_the_html_and_the_view()
    {
        var page = await client.LiveAsync("/tally");
        Assert.Contains("Count: 0", page.DeadHtml, StringComparison.Ordinal);

        await page.ClickAsync("increment");
        await page.ClickAsync("#add");

        Assert.Equal("Count: 6", page.Text("h1"));
        Assert.Equal(6, page.State<TallyView>().Count);
        Assert.Equal("Tally", page.Title);
    }

    [Fact]
    public async Task Forms_change_and_submit_with_flash_title_and_push_event()
    {
        var page = await client.LiveAsync("/tally");

        await page.ChangeAsync("#f", new { user = new { name = "ada" } });
        Assert.Equal("ADA", page.Element("input").GetAttribute("value"));

        await page.SubmitAsync("#f", new { user = new { name = "Ada" } });

        Assert.Equal("Ada", page.State<TallyView>().Saved);
        Assert.True(page.Has(".flash-success", "Saved Ada"));
        Assert.Equal("Saved Ada", page.Flash["success"]);
        Assert.Equal("Saved Ada", page.Title);
        var saved = Assert.Single(page.Events);
        Assert.Equal(("saved", """{"name":"Ada"}"""), (saved.Name, saved.PayloadJson));

        await page.ClickAsync(".flash-success button");
        Assert.False(page.Has(".flash"));
    }

    [Fact]
    public async Task Hook_pushes_reach_the_handler_with_their_values()
    {
        var page = await client.LiveAsync("/tally");

        var reply = await page.PushHookAsync("add", new { by = "2" });

        Assert.Null(reply); // the view gave the hook no reply
        Assert.Equal("Count: 2", page.Text("h1"));
    }

    [Fact]
    public async Task Timers_push_updates_that_NextUpdate_waits_for()
    {
        var page = await client.LiveAsync("/tally");

        await page.ClickAsync("later");
        await page.NextUpdateAsync();

        Assert.Equal("Count: 100", page.Text("h1"));
    }

    [Fact]
    public async Task Patches_from_links_and_from_the_server_move_the_url_and_handle_params()
    {
        var page = await client.LiveAsync("/tally");

        await page.ClickAsync("#second");
        Assert.Equal("/tally?page=2", page.Url.PathAndQuery);
        Assert.Equal("page 2", page.Text("#page"));

        await page.PatchAsync("/tally?page=3");
        Assert.Equal("page 3", page.Text("#page"));

        await page.ClickAsync("next_page");
        Assert.Equal("/tally?page=2", page.Url.PathAndQuery);
        Assert.Equal("page 2", page.Text("#page"));
    }

    [Fact]
    public async Task Push_navigate_joins_the_other_view_in_place_with_the_flash()
    {
        var page = await client.LiveAsync("/tally");

        await page.ClickAsync("elsewhere");

        Assert.Equal("/other", page.Url.PathAndQuery);
        Assert.IsType<OtherView>(page.View);
        Assert.True(page.Has(".flash-info", "Moved along"));

        await page.NavigateAsync("/tally");
        Assert.IsType<TallyView>(page.View);
        Assert.Equal(1, page.Mounts);
    }

    [Fact]
    public async Task A_patch_to_another_views_url_navigates()
    {
        var page = await client.LiveAsync("/tally");

        await page.PatchAsync("/other");

        Assert.IsType<OtherView>(page.View);
    }

    [Fact]
    public async Task Redirect_is_recorded_and_following_it_carries_the_flash_to_the_next_page()
    {
        var page = await client.LiveAsync("/tally");

        await page.ClickAsync("away");

        Assert.Equal("/other", page.Redirected?.To);
        Assert.NotNull(page.Redirected?.Flash);
        var next = await page.FollowRedirectAsync();
        Assert.True(next.Has(".flash-info", "Bye"));
        Assert.Contains("Bye", next.DeadHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_view_that_redirects_while_mounting_gives_a_redirected_page()
    {
        var page = await client.LiveAsync("/guarded");

        Assert.Equal("/other", page.Redirected?.To);
        Assert.False(page.IsConnected);
    }

    [Fact]
    public async Task A_crashing_handler_is_an_error_and_the_view_remounts_fresh()
    {
        var page = await client.LiveAsync("/tally");
        await page.ClickAsync("increment");
        var before = page.View;

        await page.ClickAsync("boom");
        await page.WaitForAsync(p => p.Mounts == 2);

        Assert.NotSame(before, page.View);
        Assert.Equal("Count: 0", page.Text("h1"));
        Assert.NotNull(page.LastError);
    }

    [Fact]
    public async Task Unknown_events_answer_an_error_naming_the_closest_handler()
    {
        var page = await client.LiveAsync("/tally");

        await page.ClickAsync("incremnt");

        Assert.Contains("did you mean 'Increment'", page.LastError!.Message, StringComparison.Ordinal);
        Assert.True(page.IsConnected);
    }

    [Fact]
    public async Task Reconnect_reattaches_the_same_instance_and_recovers_the_typed_form()
    {
        var page = await client.LiveAsync("/tally?page=2");
        await page.ClickAsync("increment");
        await page.ChangeAsync("#f", new { user = new { name = "typed" } });
        var before = page.View;

        await page.DisconnectAsync();
        Assert.False(page.IsConnected);
        await page.ReconnectAsync();

        Assert.Same(before, page.View); // kept detached by the server, then re-attached: no remount
        Assert.Equal(2, page.Mounts);
        Assert.Equal("Count: 1", page.Text("h1"));
        Assert.Equal("page 2", page.Text("#page"));
        Assert.Equal("TYPED", page.Element("input").GetAttribute("value")); // the form's change event is sent again
    }

    [Fact]
    public async Task Http_redirects_are_followed_with_cookies_and_non_live_pages_are_refused()
    {
        var page = await client.LiveAsync("/");
        Assert.Equal("/tally", page.Url.AbsolutePath);

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.LiveAsync("/plain"));
        var missing = await Assert.ThrowsAsync<HttpRequestException>(() => client.LiveAsync("/missing"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Pages_do_not_share_state_but_share_the_clients_cookies()
    {
        var first = await client.LiveAsync("/tally");
        var second = await client.LiveAsync("/tally");

        await first.ClickAsync("increment");

        Assert.Equal("Count: 1", first.Text("h1"));
        Assert.Equal("Count: 0", second.Text("h1"));
        Assert.NotEqual(first.ViewId, second.ViewId);
    }

    [Fact]
    public async Task The_client_also_works_over_real_sockets_against_kestrel()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddHyperLive();
        await using var app = builder.Build();
        app.MapHyperLive(typeof(TallyView).Assembly);
        app.MapLive<TallyView>("/tally");
        await app.StartAsync();
        await using var network = new LiveClient(new Uri(app.Urls.First()));

        var page = await network.LiveAsync("/tally");
        await page.ClickAsync("#inc");

        Assert.Equal("Count: 1", page.Text("h1"));
        Assert.Equal(1, page.State<TallyView>().Count);
        await app.StopAsync();
    }
}
