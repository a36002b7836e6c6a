using System.Text.Json.Nodes;
using Hyper.Live.Transports;

namespace Hyper.Live.Tests.Transports;

/// <summary>The bound on long-poll sessions, on a server of its own: filling it would refuse the other tests' sessions.</summary>
public sealed class LongPollLimitTests(LongPollTestServer server) : IClassFixture<LongPollTestServer>
{
    [Fact]
    public async Task The_number_of_sessions_is_bounded()
    {
        var registry = (LongPollRegistry)server.Services.GetService(typeof(LongPollRegistry))!;
        var clients = new List<LongPollTestClient>();
        try
        {
            JsonObject? refused = null;
            for (var i = 0; i < 60 && refused is null; i++)
            {
                var client = await LongPollTestClient.LoadAsync(server.BaseAddress, "/counter");
                clients.Add(client);
                try
                {
                    await client.OpenAsync();
                }
                catch (InvalidOperationException error) when (error.Message.StartsWith("HTTP 503", StringComparison.Ordinal))
                {
                    refused = new JsonObject();
                }
            }

            Assert.NotNull(refused);
            Assert.Equal(50, registry.Count);
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }

        // Unpolled, they all expire: the places are free again.
        await LongPollTestServer.Eventually(() => registry.Count == 0);
    }
}
