using Hyper.Live.Samples.Live;

namespace Hyper.Live.Samples.Tests;

/// <summary>The search and signup samples: debounced input with an intermediate render, and validated forms.</summary>
public sealed class FormsTests(WebApplicationFactory<Program> app) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Search_shows_searching_at_once_then_the_results()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/search");
        Assert.Equal("Type a few letters.", page.Text(".status"));

        var typing = page.TriggerAsync("#q", "input", new { value = "ap" });
        await page.WaitForAsync(p => p.Text(".status") == "Searching…");
        await typing;

        Assert.Equal(["Apple", "Apricot", "Grape", "Grapefruit", "Papaya", "Pineapple"], page.QueryAll("#results li").Select(li => li.TextContent));
        Assert.Equal("6 results for “ap”", page.Text(".status"));

        await page.TriggerAsync("#q", "input", new { value = "xyz" });
        Assert.Equal("No results for “xyz”", page.Text(".status"));
    }

    [Fact]
    public async Task Signup_shows_errors_only_for_touched_fields_then_all_on_submit()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/signup");

        await page.ChangeAsync("#signup", new { username = "ab" });
        Assert.Equal("A username has 3 to 20 characters.", page.Text("#username-error"));
        Assert.False(page.Has("#email-error")); // not touched yet: sent as _unused_email

        await page.ChangeAsync("#signup", new { username = "admin" });
        Assert.Equal("@admin is taken.", page.Text("#username-error"));

        await page.SubmitAsync("#signup", new { username = "ada", email = "nope", age = "12" });
        Assert.Equal("That is not an email address.", page.Text("#email-error"));
        Assert.Equal("You must be 13 or older.", page.Text("#age-error"));
        Assert.Equal("@ada is available", page.Text("#availability"));

        await page.SubmitAsync("#signup", new { username = "ada", email = "ada@example.com", age = "36" });
        Assert.Equal("Welcome, ada!", page.Text("#welcome h1"));
    }

    [Fact]
    public async Task Signup_recovers_what_was_typed_after_a_reconnect()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/signup");
        await page.ChangeAsync("#signup", new { username = "grace" });

        await page.ReconnectAsync();

        Assert.Equal("grace", page.Element("input[name=username]").GetAttribute("value"));
        Assert.Equal("@grace is available", page.Text("#availability"));
        Assert.IsType<Signup>(page.View);
    }
}
