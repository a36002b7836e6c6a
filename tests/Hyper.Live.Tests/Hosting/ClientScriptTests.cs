using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Hyper.Live.Hosting;

namespace Hyper.Live.Tests.Hosting;

public sealed class ClientScriptTests
{
    [Fact]
    public void Bundle_is_embedded_and_contains_the_LiveView_client_and_our_glue()
    {
        ClientScript script = ClientScript.Shared;
        string js = Encoding.UTF8.GetString(script.Content.Span);

        // The minified LiveView + Phoenix client alone is well over 50 KB.
        Assert.True(script.Content.Length > 50_000, $"bundle is only {script.Content.Length} bytes");
        Assert.StartsWith("(()=>{", js.TrimStart(), StringComparison.Ordinal); // classic-script IIFE, no ES module syntax
        // Protocol strings that survive minification: LiveView containers, channel join, socket serializer version.
        Assert.Contains("data-phx-session", js, StringComparison.Ordinal);
        Assert.Contains("phx_join", js, StringComparison.Ordinal);
        Assert.Contains("2.0.0", js, StringComparison.Ordinal);
        // Our module: the socket path, the globals and the state event.
        Assert.Contains("\"/live\"", js, StringComparison.Ordinal);
        Assert.Contains("hyperLive", js, StringComparison.Ordinal);
        Assert.Contains("liveSocket", js, StringComparison.Ordinal);
        Assert.Contains("hyper:state", js, StringComparison.Ordinal);
        Assert.Contains("csrf-token", js, StringComparison.Ordinal);
    }

    [Fact]
    public void Shared_instance_is_loaded_once_and_has_a_hash_based_url_and_strong_etag()
    {
        ClientScript script = ClientScript.Shared;

        Assert.Same(script, ClientScript.Shared);
        Assert.Matches("^[A-Za-z0-9_-]{16}$", script.Hash);
        Assert.Equal($"\"{script.Hash}\"", script.ETag);
        Assert.Equal($"/_hyper/live.js?v={script.Hash}", script.Url);
        Assert.Equal(script.Hash, ClientScript.Load(typeof(ClientScript).Assembly).Hash);
    }

    [Fact]
    public async Task Endpoint_serves_the_bundle_with_etag_caching_and_304()
    {
        ClientScript script = ClientScript.Shared;
        await using WebApplication app = await StartAppAsync();
        using HttpClient client = new() { BaseAddress = new Uri(app.Urls.Single()) };

        using HttpResponseMessage versioned = await client.GetAsync(script.Url);
        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        Assert.Equal("text/javascript", versioned.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", versioned.Content.Headers.ContentType?.CharSet);
        Assert.Equal(script.ETag, versioned.Headers.ETag?.ToString());
        Assert.False(versioned.Headers.ETag?.IsWeak);
        Assert.Equal("public, max-age=31536000, immutable", versioned.Headers.CacheControl?.ToString());
        Assert.Equal(script.Content.ToArray(), await versioned.Content.ReadAsByteArrayAsync());

        // Without the current version the content may change under the same URL: revalidate.
        using HttpResponseMessage bare = await client.GetAsync("/_hyper/live.js?v=stale");
        Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
        Assert.True(bare.Headers.CacheControl?.NoCache);
        Assert.False(bare.Headers.CacheControl?.Public);

        using HttpRequestMessage conditional = new(HttpMethod.Get, "/_hyper/live.js");
        conditional.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\""));
        conditional.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(script.ETag));
        using HttpResponseMessage notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(script.ETag, notModified.Headers.ETag?.ToString());
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using HttpRequestMessage mismatch = new(HttpMethod.Get, script.Url);
        mismatch.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\""));
        using HttpResponseMessage changed = await client.SendAsync(mismatch);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        using HttpRequestMessage head = new(HttpMethod.Head, script.Url);
        using HttpResponseMessage headResponse = await client.SendAsync(head);
        Assert.Equal(HttpStatusCode.OK, headResponse.StatusCode);
        Assert.Equal(script.Content.Length, headResponse.Content.Headers.ContentLength);

        using HttpResponseMessage post = await client.PostAsync("/_hyper/live.js", new StringContent(""));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);

        await app.StopAsync();
    }

    private static async Task<WebApplication> StartAppAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        WebApplication app = builder.Build();
        app.MapClientScript();
        await app.StartAsync();
        return app;
    }
}
