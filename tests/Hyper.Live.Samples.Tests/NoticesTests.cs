using Hyper.Live.Samples.Live;

namespace Hyper.Live.Samples.Tests;

/// <summary>Flash lists, a replacing redirect and scrolling to the top in the notices sample; the browser side is in the browser tests.</summary>
public sealed class NoticesTests(WebApplicationFactory<Program> app) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Warnings_add_up_and_each_closes_on_its_own()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/notices");

        await page.ClickAsync("#check");
        await page.ClickAsync("#check");
        Assert.Equal(4, page.QueryAll(".flash-warning").Count);

        await page.ClickAsync(".flash-warning:contains(\"Check 1: backup overdue\") button");

        Assert.Equal(["Check 1: disk almost full", "Check 2: disk almost full", "Check 2: backup overdue"], page.Flash.GetAll("warning"));
        Assert.Equal(3, page.QueryAll(".flash-warning").Count);
    }

    [Fact]
    public async Task Leave_redirects_with_its_query_and_both_messages()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/notices");

        await page.ClickAsync("#leave");
        var next = await page.FollowRedirectAsync();

        Assert.Equal("/commands?via=notices", next.Url.PathAndQuery);
        Assert.Equal(["Left the notices", "The notices page is not in the history"], next.Flash.GetAll("info"));
        Assert.IsType<Commands>(next.View);
    }

    [Fact]
    public async Task Back_to_the_top_is_a_scroll_without_a_selector()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/notices");

        await page.ClickAsync("#to-top");

        Assert.Equal([("hyper:scroll", """{"top":true}""")], page.Events.Select(e => (e.Name, e.PayloadJson)));
    }
}
