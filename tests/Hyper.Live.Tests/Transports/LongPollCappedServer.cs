using Hyper.Live.Tests.Protocol;

namespace Hyper.Live.Tests.Transports;

/// <summary>The test server with room for five long-poll sessions, which expire after 2 s without a poll.</summary>
public sealed class LongPollCappedServer : LiveTestServer
{
    protected override void Configure(HyperLiveOptions options)
    {
        options.MaxLongPollSessions = 5;
        options.IdleTimeout = TimeSpan.FromSeconds(2);
    }
}
