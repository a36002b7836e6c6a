namespace Hyper.Live.Tests.Protocol;

/// <summary>The test server with WebSocket per-message compression switched on.</summary>
public sealed class CompressionTestServer : LiveTestServer
{
    protected override void Configure(HyperLiveOptions options) => options.WebSocketCompression = true;
}
