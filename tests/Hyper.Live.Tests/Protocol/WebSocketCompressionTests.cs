using System.Net.WebSockets;

namespace Hyper.Live.Tests.Protocol;

/// <summary><see cref="HyperLiveOptions.WebSocketCompression"/>: per-message deflate when on and offered, never when off.</summary>
public sealed class WebSocketCompressionTests(CompressionTestServer compressing) : IClassFixture<CompressionTestServer>
{
    [Fact]
    public async Task Compression_negotiates_when_on_and_the_protocol_runs_over_it()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(compressing.BaseAddress, "/counter", socketOptions: OfferDeflate);

        Assert.Contains("permessage-deflate", Extensions(client));
        var joinRef = await client.JoinAsync();
        Assert.Equal("ok", (string?)(await client.ReplyToAsync(joinRef))["status"]);
        var eventRef = await client.PushAsync(joinRef, client.Topic, "event", new { type = "click", @event = "increment", value = new { value = "" } });
        Assert.Equal("""{"0":"1"}""", (await client.ReplyToAsync(eventRef))["response"]!["diff"]!.ToJsonString());
    }

    [Fact]
    public async Task Compression_is_off_by_default_even_when_the_client_offers_it()
    {
        Assert.False(new HyperLiveOptions().WebSocketCompression);
        await using var server = new LiveTestServer();
        await server.InitializeAsync();
        try
        {
            await using var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/counter", socketOptions: OfferDeflate);

            Assert.DoesNotContain("permessage-deflate", Extensions(client));
            var joinRef = await client.JoinAsync();
            Assert.Equal("ok", (string?)(await client.ReplyToAsync(joinRef))["status"]);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    // What a browser offers: per-message deflate with context takeover and the full window.
    private static void OfferDeflate(ClientWebSocketOptions options)
    {
        options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        options.CollectHttpResponseDetails = true;
    }

    private static string Extensions(PhoenixTestClient client) =>
        string.Join(',', ((ClientWebSocket)client.Socket).HttpResponseHeaders?.GetValueOrDefault("Sec-WebSocket-Extensions") ?? []);
}
