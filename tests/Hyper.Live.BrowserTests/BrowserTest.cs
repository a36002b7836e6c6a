using Microsoft.Playwright;

namespace Hyper.Live.BrowserTests;

/// <summary>A test class with a fresh browser context (cookies, storage) for each test.</summary>
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    private IBrowserContext? context;

    protected BrowserFixture Fixture { get; } = fixture;

    protected IBrowserContext Context => context ?? throw new InvalidOperationException("The context is created before each test.");

    public virtual async Task InitializeAsync() => context = await Fixture.NewContextAsync();

    public async Task DisposeAsync()
    {
        if (context is not null)
        {
            await context.DisposeAsync();
        }
    }
}
