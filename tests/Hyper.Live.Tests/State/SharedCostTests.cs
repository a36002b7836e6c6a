using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Hyper.Live.Diagnostics;
using Hyper.Live.Security;
using Hyper.Live.Tests.Protocol;
using Hyper.Live.Views;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Hyper.Live.Tests.State;

/// <summary>Reads <see cref="Value"/>, a shared value of its own (no other test changes it).</summary>
public sealed class CostReaderView : LiveView
{
    public static readonly Shared<int> Value = new(0);

    public override Html Render() => $"<p>{Value.Value}</p>";
}

/// <summary>A test server where one socket may join a thousand views at full speed.</summary>
public sealed class CostTestServer : LiveTestServer
{
    protected override void Configure(HyperLiveOptions options)
    {
        options.MaxViewsPerSocket = 1000;
        options.JoinRateLimit = null;
    }
}

/// <summary>
/// What a change of a shared value costs: over real sockets, 10,000 live sessions of which 1,000 read it; one change
/// renders the 1,000 readers and sends 1,000 diffs, and the 9,000 others do nothing.
/// </summary>
public sealed class SharedCostTests(CostTestServer server, ITestOutputHelper output) : IClassFixture<CostTestServer>
{
    private const int Sockets = 10;
    private const int ViewsPerSocket = 1000;
    private const int ReadersPerSocket = 100;

    [Fact]
    public async Task A_change_seen_by_1000_of_10000_sessions_renders_1000_views_and_sends_1000_diffs()
    {
        var tokens = server.Services.GetRequiredService<LiveTokens>();
        var metrics = server.Services.GetRequiredService<HyperLiveMetrics>();
        var clients = new List<PhoenixTestClient>();
        try
        {
            for (var s = 0; s < Sockets; s++)
            {
                var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/counter");
                clients.Add(client);
                await JoinManyAsync(client, tokens);
            }

            Assert.Equal(Sockets * ReadersPerSocket, CostReaderView.Value.ReaderCount);
            var latencies = new List<double>();
            for (var round = 1; round <= 5; round++)
            {
                var (renders, diffs) = (metrics.SharedRenders, metrics.DiffPushes);
                var changed = Stopwatch.GetTimestamp();
                CostReaderView.Value.Update(n => n + 1);
                var arrivals = await Task.WhenAll(clients.Select(c => DiffsAsync(c, ReadersPerSocket, changed)));
                latencies.AddRange(arrivals.SelectMany(a => a));
                await Task.Delay(200); // nothing more comes: no other view rendered

                Assert.Equal(Sockets * ReadersPerSocket, metrics.SharedRenders - renders);
                Assert.Equal(Sockets * ReadersPerSocket, metrics.DiffPushes - diffs);
            }

            latencies.Sort();
            output.WriteLine($"broadcast to {Sockets * ViewsPerSocket} sessions ({Sockets * ReadersPerSocket} readers): " +
                $"diff received after p50 {Percentile(latencies, 0.50):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms, max {latencies[^1]:F1} ms");
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    /// <summary>Joins a thousand views over one socket (a tenth of them readers) and waits for every reply.</summary>
    private static async Task JoinManyAsync(PhoenixTestClient client, LiveTokens tokens)
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());
        var refs = new HashSet<string>();
        for (var v = 0; v < ViewsPerSocket; v++)
        {
            var reader = v < ReadersPerSocket;
            var id = LiveTokens.NewContainerId();
            var session = tokens.SignSession(id, LiveTokens.NewSessionId(), reader ? typeof(CostReaderView) : typeof(NonReaderView), anonymous, RequestSnapshot.Empty);
            var url = new Uri(server(client), reader ? "/tests/state/cost-reader-view" : "/tests/state/non-reader-view").ToString();
            refs.Add(await client.JoinAsync(session, tokens.SignStatic(id, null), url, topic: "lv:" + id));
        }

        while (refs.Count > 0)
        {
            var frame = await client.ReceiveAsync();
            if ((string?)frame[3] == "phx_reply" && refs.Remove((string)frame[1]!))
            {
                Assert.Equal("ok", (string?)frame[4]!["status"]);
            }
        }

        static Uri server(PhoenixTestClient client) => client.Page.Url;
    }

    /// <summary>Receives <paramref name="count"/> diff pushes; returns when each arrived (ms after <paramref name="since"/>).</summary>
    private static async Task<List<double>> DiffsAsync(PhoenixTestClient client, int count, long since)
    {
        var arrivals = new List<double>();
        while (arrivals.Count < count)
        {
            JsonArray frame = await client.ReceiveAsync();
            Assert.Equal("diff", (string?)frame[3]);
            arrivals.Add(Stopwatch.GetElapsedTime(since).TotalMilliseconds);
        }

        return arrivals;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
