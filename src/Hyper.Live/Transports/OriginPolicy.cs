using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Hyper.Live.Transports;

/// <summary>
/// Which browser origins may open the socket. Comparing <c>Origin</c> with the request's own
/// <c>Host</c> is not enough: after DNS rebinding a foreign page sends its own name in both.
/// So the origin must name a host the app is configured for: an entry of
/// <see cref="HyperLiveOptions.AllowedOrigins"/>, a host of the <c>AllowedHosts</c> setting
/// (as host filtering reads it), or an address the server listens on (loopback names count
/// as one another: no DNS answer can make them point elsewhere).
/// </summary>
/// <remarks>
/// When none of these names a host (the server listens only on wildcard addresses such as
/// <c>http://+:8080</c> or reports none, <c>AllowedHosts</c> is <c>*</c> or missing, and no allowed
/// origins are set), the origin must be the request's own scheme, host and port, as before: the app
/// then cannot tell its names apart from a rebound one, which the docs ask to fix by setting
/// <c>AllowedHosts</c> or <see cref="HyperLiveOptions.AllowedOrigins"/>.
/// </remarks>
internal sealed class OriginPolicy(IServer server, IConfiguration configuration, IOptions<HyperLiveOptions> options)
{
    private Allowed? allowed;

    /// <summary>Whether a socket whose upgrade request is <paramref name="request"/> may connect.</summary>
    public bool Allows(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return true; // not a browser: browsers always send Origin on WebSocket requests
        }

        // Computed on first use: the server's addresses are only known once it has started.
        var known = allowed ??= Read();
        if (known.Origins.Contains(origin.TrimEnd('/')))
        {
            return true;
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return false;
        }

        if (known.Hosts.Count == 0 && known.Addresses.Count == 0)
        {
            return string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
        }

        return known.Hosts.Any(host => MatchesHost(uri.IdnHost, host)) ||
            known.Addresses.Any(address => address.Port == uri.Port && address.Scheme == uri.Scheme &&
                (string.Equals(address.IdnHost, uri.IdnHost, StringComparison.OrdinalIgnoreCase) || (IsLoopback(address.IdnHost) && IsLoopback(uri.IdnHost))));
    }

    private Allowed Read()
    {
        var origins = new HashSet<string>(options.Value.AllowedOrigins.Select(o => o.TrimEnd('/')), StringComparer.OrdinalIgnoreCase);
        var hosts = (configuration["AllowedHosts"] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(host => host != "*")
            .ToList();
        var addresses = (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            .Select(address => Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !IsWildcard(uri.Host) ? uri : null)
            .OfType<Uri>()
            .ToList();
        return new Allowed(origins, hosts, addresses);
    }

    /// <summary>A host of <c>AllowedHosts</c>: exact, or <c>*.example.com</c> for its subdomains (not example.com itself).</summary>
    private static bool MatchesHost(string host, string allowedHost) =>
        allowedHost.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(allowedHost[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(host, allowedHost, StringComparison.OrdinalIgnoreCase);

    private static bool IsWildcard(string host) => host is "+" or "*" or "0.0.0.0" or "[::]";

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
        (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));

    private sealed record Allowed(HashSet<string> Origins, List<string> Hosts, List<Uri> Addresses);
}
