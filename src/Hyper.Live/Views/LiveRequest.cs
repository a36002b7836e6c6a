using System.Globalization;
using System.Net;
using Hyper.Live.Views;
using Microsoft.AspNetCore.Http;

namespace Hyper.Live;

/// <summary>
/// The HTTP request behind the page, as the view may rely on it. <see cref="Session"/>,
/// <see cref="Headers"/>, <see cref="RemoteIpAddress"/> and <see cref="Culture"/> are what the
/// HTTP render saw, signed (and encrypted) into the page's session token: the connected view
/// reads exactly those values, which the browser cannot change. <see cref="Cookies"/> is read
/// live: from the page's request during the HTTP render, then from the socket's upgrade request,
/// and is as much client input as any cookie.
/// </summary>
public sealed class LiveRequest
{
    private static readonly Dictionary<string, string> None = [];

    internal LiveRequest(RequestSnapshot snapshot, IRequestCookieCollection cookies)
    {
        Snapshot = snapshot;
        Session = snapshot.Session ?? None;
        Headers = new Dictionary<string, string>(snapshot.Headers ?? None, StringComparer.OrdinalIgnoreCase);
        RemoteIpAddress = IPAddress.TryParse(snapshot.RemoteIpAddress, out var address) ? address : null;
        Culture = Known(snapshot.Culture);
        Cookies = cookies;
    }

    /// <summary>
    /// The ASP.NET Core session (<c>ISession</c>) at the HTTP render, every key as text; empty when the
    /// app does not use sessions or <see cref="HyperLiveOptions.CaptureSession"/> is off. Later changes to
    /// the session are not seen by a connected view.
    /// </summary>
    public IReadOnlyDictionary<string, string> Session { get; }

    /// <summary>The request headers named in <see cref="HyperLiveOptions.CapturedHeaders"/>, at the HTTP render (names in any case).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The client's IP address at the HTTP render, as the server saw it; null when unknown.</summary>
    public IPAddress? RemoteIpAddress { get; }

    /// <summary>The request's culture at the HTTP render (set by <c>UseRequestLocalization</c>, else the server's).</summary>
    public CultureInfo Culture { get; }

    /// <summary>
    /// The cookies of the request in hand, NOT signed: the page's request during the HTTP render, then
    /// the socket's upgrade request. Treat them as client input.
    /// </summary>
    public IRequestCookieCollection Cookies { get; }

    /// <summary>What the session token carries.</summary>
    internal RequestSnapshot Snapshot { get; }

    private static CultureInfo Known(string? name)
    {
        if (name is null)
        {
            return CultureInfo.InvariantCulture;
        }

        try
        {
            return CultureInfo.GetCultureInfo(name);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture; // a culture this server does not know: the token came from another machine
        }
    }
}
