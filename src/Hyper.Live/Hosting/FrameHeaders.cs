using Microsoft.AspNetCore.Http;

namespace Hyper.Live.Hosting;

/// <summary>
/// The headers that keep a live page out of foreign frames (clickjacking): a live page acts on
/// the user's behalf with every click, so a hostile site must not overlay it.
/// </summary>
internal static class FrameHeaders
{
    /// <summary>Adds <c>frame-ancestors <paramref name="ancestors"/></c> and its X-Frame-Options equivalent; nothing when null.</summary>
    public static void Apply(HttpResponse response, string? ancestors)
    {
        if (string.IsNullOrWhiteSpace(ancestors))
        {
            return;
        }

        // Appended, not set: with several policies the browser enforces each, so the app's own CSP keeps working.
        response.Headers.Append("Content-Security-Policy", "frame-ancestors " + ancestors);

        // X-Frame-Options can only say "same origin" or "never"; any other list is left to the CSP.
        var frameOptions = ancestors.Trim() switch
        {
            "'self'" => "SAMEORIGIN",
            "'none'" => "DENY",
            _ => null,
        };
        if (frameOptions is not null && !response.Headers.ContainsKey("X-Frame-Options"))
        {
            response.Headers.XFrameOptions = frameOptions;
        }
    }
}
