using Hyper.Live.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Hyper.Live.Tests.State;

/// <summary><c>BroadcastTo</c> by session id, to all sessions, and the pub/sub topic in <c>HandleInfo</c>.</summary>
public sealed class BroadcastToTests
{
    [Fact]
    public async Task BroadcastTo_reaches_the_named_sessions_only_and_counts_unknown_ids()
    {
        await using var host = await SharedStateTests.StartAsync();
        await using var client = host.CreateClient();
        var sender = await client.LiveAsync("/messages");
        var target = await client.LiveAsync("/messages");
        var bystander = await client.LiveAsync("/messages");
        var metrics = host.Services.GetRequiredService<HyperLiveMetrics>();
        var unknown = metrics.UnknownSessions;

        await sender.ClickAsync("#send", new { to = target.View.SessionId });

        await target.WaitForAsync(p => p.Has("li", "-: hello from " + sender.View.SessionId));
        Assert.Equal("1", sender.Text("#delivered"));
        Assert.Equal(unknown + 1, metrics.UnknownSessions);
        await Task.Delay(100);
        Assert.Empty(bystander.QueryAll("li"));
        Assert.Empty(sender.QueryAll("li"));
    }

    [Fact]
    public async Task BroadcastToAll_and_the_ILiveSessions_service_reach_every_session()
    {
        await using var host = await SharedStateTests.StartAsync();
        await using var client = host.CreateClient();
        var first = await client.LiveAsync("/messages");
        var second = await client.LiveAsync("/messages");

        await first.ClickAsync("#all");
        await second.WaitForAsync(p => p.Has("li", "-: to all"));
        await first.WaitForAsync(p => p.Has("li", "-: to all"));
        Assert.Equal("2", first.Text("#delivered"));

        var sessions = host.Services.GetRequiredService<ILiveSessions>();
        Assert.Equal(2, sessions.Count);
        Assert.Equal(1, sessions.BroadcastTo([second.View.SessionId], "from a service"));
        await second.WaitForAsync(p => p.Has("li", "-: from a service"));
    }

    [Fact]
    public async Task HandleInfo_sees_the_topic_and_the_topicless_HandleInfo_still_receives()
    {
        var name = Guid.NewGuid().ToString("N");
        await using var host = await SharedStateTests.StartAsync();
        await using var client = host.CreateClient();
        var listener = await client.LiveAsync("/messages?topic=room:" + name);
        var old = await client.LiveAsync("/topicless?name=" + name);

        await listener.ClickAsync("#publish", new { topic = "room:" + name });
        await listener.WaitForAsync(p => p.Has("li", $"room:{name}: news"));

        await host.Services.GetRequiredService<IPubSub>().BroadcastAsync("old-style:" + name, "still here");
        await old.WaitForAsync(p => p.Text("#last") == "still here");
    }
}
