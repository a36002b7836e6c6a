using System.Security.Claims;
using Hyper.Live.RateLimiting;

namespace Hyper.Live.Sessions;

/// <summary>What the socket's HTTP upgrade request established, shared by every view joined over it.</summary>
/// <param name="User">The authenticated user of the upgrade request.</param>
/// <param name="CsrfValid">Whether the CSRF token matched; when not, every join is answered <c>stale</c>.</param>
/// <param name="Services">The application's services.</param>
/// <param name="Limits">The socket's rate limits, shared by its views.</param>
internal sealed record SocketContext(ClaimsPrincipal User, bool CsrfValid, IServiceProvider Services, SocketLimits Limits);
