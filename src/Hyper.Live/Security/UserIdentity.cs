using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Hyper.Live.Security;

/// <summary>
/// A short, stable fingerprint of who a user is, signed into the session token so that a token
/// issued to one user (or to an anonymous visitor) never mounts for another: a sign-out or a
/// change of user between the HTTP render and the join refuses the join.
/// </summary>
internal static class UserIdentity
{
    /// <summary>The fingerprint of <paramref name="user"/>; empty for an anonymous user.</summary>
    public static string KeyOf(ClaimsPrincipal user)
    {
        if (user.Identity is not { IsAuthenticated: true } identity)
        {
            return "";
        }

        // The name identifier when the scheme issues one (it survives a change of display name), else the name.
        var who = user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? identity.Name ?? "";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity.AuthenticationType + "\n" + who));
        return WebEncoders.Base64UrlEncode(hash, 0, 16);
    }
}
