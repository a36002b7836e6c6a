using Hyper.Live.Transports;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Hyper.Live.Tests.Transports;

public class OriginPolicyTests
{
    private sealed class FakeServer : IServer
    {
        public FakeServer(params string[] addresses)
        {
            var feature = new ServerAddressesFeature();
            foreach (var address in addresses)
            {
                feature.Addresses.Add(address);
            }

            Features.Set<IServerAddressesFeature>(feature);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public void Dispose()
        {
        }

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static bool Allows(string origin, string requestHost, string[] addresses, string? allowedHosts = null, params string[] allowedOrigins)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(allowedHosts is null ? [] : [new("AllowedHosts", allowedHosts)])
            .Build();
        var options = new HyperLiveOptions();
        foreach (var allowed in allowedOrigins)
        {
            options.AllowedOrigins.Add(allowed);
        }

        var policy = new OriginPolicy(new FakeServer(addresses), configuration, Options.Create(options));
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new HostString(requestHost);
        context.Request.Headers.Origin = origin;
        return policy.Allows(context.Request);
    }

    [Fact]
    public void The_servers_own_addresses_and_their_loopback_aliases_are_allowed()
    {
        string[] addresses = ["http://127.0.0.1:5000"];
        Assert.True(Allows("http://127.0.0.1:5000", "127.0.0.1:5000", addresses));
        Assert.True(Allows("http://localhost:5000", "localhost:5000", addresses));
        Assert.False(Allows("http://localhost:5001", "localhost:5001", addresses));
        Assert.False(Allows("https://127.0.0.1:5000", "127.0.0.1:5000", addresses));
        Assert.False(Allows("http://rebound.example:5000", "rebound.example:5000", addresses));
    }

    [Fact]
    public void Hosts_of_AllowedHosts_are_allowed_on_any_port()
    {
        string[] addresses = ["http://[::]:8080"];
        Assert.True(Allows("https://app.example", "app.example", addresses, "app.example;*.cdn.example"));
        Assert.True(Allows("https://eu.cdn.example", "eu.cdn.example", addresses, "app.example;*.cdn.example"));
        Assert.False(Allows("https://cdn.example", "cdn.example", addresses, "app.example;*.cdn.example"));
        Assert.False(Allows("http://evil.example:8080", "evil.example:8080", addresses, "app.example"));
    }

    [Fact]
    public void Allowed_origins_are_compared_exactly()
    {
        string[] addresses = ["http://127.0.0.1:5000"];
        Assert.True(Allows("https://app.example", "127.0.0.1:5000", addresses, null, "https://app.example/"));
        Assert.False(Allows("https://app.example:8443", "127.0.0.1:5000", addresses, null, "https://app.example"));
    }

    [Fact]
    public void Without_any_configured_host_only_the_requests_own_origin_is_allowed()
    {
        string[] wildcard = ["http://+:8080", "http://0.0.0.0:8081"];
        Assert.True(Allows("http://box:8080", "box:8080", wildcard, "*"));
        Assert.False(Allows("http://evil.example", "box:8080", wildcard, "*"));
        Assert.True(Allows("http://localhost", "localhost", []));
    }

    [Fact]
    public void Non_browser_clients_without_origin_and_garbage_origins()
    {
        Assert.True(Allows("", "127.0.0.1:5000", ["http://127.0.0.1:5000"]));
        Assert.False(Allows("null", "127.0.0.1:5000", ["http://127.0.0.1:5000"]));
        Assert.False(Allows("file://", "127.0.0.1:5000", ["http://127.0.0.1:5000"]));
    }
}
