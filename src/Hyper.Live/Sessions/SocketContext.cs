using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Hyper.Live.RateLimiting;

namespace Hyper.Live.Sessions;

/// <summary>What the socket's HTTP upgrade request established, shared by every view joined over it.</summary>
/// <param name="Request">The upgrade request, alive as long as the socket: its user, services and connection.</param>
/// <param name="CsrfValid">Whether the CSRF token matched; when not, every join is answered <c>stale</c>.</param>
/// <param name="Limits">The socket's rate limits, shared by its views.</param>
internal sealed record SocketContext(HttpContext Request, bool CsrfValid, SocketLimits Limits)
{
    /// <summary>The authenticated user of the upgrade request.</summary>
    public ClaimsPrincipal User => Request.User;

    /// <summary>The application's services.</summary>
    public IServiceProvider Services => Request.RequestServices;
}
