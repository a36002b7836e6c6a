using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hyper.Live.BrowserTests;

/// <summary>
/// The samples app stopped gracefully and started again on the same address, as a deploy does, with its SQLite session
/// store and key ring on disk: the open page reconnects on its own and shows the state it had ([Persist]).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RestartTests(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("hyper-live-restart-").FullName;
    private IBrowserContext? context;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (context is not null)
        {
            await context.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task The_counter_and_the_todos_survive_a_graceful_restart()
    {
        var first = await StartAsync();
        var counter = await context!.NewPageAsync();
        await counter.GotoAsync("/counter");
        await Live.WaitConnectedAsync(counter);
        for (var i = 1; i <= 3; i++)
        {
            await Live.Button(counter, "+").ClickAsync();
            await Expect(counter.Locator("h2")).ToHaveTextAsync($"Count: {i}");
        }

        var todos = await context!.NewPageAsync();
        await todos.GotoAsync("/todos");
        await Live.WaitConnectedAsync(todos);
        var input = todos.Locator("#new-todo input[name=title]");
        await input.FillAsync("Survive the deploy");
        await input.PressAsync("Enter");
        await Expect(todos.Locator("#todo-list li")).ToHaveCountAsync(1);
        await counter.EvaluateAsync("() => { window.__samePage = true }");

        await using var second = await RestartAsync(first, counter);
        await Expect(counter.Locator("h2")).ToHaveTextAsync("Count: 3");
        Assert.True(await counter.EvaluateAsync<bool>("() => window.__samePage === true"), "the page was reloaded instead of reconnected");
        await Live.Button(counter, "+").ClickAsync();
        await Expect(counter.Locator("h2")).ToHaveTextAsync("Count: 4");
        await ReconnectedAsync(todos);
        await Expect(todos.Locator("#todo-list li")).ToHaveTextAsync([new System.Text.RegularExpressions.Regex("Survive the deploy")]);
    }

    [Fact]
    public async Task The_wizard_is_still_at_step_2_with_what_was_typed_after_a_graceful_restart()
    {
        var first = await StartAsync();
        var page = await context!.NewPageAsync();
        await page.GotoAsync("/wizard");
        await Live.WaitConnectedAsync(page);
        await page.Locator("input[name=name]").FillAsync("Ada");
        await page.Locator("input[name=email]").FillAsync("ada@example.org");
        await Live.Button(page, "Next").ClickAsync();
        await Expect(page.Locator("#step")).ToHaveTextAsync("Step 2: where you live");
        await page.Locator("input[name=street]").FillAsync("1 Analytical Way");
        await page.Locator("input[name=city]").FillAsync("London");
        await page.Locator("input[name=city]").BlurAsync();
        await Expect(page.Locator("input[name=street]")).ToHaveValueAsync("1 Analytical Way");
        await page.EvaluateAsync("() => { window.__samePage = true }");

        // Let the change events reach the server (and their snapshot the store) before it stops.
        await page.WaitForTimeoutAsync(500);
        await using var second = await RestartAsync(first, page);
        await Expect(page.Locator("#step")).ToHaveTextAsync("Step 2: where you live");
        await Expect(page.Locator("input[name=street]")).ToHaveValueAsync("1 Analytical Way");
        await Expect(page.Locator("input[name=city]")).ToHaveValueAsync("London");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__samePage === true"), "the page was reloaded instead of reconnected");
        await Live.Button(page, "Back").ClickAsync();
        await Expect(page.Locator("input[name=email]")).ToHaveValueAsync("ada@example.org");
    }

    /// <summary>Starts the samples app on a free port and a browser context for it.</summary>
    private async Task<SamplesOnDisk> StartAsync()
    {
        var first = new SamplesOnDisk(folder, port: 0);
        first.StartServer();
        context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = first.BaseUrl });
        return first;
    }

    /// <summary>Stops <paramref name="first"/> gracefully, starts the app again on its port, and waits for <paramref name="page"/> to rejoin it.</summary>
    private async Task<SamplesOnDisk> RestartAsync(SamplesOnDisk first, IPage page)
    {
        var port = new Uri(first.BaseUrl).Port;
        await first.DisposeAsync();
        await page.WaitForFunctionAsync("() => window.hyperLive.state !== 'open'");
        var second = new SamplesOnDisk(folder, port);
        second.StartServer();
        await ReconnectedAsync(page);
        return second;
    }

    /// <summary>The page reconnects with its back-off and rejoins the new server, which restores it from the file.</summary>
    private static async Task ReconnectedAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.hyperLive.state === 'open'", null, new() { Timeout = 30_000 });
        await Expect(Live.Container(page)).ToHaveClassAsync(Live.ConnectedClass(), new() { Timeout = 30_000 });
    }

    /// <summary>The samples app on Kestrel, its session store file and key ring in <paramref name="folder"/>.</summary>
    private sealed class SamplesOnDisk(string folder, int port) : WebApplicationFactory<Program>
    {
        public string BaseUrl =>
            Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single().TrimEnd('/');

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            this.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
            builder.UseSetting("SessionStoreFile", Path.Combine(folder, "sessions.db"));
            builder.ConfigureLogging(logging => logging.ClearProviders());
            builder.ConfigureServices(services =>
                services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(folder, "keys"))));
        }
    }
}
