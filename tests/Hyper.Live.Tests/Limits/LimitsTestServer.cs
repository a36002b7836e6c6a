using Hyper.Live.Tests.Protocol;
using Microsoft.Extensions.Hosting;

namespace Hyper.Live.Tests.Limits;

/// <summary>The test server in Production, with limits low enough to reach in a test.</summary>
public sealed class LimitsTestServer : LiveTestServer
{
    protected override string EnvironmentName => Environments.Production;

    protected override void Configure(HyperLiveOptions options)
    {
        options.EventRateLimit = "12/minute";
        options.RateLimitedEventLimit = "3/minute";
        options.JoinRateLimit = "3/minute";
        options.ClientErrorLogInterval = TimeSpan.Zero; // the tests read each refusal's log line
    }
}

/// <summary>The test server with room for two sockets per address and one live view in all.</summary>
public sealed class CappedTestServer : LiveTestServer
{
    protected override void Configure(HyperLiveOptions options)
    {
        options.MaxSocketsPerIpAddress = 2;
        options.MaxSessions = 1;
    }
}
