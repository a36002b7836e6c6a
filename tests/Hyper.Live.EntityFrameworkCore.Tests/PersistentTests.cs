using Hyper.Live.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hyper.Live.EntityFrameworkCore.Tests;

/// <summary><see cref="Persistent{T}"/> against a real database: load, save, validation, conflicts, live views of one row.</summary>
public abstract class PersistentTests
{
    /// <summary>Points the app at a new, empty database of this provider.</summary>
    protected abstract void UseNewDatabase(LiveDatabaseOptions options);

    private async Task<LiveTestHost> StartAsync()
    {
        var host = await LiveTestHost.StartAsync(
            app =>
            {
                app.MapHyperLive(typeof(PersistentTests).Assembly);
                app.MapLive<ProfileView>("/profile");
            },
            builder => builder.Services.AddLiveDatabase<TestDb>(UseNewDatabase));
        await using var db = await Contexts(host).CreateDbContextAsync();
        db.Profiles.Add(new Profile { Id = 1, Name = "Ann", Email = "ann@example.com" });
        db.Profiles.Add(new Profile { Id = 2, Name = "Bob", Email = "bob@example.com" });
        await db.SaveChangesAsync();
        return host;
    }

    private static IDbContextFactory<TestDb> Contexts(LiveTestHost host) => host.Services.GetRequiredService<IDbContextFactory<TestDb>>();

    private static async Task<Profile> StoredAsync(LiveTestHost host, int id)
    {
        await using var db = await Contexts(host).CreateDbContextAsync();
        return await db.Profiles.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    [Fact]
    public async Task Loads_on_mount_and_saves_after_the_handler()
    {
        await using var host = await StartAsync();
        await using var client = host.CreateClient();
        var page = await client.LiveAsync("/profile?id=1");
        Assert.Equal("Ann", page.Text("#name"));
        Assert.Contains("Ann", page.DeadHtml, StringComparison.Ordinal);

        await page.ClickAsync("#rename", new { name = "Annie" });

        var stored = await StoredAsync(host, 1);
        Assert.Equal("Annie", stored.Name);
        Assert.Equal(1, stored.Version);
        Assert.Equal("Bob", (await StoredAsync(host, 2)).Name);
        Assert.Equal("Annie", page.Text("#name"));
    }

    [Fact]
    public async Task An_invalid_value_is_shown_with_its_error_and_not_saved()
    {
        await using var host = await StartAsync();
        await using var client = host.CreateClient();
        var page = await client.LiveAsync("/profile?id=1");

        await page.ClickAsync("#email-button", new { email = "not an email" });

        Assert.Equal("That is not an email address.", page.Text("#email-error"));
        Assert.Equal("ann@example.com", (await StoredAsync(host, 1)).Email);

        await page.ClickAsync("#email-button", new { email = "ann@example.org" });
        Assert.Equal("", page.Text("#email-error"));
        Assert.Equal("ann@example.org", (await StoredAsync(host, 1)).Email);
    }

    [Fact]
    public async Task Another_view_of_the_same_row_renders_the_saved_values()
    {
        await using var host = await StartAsync();
        await using var client = host.CreateClient();
        var ann = await client.LiveAsync("/profile?id=1");
        var other = await client.LiveAsync("/profile?id=1");
        var bob = await client.LiveAsync("/profile?id=2");

        await ann.ClickAsync("#rename", new { name = "Annie" });

        await other.WaitForAsync(p => p.Text("#name") == "Annie");
        Assert.Equal("Bob", bob.Text("#name"));

        // The other view took the saved values with their version: its own edit saves without a conflict.
        await other.ClickAsync("#rename", new { name = "Anna" });
        Assert.Equal("", other.Text("#conflict"));
        Assert.Equal("Anna", (await StoredAsync(host, 1)).Name);
        await ann.WaitForAsync(p => p.Text("#name") == "Anna");
    }

    [Fact]
    public async Task A_concurrent_edit_is_reported_and_neither_side_is_lost()
    {
        await using var host = await StartAsync();
        await using var client = host.CreateClient();
        var page = await client.LiveAsync("/profile?id=1&save=explicit");
        await page.ClickAsync("#rename", new { name = "Mine" });

        // Someone else (another server, a script) saves the row meanwhile.
        await using (var db = await Contexts(host).CreateDbContextAsync())
        {
            var row = await db.Profiles.SingleAsync(p => p.Id == 1);
            (row.Name, row.Version) = ("Theirs", row.Version + 1);
            await db.SaveChangesAsync();
        }

        await page.ClickAsync("#save");

        Assert.Contains("Someone else saved this Profile", page.Text("#conflict"), StringComparison.Ordinal);
        Assert.Equal("Mine", page.Text("#name")); // ours are still on the page
        Assert.Equal("Theirs", (await StoredAsync(host, 1)).Name); // theirs are in the database

        await page.ClickAsync("#save"); // trying again still does not overwrite theirs
        Assert.Equal("Theirs", (await StoredAsync(host, 1)).Name);

        await page.ClickAsync("#reload");
        Assert.Equal("Theirs", page.Text("#name"));
        Assert.Equal("", page.Text("#conflict"));
        await page.ClickAsync("#rename", new { name = "Mine again" });
        await page.ClickAsync("#save");
        Assert.Equal("Mine again", (await StoredAsync(host, 1)).Name);
    }

    [Fact]
    public async Task A_save_the_database_refuses_is_an_error_flash_and_the_view_carries_on()
    {
        await using var host = await StartAsync();
        await using var client = host.CreateClient();
        var page = await client.LiveAsync("/profile?id=1");
        var view = page.View;

        await page.ClickAsync("#email-button", new { email = "bob@example.com" }); // Bob's: the unique index refuses it

        Assert.Equal("This Profile could not be saved. Your changes are still here.", page.Flash["error"]);
        Assert.Same(view, page.View); // not crashed and remounted
        Assert.Equal("bob@example.com", page.Text("#email"));
        Assert.Equal("ann@example.com", (await StoredAsync(host, 1)).Email);

        await page.ClickAsync("#email-button", new { email = "ann@example.net" });
        Assert.Equal("ann@example.net", (await StoredAsync(host, 1)).Email);
    }

    [Fact]
    public async Task A_debounced_row_saves_once_the_changes_stop()
    {
        await using var host = await StartAsync();
        await using var client = host.CreateClient();
        var page = await client.LiveAsync("/profile?id=1&save=debounced");

        await page.ClickAsync("#rename", new { name = "A" });
        await page.ClickAsync("#rename", new { name = "An" });
        Assert.Equal("Ann", (await StoredAsync(host, 1)).Name);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await StoredAsync(host, 1)).Name != "An")
        {
            Assert.True(DateTime.UtcNow < deadline, "the debounced save never happened");
            await Task.Delay(50);
        }

        Assert.Equal(1, (await StoredAsync(host, 1)).Version); // one save for both changes
    }
}

/// <summary>The tests on the embedded default: a SQLite file.</summary>
public sealed class SqlitePersistentTests : PersistentTests, IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), "hyper-persistent-" + Guid.NewGuid().ToString("N") + ".db");

    protected override void UseNewDatabase(LiveDatabaseOptions options) => options.ConnectionString = $"Data Source={file};Pooling=False";

    public void Dispose() => File.Delete(file);
}

/// <summary>The same tests on a real PostgreSQL server started for them.</summary>
public sealed class PostgresPersistentTests(PostgresServer server) : PersistentTests, IClassFixture<PostgresServer>
{
    protected override void UseNewDatabase(LiveDatabaseOptions options)
    {
        options.Provider = LiveDatabaseProvider.PostgreSql;
        options.ConnectionString = server.ConnectionString("t" + Guid.NewGuid().ToString("N"));
    }
}

/// <summary>With no configuration, the data lives in a SQLite file under the content root, created at the first start.</summary>
public sealed class DefaultDatabaseTests
{
    [Fact]
    public async Task The_default_database_is_a_SQLite_file_under_the_content_root_created_at_start()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "hyper-live-data.db"); // the test host's content root
        File.Delete(file);
        try
        {
            await using var host = await LiveTestHost.StartAsync(app => app.MapLive<ProfileView>("/profile"), builder => builder.Services.AddLiveDatabase<TestDb>());
            Assert.Equal(file, Path.Combine(host.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>().ContentRootPath, "hyper-live-data.db"));
            Assert.True(File.Exists(file));

            await using var db = await host.Services.GetRequiredService<IDbContextFactory<TestDb>>().CreateDbContextAsync();
            db.Profiles.Add(new Profile { Id = 1, Name = "Ann" });
            await db.SaveChangesAsync(); // the tables exist
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_context_with_migrations_is_migrated_at_start()
    {
        var file = Path.Combine(Path.GetTempPath(), $"hyper-live-migrations-{Guid.NewGuid():N}.db");
        try
        {
            await using var host = await LiveTestHost.StartAsync(
                app => app.MapLive<ProfileView>("/profile"),
                builder => builder.Services.AddLiveDatabase<NotesDb>(options => options.SqliteFile = file));

            await using var db = await host.Services.GetRequiredService<IDbContextFactory<NotesDb>>().CreateDbContextAsync();
            Assert.Equal(["20261130000000_CreateNotes"], await db.Database.GetAppliedMigrationsAsync());
            db.Notes.Add(new Note { Text = "migrated" });
            await db.SaveChangesAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
