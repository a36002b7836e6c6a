using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hyper.Live.BrowserTests;

/// <summary>
/// A test of one sample page: a fresh browser context and page per test, connected to
/// <paramref name="path"/>, with every WebSocket frame recorded (and printed at the end).
/// </summary>
public abstract class SamplePageTest(BrowserFixture fixture, ITestOutputHelper output, string path) : IAsyncLifetime
{
    private IBrowserContext? context;

    protected BrowserFixture Fixture => fixture;

    protected IPage Page { get; private set; } = null!;

    protected WireCapture Wire { get; private set; } = null!;

    /// <summary>Where this test's lines start in <see cref="BrowserFixture.ServerLog"/>.</summary>
    protected int LogStart { get; private set; }

    public async Task InitializeAsync()
    {
        LogStart = fixture.ServerLog.Count;
        context = await fixture.NewContextAsync();
        Page = await context.NewPageAsync();
        Wire = new WireCapture(Page);
        await Page.GotoAsync(path);
        await Live.WaitConnectedAsync(Page);
    }

    public async Task DisposeAsync()
    {
        foreach (var frame in Wire.Frames)
        {
            output.WriteLine(frame.ToString());
        }

        if (context is not null)
        {
            await context.DisposeAsync();
        }
    }

    /// <summary>The server logged no error during the test (warnings, such as refused events, are fine).</summary>
    protected void AssertServerQuiet()
    {
        var log = fixture.ServerLog.Skip(LogStart).ToArray();
        foreach (var line in log)
        {
            output.WriteLine("server: " + line);
        }

        Assert.DoesNotContain(log, line => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal));
    }
}
