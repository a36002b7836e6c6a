using Microsoft.AspNetCore.Hosting;

namespace Hyper.Live.Samples.Tests;

/// <summary>Shared&lt;T&gt; (visits, the dashboard's shared metrics) and Persistent&lt;T&gt; (the profile editor), two browsers at a time.</summary>
public sealed class SharedStateTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>, IDisposable
{
    private readonly string dataFile = Path.Combine(Path.GetTempPath(), "hyper-samples-data-" + Guid.NewGuid().ToString("N") + ".db");

    [Fact]
    public async Task A_visit_counts_for_everyone_and_every_open_page_shows_it()
    {
        await using var annClient = factory.CreateLiveClient();
        await using var bobClient = factory.CreateLiveClient();
        var ann = await annClient.LiveAsync("/visits");
        var before = int.Parse(ann.Text("#visits"), System.Globalization.CultureInfo.InvariantCulture);

        var bob = await bobClient.LiveAsync("/visits");

        Assert.True(int.Parse(bob.Text("#visits"), System.Globalization.CultureInfo.InvariantCulture) > before);
        await ann.WaitForAsync(p => p.Text("#visits") == bob.Text("#visits"));
    }

    [Fact]
    public async Task Dashboards_share_their_metrics()
    {
        await using var annClient = factory.CreateLiveClient();
        await using var bobClient = factory.CreateLiveClient();
        var ann = await annClient.LiveAsync("/dashboard");
        var bob = await bobClient.LiveAsync("/dashboard");
        await ann.WaitForAsync(p => p.Text("#viewers") == bob.Text("#viewers"));
        var pings = int.Parse(bob.Text("#pings"), System.Globalization.CultureInfo.InvariantCulture);

        await ann.ClickAsync("#ping");

        await bob.WaitForAsync(p => p.Text("#pings") == (pings + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var viewers = int.Parse(ann.Text("#viewers"), System.Globalization.CultureInfo.InvariantCulture);
        await bob.DisposeAsync();
        await ann.WaitForAsync(p => p.Text("#viewers") == (viewers - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Two_browsers_edit_one_profile_a_save_shows_in_the_other_and_a_conflicting_save_is_reported()
    {
        using var app = factory.WithWebHostBuilder(web => web.UseSetting("DataFile", dataFile));
        await using var annClient = app.CreateLiveClient();
        await using var bobClient = app.CreateLiveClient();
        var ann = await annClient.LiveAsync("/profile");
        var bob = await bobClient.LiveAsync("/profile");
        Assert.Equal("Ada Lovelace", bob.Element("input[name=name]").GetAttribute("value"));

        await ann.ChangeAsync("#profile-form", new { name = "Ada King" });
        Assert.Equal("Unsaved changes.", ann.Text("#status"));
        await ann.SubmitAsync("#profile-form");
        Assert.Equal("All changes saved.", ann.Text("#status"));
        await bob.WaitForAsync(p => p.Element("input[name=name]").GetAttribute("value") == "Ada King");

        // Both edit; Ann saves first: Bob's save is refused, his text stays, and he is told.
        await bob.ChangeAsync("#profile-form", new { bio = "Bob's bio" });
        await ann.ChangeAsync("#profile-form", new { bio = "Ann's bio" });
        await ann.SubmitAsync("#profile-form");
        await bob.WaitForAsync(p => p.Text("#status").StartsWith("Someone else saved", StringComparison.Ordinal));
        await bob.SubmitAsync("#profile-form");
        Assert.Contains("Someone else saved this User", bob.Text("#conflict"), StringComparison.Ordinal);
        Assert.Equal("Bob's bio", bob.Text("textarea[name=bio]"));

        await bob.ClickAsync("#reload");
        Assert.Equal("Ann's bio", bob.Text("textarea[name=bio]"));
        Assert.False(bob.Has("#conflict"));
    }

    [Fact]
    public async Task An_invalid_profile_is_not_saved_and_says_why()
    {
        using var app = factory.WithWebHostBuilder(web => web.UseSetting("DataFile", dataFile));
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/profile?id=2");

        await page.ChangeAsync("#profile-form", new { email = "nope" });
        await page.SubmitAsync("#profile-form");

        Assert.Equal("That is not an email address.", page.Text("#email-error"));
        Assert.Equal("Unsaved changes.", page.Text("#status"));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(dataFile);
    }
}
