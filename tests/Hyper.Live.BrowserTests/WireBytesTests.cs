using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Hyper.Live.BrowserTests;

/// <summary>
/// Measures the WebSocket payload bytes one click costs in each direction, as Chromium sees
/// them (heartbeats excluded). Reproduce with
/// <c>dotnet test tests/Hyper.Live.BrowserTests --filter WireBytes --logger "console;verbosity=detailed"</c>;
/// the numbers are printed and recorded in bench/README.md. The assertions are only sanity
/// bounds, never targets.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WireBytesTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture)
{
    private const int Clicks = 8;

    [Fact]
    public async Task WireBytes_per_counter_click()
    {
        var page = await Context.NewPageAsync();
        var wire = new WireCapture(page);
        await page.GotoAsync("/counter");
        await Live.WaitConnectedAsync(page);
        var join = await wire.WaitForAsync(frame => frame.Sent && frame.Event == "phx_join");
        var joinReply = await wire.ReplyToAsync(join);

        var clicks = await MeasureAsync(wire, async n =>
        {
            await Live.Button(page, "+").ClickAsync();
            await Expect(page.Locator("h2")).ToHaveTextAsync($"Count: {n}");
        });

        Report("/counter", "click \"+\"", join, joinReply, clicks);
        Assert.All(clicks, click => Assert.InRange(click.Sent, 1, 999));
        Assert.All(clicks, click => Assert.InRange(click.Received, 1, 999));
    }

    [Fact]
    public async Task WireBytes_per_table_update_click()
    {
        var page = await Context.NewPageAsync();
        var wire = new WireCapture(page);
        await page.GotoAsync("/bench/table");
        await Live.WaitConnectedAsync(page);
        var join = await wire.WaitForAsync(frame => frame.Sent && frame.Event == "phx_join");
        var joinReply = await wire.ReplyToAsync(join);

        var clicks = await MeasureAsync(wire, async n =>
        {
            await page.Locator("#update").ClickAsync();
            await Expect(page.Locator($"#v-{n * 37 % 1000}")).ToHaveTextAsync((100000 + n).ToString(CultureInfo.InvariantCulture));
        });

        Report("/bench/table", "click #update (one row of 1,000 changes)", join, joinReply, clicks);
        Assert.All(clicks, click => Assert.InRange(click.Sent, 1, 999));
        Assert.All(clicks, click => Assert.InRange(click.Received, 1, 999));
    }

    /// <summary>
    /// Runs <see cref="Clicks"/> clicks; for each, the frames from the click until the
    /// server's reply to its event push: exactly one push up, one reply down.
    /// </summary>
    private static async Task<List<(int Sent, int Received, string Up, string Down)>> MeasureAsync(WireCapture wire, Func<int, Task> click)
    {
        List<(int, int, string, string)> results = [];
        for (var n = 1; n <= Clicks; n++)
        {
            var start = wire.Frames.Count;
            await click(n);
            var push = await wire.WaitForAsync(frame => frame.Sent && frame.Event == "event", skip: start);
            var reply = await wire.ReplyToAsync(push);
            var frames = wire.Since(start).Where(frame => !frame.IsHeartbeat).ToList();
            Assert.Equal([push, reply], frames);
            results.Add((push.Bytes, reply.Bytes, push.Text!, reply.Text!));
        }

        return results;
    }

    private void Report(string path, string action, WireFrame join, WireFrame joinReply, List<(int Sent, int Received, string Up, string Down)> clicks)
    {
        var sent = clicks.Select(click => click.Sent).ToList();
        var received = clicks.Select(click => click.Received).ToList();
        StringBuilder text = new();
        text.AppendLine(CultureInfo.InvariantCulture, $"{path}: {action}, {clicks.Count} clicks, WebSocket payload bytes (UTF-8 text, framing excluded)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  up   (browser → server): {Range(sent)}  +6 B framing each (2 header + 4 mask)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  down (server → browser): {Range(received)}  +{(received.Max() > 125 ? 4 : 2)} B framing each");
        text.AppendLine(CultureInfo.InvariantCulture, $"  join: up {join.Bytes} B, reply down {joinReply.Bytes} B");
        text.AppendLine(CultureInfo.InvariantCulture, $"  example up:   {clicks[^1].Up}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  example down: {clicks[^1].Down}");
        text.AppendLine(CultureInfo.InvariantCulture, $"| {path} | {action} | {Range(sent)} | {Range(received)} | {joinReply.Bytes:N0} |");
        output.WriteLine(text.ToString());
    }

    private static string Range(List<int> values) =>
        values.Min() == values.Max()
            ? values.Min().ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{values.Min()}–{values.Max()} (mean {values.Average():0.#})");
}
