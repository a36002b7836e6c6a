using Hyper.Live.LoadTest;
using Xunit.Abstractions;

namespace Hyper.Live.LoadTest.Tests;

/// <summary>
/// The load harness's quick mode as a smoke test: the samples app in its own process, 500
/// sessions opened as browsers open them, every phase run once. Fails on any error; asserts
/// no timing (the machine may be busy), only correctness and the bytes a click costs.
/// </summary>
public sealed class QuickLoadTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Quick_run_holds_500_counter_sessions_and_each_answers_a_click()
    {
        // Typically 10-20 s; the bound keeps a hung server from holding CI.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var log = new StringWriter();
        var options = LoadOptions.QuickDefaults with { ResultsDirectory = null, CommandLine = "--quick" };

        LoadReport report;
        try
        {
            report = await LoadRun.RunAsync(options, log, timeout.Token);
        }
        finally
        {
            output.WriteLine(log.ToString());
        }

        output.WriteLine(MarkdownReport.Render(report));
        Assert.True(report.Errors == 0, $"{report.Errors} errors: {string.Join("; ", report.ErrorSamples)}");
        Assert.Equal(500, report.SessionsHeld);
        Assert.Equal(500, report.SessionsAnswered);
        Assert.Equal(500, report.Checkpoints.Single().ServerSessions);

        // Issue 7's wire targets for a counter click, in whole WebSocket frames: at most 120 B each way.
        var clicks = report.Latency.Select(entry => entry.Summary).First(summary => summary.Count > 0);
        Assert.InRange(clicks.UpFrame, 1, 120);
        Assert.InRange(clicks.DownFrame, 1, 120);
    }
}
