using Hyper.Live.Tests.Protocol;

namespace Hyper.Live.Tests.Transports;

/// <summary>The test server with a short long-poll window and idle timeout, so polls and expiry fit in a test.</summary>
public sealed class LongPollTestServer : LiveTestServer
{
    protected override void Configure(HyperLiveOptions options)
    {
        options.LongPollWindow = TimeSpan.FromMilliseconds(300);
        options.IdleTimeout = TimeSpan.FromSeconds(1);
    }

    /// <summary>Waits up to 5 s for <paramref name="condition"/>, then asserts it.</summary>
    public static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }
}
