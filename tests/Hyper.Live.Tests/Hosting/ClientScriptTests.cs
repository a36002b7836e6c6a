using System.IO.Compression;
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

    [Fact]
    public void Compressed_forms_are_embedded_smaller_and_decompress_to_the_bundle()
    {
        ClientScript script = ClientScript.Shared;

        Assert.Equal(script.Content.ToArray(), Decompress("br", script.Brotli.Content.ToArray()));
        Assert.Equal(script.Content.ToArray(), Decompress("gzip", script.Gzip.Content.ToArray()));
        // Minified JavaScript compresses to well under a third; Brotli beats gzip on it.
        Assert.True(script.Gzip.Content.Length * 3 < script.Content.Length, $"gzip {script.Gzip.Content.Length} of {script.Content.Length} bytes");
        Assert.True(script.Brotli.Content.Length < script.Gzip.Content.Length, $"br {script.Brotli.Content.Length}, gzip {script.Gzip.Content.Length}");
        Assert.Equal($"\"{script.Hash}-br\"", script.Brotli.ETag);
        Assert.Equal($"\"{script.Hash}-gz\"", script.Gzip.ETag);
        Assert.Equal(script.ETag, script.Identity.ETag);
    }

    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("br", "br")]
    [InlineData("*", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("GZIP;q=0.5, deflate", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("*;q=0.1, br;q=0", "gzip")]
    [InlineData("identity", null)]
    [InlineData("deflate, zstd", null)]
    [InlineData("br;q=0, gzip;q=0", null)]
    [InlineData("*;q=0", null)]
    [InlineData(null, null)]
    public async Task Endpoint_sends_the_form_Accept_Encoding_allows(string? acceptEncoding, string? expected)
    {
        ClientScript script = ClientScript.Shared;
        await using WebApplication app = await StartAppAsync();
        using HttpClient client = new() { BaseAddress = new Uri(app.Urls.Single()) };
        ClientScriptVariant variant = expected switch { "br" => script.Brotli, "gzip" => script.Gzip, _ => script.Identity };

        using HttpRequestMessage request = new(HttpMethod.Get, script.Url);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        using HttpResponseMessage response = await client.SendAsync(request);
        byte[] body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected is null ? [] : [expected], response.Content.Headers.ContentEncoding);
        Assert.Equal(["Accept-Encoding"], response.Headers.Vary);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.Equal(variant.ETag, response.Headers.ETag?.ToString());
        Assert.Equal(variant.Content.Length, response.Content.Headers.ContentLength);
        Assert.Equal(variant.Content.ToArray(), body);
        Assert.Equal(script.Content.ToArray(), Decompress(expected, body));

        using HttpRequestMessage head = new(HttpMethod.Head, script.Url);
        if (acceptEncoding is not null)
        {
            head.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        using HttpResponseMessage headResponse = await client.SendAsync(head);
        Assert.Equal(variant.Content.Length, headResponse.Content.Headers.ContentLength);
        Assert.Equal(expected is null ? [] : [expected], headResponse.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task A_compressed_forms_ETag_revalidates_with_304_and_Vary()
    {
        ClientScript script = ClientScript.Shared;
        await using WebApplication app = await StartAppAsync();
        using HttpClient client = new() { BaseAddress = new Uri(app.Urls.Single()) };

        foreach (ClientScriptVariant stored in new[] { script.Brotli, script.Gzip })
        {
            using HttpRequestMessage conditional = new(HttpMethod.Get, script.Url);
            conditional.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, br");
            conditional.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(stored.ETag));
            using HttpResponseMessage notModified = await client.SendAsync(conditional);

            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Equal(["Accept-Encoding"], notModified.Headers.Vary);
            Assert.Equal(script.Brotli.ETag, notModified.Headers.ETag?.ToString());
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        }

        // A tag of another build (same shape, other hash) is no match.
        using HttpRequestMessage stale = new(HttpMethod.Get, script.Url);
        stale.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"AAAAAAAAAAAAAAAA-br\""));
        using HttpResponseMessage changed = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        await app.StopAsync();
    }

    private static byte[] Decompress(string? coding, byte[] body)
    {
        using MemoryStream input = new(body);
        using Stream decoded = coding switch
        {
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            _ => input,
        };
        using MemoryStream output = new();
        decoded.CopyTo(output);
        return output.ToArray();
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
