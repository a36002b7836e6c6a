using Hyper.Live.Testing;

namespace Hyper.Live.Tests.State;

/// <summary>A lease is held by one session and released when that session ends, however it ends.</summary>
public sealed class LeaseTests
{
    [Fact]
    public async Task One_session_holds_a_lease_others_are_refused_and_see_the_holder_change()
    {
        await using var scene = await Scene.StartAsync();
        var (ann, bob, resource) = (scene.Ann, scene.Bob, scene.Resource);

        await bob.ClickAsync("#take");

        Assert.Equal(ann.View.SessionId, Lease.HolderOf(resource));
        Assert.Equal("true", bob.Text("#refused"));
        Assert.Equal(ann.View.SessionId, bob.Text("#holder"));

        await ann.ClickAsync("#give");
        await bob.WaitForAsync(p => p.Text("#holder") == "free");
        await bob.ClickAsync("#take");
        Assert.Equal(bob.View.SessionId, Lease.HolderOf(resource));
    }

    [Fact]
    public async Task The_lease_is_released_when_the_page_leaves()
    {
        await using var scene = await Scene.StartAsync();

        await scene.Ann.DisposeAsync();

        await scene.Bob.WaitForAsync(p => p.Text("#holder") == "free");
        Assert.Null(Lease.HolderOf(scene.Resource));
    }

    [Fact]
    public async Task The_lease_is_released_when_the_view_crashes()
    {
        await using var scene = await Scene.StartAsync();
        var holder = scene.Ann.View.SessionId;

        await scene.Ann.ClickAsync("#crash");

        await SharedStateTests.WaitUntilAsync(() => Lease.HolderOf(scene.Resource) != holder);
    }

    [Fact]
    public async Task The_lease_of_a_detached_session_is_kept_until_the_session_expires()
    {
        await using var scene = await Scene.StartAsync(options => options.DisconnectedSessionRetention = TimeSpan.FromMilliseconds(300));
        var holder = scene.Ann.View.SessionId;

        await scene.Ann.DisconnectAsync();
        Assert.Equal(holder, Lease.HolderOf(scene.Resource)); // a reconnect within the retention would still hold it

        await SharedStateTests.WaitUntilAsync(() => Lease.HolderOf(scene.Resource) is null);
    }

    /// <summary>Two pages on a resource of their own; Ann has taken the lease.</summary>
    private sealed record Scene(LiveTestHost Host, LiveClient Client, string Resource, LivePage Ann, LivePage Bob) : IAsyncDisposable
    {
        public static async Task<Scene> StartAsync(Action<HyperLiveOptions>? configure = null)
        {
            var resource = "row:" + Guid.NewGuid().ToString("N");
            var host = await SharedStateTests.StartAsync(configure);
            var client = host.CreateClient();
            var ann = await client.LiveAsync("/lease?resource=" + resource);
            var bob = await client.LiveAsync("/lease?resource=" + resource);
            await ann.ClickAsync("#take");
            return new Scene(host, client, resource, ann, bob);
        }

        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            await Host.DisposeAsync();
        }
    }
}
