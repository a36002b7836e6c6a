using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Hyper.Live.Security;

/// <summary>
/// CSRF protection for the socket: the page's meta tag carries a signed copy of a random
/// secret kept in an HttpOnly cookie; the socket is live only when the token sent with it
/// matches the cookie (protocol §2.1). A cross-site page has neither.
/// </summary>
internal sealed class CsrfTokens
{
    public const string CookieName = "hyper_live_csrf";

    /// <summary>The name of the token in the socket's query and in a form posted without JavaScript.</summary>
    public const string FormField = "_csrf_token";

    private readonly IDataProtector protector;

    public CsrfTokens(IDataProtectionProvider dataProtection) =>
        protector = dataProtection.CreateProtector("Hyper.Live.Csrf.v1");

    /// <summary>The token for the page's meta tag; sets the secret cookie when the browser has none.</summary>
    public string TokenFor(HttpContext context)
    {
        var secret = context.Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(secret) || secret.Length > 64)
        {
            secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
            context.Response.Cookies.Append(CookieName, secret, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                Path = "/",
                IsEssential = true,
            });
        }

        return protector.Protect(secret);
    }

    /// <summary>Whether the socket request's <c>_csrf_token</c> matches its cookie.</summary>
    // Not Request.Cookies/Query: their parsed collections would stay with the socket for its whole life.
    public bool IsValid(HttpContext context) =>
        Matches(UncachedRequestValues.Cookie(context.Request, CookieName), UncachedRequestValues.Query(context.Request, FormField));

    /// <summary>Whether a posted form's <c>_csrf_token</c> matches the request's cookie.</summary>
    public bool IsValid(HttpContext context, string? postedToken) => Matches(context.Request.Cookies[CookieName], postedToken);

    private bool Matches(string? secret, string? token)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(token))
        {
            return false;
        }

        try
        {
            var expected = System.Text.Encoding.UTF8.GetBytes(protector.Unprotect(token));
            return CryptographicOperations.FixedTimeEquals(expected, System.Text.Encoding.UTF8.GetBytes(secret));
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
