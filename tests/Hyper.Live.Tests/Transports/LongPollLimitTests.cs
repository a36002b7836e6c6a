using Hyper.Live.Transports;

namespace Hyper.Live.Tests.Transports;

/// <summary>The bound on long-poll sessions, on a server of its own: filling it would refuse the other tests' sessions.</summary>
public sealed class LongPollLimitTests(LongPollCappedServer server) : IClassFixture<LongPollCappedServer>
{
    [Fact]
    public async Task The_number_of_sessions_is_bounded_and_expired_ones_free_their_place()
    {
        var registry = (LongPollRegistry)server.Services.GetService(typeof(LongPollRegistry))!;
        using var client = await LongPollTestClient.LoadAsync(server.BaseAddress, "/counter");
        for (var i = 0; i < 5; i++)
        {
            client.Token = null;
            Assert.Equal(410, (int?)(await client.OpenAsync())["status"]);
        }

        client.Token = null;
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(client.OpenAsync);
        Assert.Equal("HTTP 503: Hyper.Live: too many long-poll sessions.", refused.Message);
        Assert.Equal(5, registry.Count);

        // Unpolled, they all expire: the places are free again.
        await LongPollTestServer.Eventually(() => registry.Count == 0);
        client.Token = null;
        Assert.Equal(410, (int?)(await client.OpenAsync())["status"]);
    }
}
