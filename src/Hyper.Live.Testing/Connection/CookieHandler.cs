using System.Net;

namespace Hyper.Live.Testing.Connection;

/// <summary>Sends a <see cref="CookieContainer"/>'s cookies with every request and stores the ones responses set, as a browser does.</summary>
internal sealed class CookieHandler : DelegatingHandler
{
    private readonly CookieContainer cookies;

    public CookieHandler(CookieContainer cookies, HttpMessageHandler inner)
        : base(inner) => this.cookies = cookies;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var header = cookies.GetCookieHeader(uri);
        if (header.Length > 0)
        {
            request.Headers.Remove("Cookie");
            request.Headers.Add("Cookie", header);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                cookies.SetCookies(uri, setCookie);
            }
        }

        return response;
    }
}
