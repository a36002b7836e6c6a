using Hyper.Live.Samples.Live;

namespace Hyper.Live.Samples.Tests;

/// <summary>Server commands, flash and navigation of the commands sample; what the browser does with them is in the browser tests.</summary>
public sealed class CommandsTests(WebApplicationFactory<Program> app) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Save_pushes_an_event_to_the_hook_and_shows_a_flash_that_can_be_closed()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/commands");

        await page.ClickAsync("#save");
        await page.ClickAsync("#save");

        Assert.Equal(["""{"count":1}""", """{"count":2}"""], page.Events.Where(e => e.Name == "saved").Select(e => e.PayloadJson));
        Assert.Equal("Saved 2 time(s)", page.Flash["success"]);
        Assert.True(page.Has(".flash-success", "Saved 2 time(s)"));

        await page.ClickAsync(".flash-success button");
        Assert.False(page.Has(".flash"));
    }

    [Fact]
    public async Task A_hook_push_gets_the_view_reply()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/commands");

        var reply = await page.PushHookAsync("ping", new { n = 3 });

        Assert.Equal("""{"pong":"pong 3"}""", reply!.ToJsonString());
    }

    [Fact]
    public async Task Focus_scroll_download_and_javascript_are_push_events_with_their_arguments()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/commands");

        await page.ClickAsync("#focus");
        await page.ClickAsync("#scroll");
        await page.ClickAsync("#download");
        await page.ClickAsync("#greet");

        Assert.Equal(
            [
                ("hyper:focus", """{"selector":"#name"}"""),
                ("hyper:scroll", """{"selector":"#bottom","block":"end"}"""),
                ("hyper:download", """{"url":"/commands-report.txt","filename":"report.txt"}"""),
                ("hyper:js", """{"code":"document.querySelector(\u0027#greeting\u0027).textContent = \u0027Hello, \u0027 \u002B args.name","args":{"name":"Ada"}}"""),
            ],
            page.Events.Select(e => (e.Name, e.PayloadJson)));
    }

    [Fact]
    public async Task A_recoverable_error_becomes_an_error_flash_and_the_view_carries_on()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/commands");

        await page.ClickAsync("#fail");

        Assert.Equal("That did not work, try again.", page.Text(".flash-error").TrimEnd('×').Trim());
        await page.ClickAsync("#save");
        Assert.Equal(1, page.Mounts);
        Assert.Null(page.LastError);
    }

    [Fact]
    public async Task Navigate_joins_in_place_with_a_flash_and_redirect_loads_a_page_with_its_flash()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/commands");

        await page.ClickAsync("#navigate");
        Assert.Equal("/commands?via=navigate", page.Url.PathAndQuery);
        Assert.Equal("Navigated here without a page load", page.Flash["info"]);

        await page.ClickAsync("#reload");
        Assert.Equal("/commands?via=redirect", page.Redirected?.To);
        var loaded = await page.FollowRedirectAsync();
        Assert.True(loaded.Has(".flash-info", "Redirected here with a page load"));

        await loaded.ClickAsync("#users-link");
        Assert.IsType<Users>(loaded.View);
        Assert.Equal("Page 2 of 10", loaded.Text("#page"));
    }
}
