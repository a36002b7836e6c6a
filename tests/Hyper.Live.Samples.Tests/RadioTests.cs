using Hyper.Live.Samples.Live;
using Hyper.Live.Samples.Live.Parts;

namespace Hyper.Live.Samples.Tests;

/// <summary>The radio sample: a player live view in the page's layout, joined on its own and kept across live navigation, driven without a browser.</summary>
public sealed class RadioTests(WebApplicationFactory<Program> app) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task The_player_is_joined_as_a_view_of_its_own_with_the_props_of_its_layout()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/radio");

        var player = page.Child("player");

        Assert.Equal(["requests", "player"], page.ChildIds);
        Assert.IsType<Radio>(page.View);
        Assert.Equal("Hyper FM", player.State<Player>().Props.Station);
        Assert.Equal("Morning Ride", player.Text(".track"));
        Assert.False(page.Has(".player"), "the page's own view does not render the player");
    }

    [Fact]
    public async Task The_player_keeps_its_track_while_the_page_navigates_live()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/radio");
        var player = page.Child("player");
        await player.ClickAsync(".next");

        await page.ClickAsync("#browse");

        Assert.Equal("/counter", page.Url.AbsolutePath);
        Assert.Equal("Count: 0", page.Text("h2"));
        Assert.Equal("Blue Hour", player.Text(".track"));
        await player.ClickAsync(".next");
        Assert.Equal("Night Drive", player.Text(".track"));
    }

    [Fact]
    public async Task The_requests_child_in_the_pages_render_is_joined_too_and_takes_requests()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/radio");
        var requests = page.Child("requests");

        await requests.SubmitAsync("form", new { title = "Blue Monday" });

        Assert.Equal("Blue Monday", requests.Text("li"));
        Assert.Equal("Requests for Hyper FM", requests.Text("h3"));
    }

    [Fact]
    public async Task Asking_for_a_view_the_page_does_not_embed_names_the_ones_it_does()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/radio");

        var error = Assert.Throws<InvalidOperationException>(() => page.Child("clock"));

        Assert.Contains("embedded: requests, player", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>A live view in a Razor page (<c>/embedded</c>, <c>Html.LiveAsync</c>): its HTTP render in the page, then its own join.</summary>
public sealed class EmbeddedInRazorTests(WebApplicationFactory<Program> app) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task The_razor_page_carries_the_views_dead_render_and_the_script_once_and_the_view_joins()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/embedded");

        Assert.Contains("<h1>A Razor page</h1>", page.DeadHtml, StringComparison.Ordinal);
        Assert.Contains("<span class=\"station\">Razor FM</span>", page.DeadHtml, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page.DeadHtml, "name=\"csrf-token\""));
        Assert.Equal("razor-player", page.ViewId);
        await page.ClickAsync(".next");
        Assert.Equal("Blue Hour", page.Text(".track"));
        Assert.Equal("/embedded", page.View.Uri?.AbsolutePath);
    }
}
