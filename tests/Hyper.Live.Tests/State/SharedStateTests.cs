using Hyper.Live.Diagnostics;
using Hyper.Live.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Hyper.Live.Tests.State;

/// <summary><see cref="Shared{T}"/>: views that read a shared value follow its changes, coalesced; others do nothing.</summary>
public sealed class SharedStateTests
{
    internal static Task<LiveTestHost> StartAsync(Action<HyperLiveOptions>? configure = null) => LiveTestHost.StartAsync(
        app =>
        {
            app.MapHyperLive(typeof(SharedStateTests).Assembly);
            app.MapLive<SharedCountView>("/shared-count");
            app.MapLive<NonReaderView>("/non-reader");
            app.MapLive<MessagesView>("/messages");
            app.MapLive<TopiclessView>("/topicless");
            app.MapLive<LeaseView>("/lease");
        },
        builder => builder.Services.Configure<HyperLiveOptions>(options => configure?.Invoke(options)));

    private static string NewName() => "test:" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_change_re_renders_every_view_that_read_the_value_and_no_other()
    {
        var name = NewName();
        await using var host = await StartAsync();
        await using var client = host.CreateClient();
        var ann = await client.LiveAsync("/shared-count?name=" + name);
        var bob = await client.LiveAsync("/shared-count?name=" + name);
        var other = await client.LiveAsync("/non-reader");
        var otherRenders = other.State<NonReaderView>().Renders;

        await ann.ClickAsync("#bump");

        await bob.WaitForAsync(p => p.Text("#count") == "1");
        Assert.Equal("1", ann.Text("#count"));
        Assert.Equal(2, Shared.Get(name, () => 0).ReaderCount);
        await Task.Delay(100);
        Assert.Equal(otherRenders, other.State<NonReaderView>().Renders);
    }

    [Fact]
    public async Task Many_changes_while_a_view_is_busy_cost_it_one_render()
    {
        var name = NewName();
        var shared = Shared.Get(name, () => 0);
        await using var host = await StartAsync();
        await using var client = host.CreateClient();
        var page = await client.LiveAsync("/shared-count?name=" + name);
        var view = page.State<SharedCountView>();
        var metrics = host.Services.GetRequiredService<HyperLiveMetrics>();
        var sharedRenders = metrics.SharedRenders;
        SharedCountView.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var rendersBefore = view.Renders;

        var waiting = page.ClickAsync("#wait"); // the view's mailbox is busy until the gate opens
        await Task.Delay(100);
        for (var i = 0; i < 50; i++)
        {
            shared.Update(n => n + 1);
        }

        SharedCountView.Gate.SetResult();
        await waiting;
        await WaitUntilAsync(() => metrics.SharedRenders > sharedRenders);
        await Task.Delay(200);

        Assert.Equal("50", page.Text("#count"));
        Assert.Equal(sharedRenders + 1, metrics.SharedRenders);
        Assert.Equal(rendersBefore + 2, view.Renders); // the event's reply, then one for all 50 changes
    }

    [Fact]
    public async Task A_view_stops_reading_when_its_render_no_longer_reads_and_when_it_ends()
    {
        var name = NewName();
        var shared = Shared.Get(name, () => 0);
        await using var host = await StartAsync();
        await using var client = host.CreateClient();
        var page = await client.LiveAsync("/shared-count?name=" + name);
        var second = await client.LiveAsync("/shared-count?name=" + name);
        Assert.Equal(2, shared.ReaderCount);

        await page.ClickAsync("#hide");
        Assert.Equal(1, shared.ReaderCount);
        var renders = page.State<SharedCountView>().Renders;
        shared.Update(n => n + 1);
        await second.WaitForAsync(p => p.Text("#count") == "1");
        await Task.Delay(100);
        Assert.Equal(renders, page.State<SharedCountView>().Renders);

        await second.DisposeAsync();
        await WaitUntilAsync(() => shared.ReaderCount == 0);
    }

    [Fact]
    public async Task Updates_from_many_threads_are_serialised_and_none_is_lost()
    {
        var shared = new Shared<int>(0);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                shared.Update(n => n + 1);
            }
        })));
        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => shared.UpdateAsync(async (n, ct) =>
        {
            await Task.Yield();
            return n + 1;
        })));

        Assert.Equal(8100, shared.Value);
    }

    [Fact]
    public async Task Without_AutoBroadcast_readers_follow_only_an_explicit_Broadcast()
    {
        var name = NewName();
        var shared = Shared.Get(name, () => 0);
        shared.AutoBroadcast = false;
        await using var host = await StartAsync();
        await using var client = host.CreateClient();
        var page = await client.LiveAsync("/shared-count?name=" + name);

        shared.Value = 7;
        await Task.Delay(150);
        Assert.Equal("0", page.Text("#count"));

        Assert.Equal(1, shared.Broadcast());
        await page.WaitForAsync(p => p.Text("#count") == "7");
    }

    [Fact]
    public void A_name_keeps_its_type()
    {
        var name = NewName();
        Shared.Get(name, () => 1);

        var error = Assert.Throws<InvalidOperationException>(() => Shared.Get(name, () => new List<string>()));

        Assert.Equal($"The shared value '{name}' is a Shared<Int32>, not a Shared<List<String>>.", error.Message);
        Assert.Same(Shared.Get(name, () => 5), Shared.Get(name, () => 6));
        Assert.Equal(1, Shared.Get(name, () => 5).Value);
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the condition");
            await Task.Delay(10);
        }
    }
}
