using System.Security.Claims;
using System.Text.Encodings.Web;
using Hyper.Live.Tests.Protocol;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hyper.Live.Tests.Security;

/// <summary>A test scheme: <c>X-Test-User: alice:admin,editor</c> signs in alice with two roles; no header is anonymous.</summary>
internal sealed class HeaderAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestHeader";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers[PhoenixTestClient.TestUserHeader].ToString() is not { Length: > 0 } header)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var parts = header.Split(':');
        var claims = new List<Claim> { new(ClaimTypes.Name, parts[0]), new(ClaimTypes.NameIdentifier, parts[0]) };
        claims.AddRange((parts.Length > 1 ? parts[1].Split(',') : []).Select(role => new Claim(ClaimTypes.Role, role)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
