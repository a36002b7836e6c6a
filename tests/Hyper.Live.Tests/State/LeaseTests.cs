namespace Hyper.Live.Tests.State;

/// <summary>A lease is held by one session and released when that session ends, however it ends.</summary>
public sealed class LeaseTests
{
    private static string NewResource() => "row:" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task One_session_holds_a_lease_others_are_refused_and_see_the_holder_change()
    {
        var resource = NewResource();
        await using var host = await SharedStateTests.StartAsync();
        await using var client = host.CreateClient();
        var ann = await client.LiveAsync("/lease?resource=" + resource);
        var bob = await client.LiveAsync("/lease?resource=" + resource);

        await ann.ClickAsync("#take");
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
        var resource = NewResource();
        await using var host = await SharedStateTests.StartAsync();
        await using var client = host.CreateClient();
        var ann = await client.LiveAsync("/lease?resource=" + resource);
        var bob = await client.LiveAsync("/lease?resource=" + resource);
        await ann.ClickAsync("#take");

        await ann.DisposeAsync();

        await bob.WaitForAsync(p => p.Text("#holder") == "free");
        Assert.Null(Lease.HolderOf(resource));
    }

    [Fact]
    public async Task The_lease_is_released_when_the_view_crashes()
    {
        var resource = NewResource();
        await using var host = await SharedStateTests.StartAsync();
        await using var client = host.CreateClient();
        var ann = await client.LiveAsync("/lease?resource=" + resource);
        await ann.ClickAsync("#take");
        var holder = ann.View.SessionId;

        await ann.ClickAsync("#crash");

        await SharedStateTests.WaitUntilAsync(() => Lease.HolderOf(resource) != holder);
    }

    [Fact]
    public async Task The_lease_of_a_detached_session_is_kept_until_the_session_expires()
    {
        var resource = NewResource();
        await using var host = await SharedStateTests.StartAsync(options => options.DisconnectedSessionRetention = TimeSpan.FromMilliseconds(300));
        await using var client = host.CreateClient();
        var ann = await client.LiveAsync("/lease?resource=" + resource);
        await ann.ClickAsync("#take");
        var holder = ann.View.SessionId;

        await ann.DisconnectAsync();
        Assert.Equal(holder, Lease.HolderOf(resource)); // a reconnect within the retention would still hold it

        await SharedStateTests.WaitUntilAsync(() => Lease.HolderOf(resource) is null);
    }
}
