using System.Security.Claims;

namespace Hyper.Live.Sessions;

/// <summary>What the socket's HTTP upgrade request established, shared by every view joined over it.</summary>
/// <param name="User">The authenticated user of the upgrade request.</param>
/// <param name="CsrfValid">Whether the CSRF token matched; when not, every join is answered <c>stale</c>.</param>
/// <param name="Services">The application's services.</param>
/// <param name="Host">The host (no port) the upgrade request was made to: join URLs must name it.</param>
internal sealed record SocketContext(ClaimsPrincipal User, bool CsrfValid, IServiceProvider Services, string Host);
