using Microsoft.AspNetCore.Http;
using Hyper.Live.Security;

namespace Hyper.Live.Tests.Transports;

/// <summary>Query and cookie values read without the request's cached collections.</summary>
public sealed class UncachedRequestValuesTests
{
    [Theory]
    [InlineData("?_csrf_token=a%2Bb%3D&vsn=2.0.0", "_csrf_token", "a+b=")]
    [InlineData("?_csrf_token=x&_mounts=0&_live_referer=undefined&vsn=2.0.0", "vsn", "2.0.0")]
    [InlineData("?vsn=2.0.0&vsn=1.0.0", "vsn", "2.0.0")]
    [InlineData("?a=1", "vsn", null)]
    [InlineData("", "vsn", null)]
    public void Query_returns_the_first_decoded_value(string query, string name, string? expected)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query);

        Assert.Equal(expected, UncachedRequestValues.Query(context.Request, name));
        Assert.Equal(expected, context.Request.Query[name].FirstOrDefault());
    }

    [Theory]
    [InlineData("hyper_live_csrf=abc", "abc")]
    [InlineData("theme=dark; hyper_live_csrf=abc-_9; other=1", "abc-_9")]
    [InlineData("hyper_live_csrf=\"quoted\"", "\"quoted\"")]
    [InlineData("hyper_live_csrf=a%20b", "a b")]
    [InlineData("hyper_live_csrfx=1; xhyper_live_csrf=2", null)]
    [InlineData("", null)]
    public void Cookie_reads_the_named_value_as_request_cookies_do(string header, string? expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = header;

        Assert.Equal(expected, UncachedRequestValues.Cookie(context.Request, "hyper_live_csrf"));
        Assert.Equal(expected, context.Request.Cookies["hyper_live_csrf"]);
    }
}
