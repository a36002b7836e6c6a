using System.Net;
using System.Text.RegularExpressions;
using Hyper.Live.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Hyper.Live.Tests.Hosting;

/// <summary>Clicks and submits posted by a page without JavaScript, over the real HTTP pipeline.</summary>
public sealed partial class NoScriptPostTests
{
    private static Task<LiveTestHost> StartAsync(Action<HyperLiveOptions>? configure = null) =>
        LiveTestHost.StartAsync(
            app => app.MapLive<NoScriptView>("/noscript"),
            builder => builder.Services.Configure(configure ?? (_ => { })));

    /// <summary>The page as a browser without JavaScript has it: its HTML and its cookies.</summary>
    private sealed record Page(string Html, string Cookies)
    {
        public string Field(string name) => WebUtility.HtmlDecode(FieldValue(name).Match(Html).Groups[1].Value);

        /// <summary>The name and value a button posts (the browser's submitter).</summary>
        public string Button(string id) =>
            WebUtility.HtmlDecode(new Regex($"""<button id="{id}"[^>]* value="([^"]*)""").Match(Html).Groups[1].Value);

        public string Text(string id) => new Regex($"""<p id="{id}">([^<]*)<""").Match(Html).Groups[1].Value;

        private static Regex FieldValue(string name) => new($"""name="{name}" value="([^"]*)""");
    }

    private static async Task<Page> GetAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/noscript", UriKind.Relative));
        var cookies = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        return new Page(await response.Content.ReadAsStringAsync(), cookies);
    }

    /// <summary>Posts <paramref name="fields"/> and, as every form of the page does, its session token.</summary>
    private static Task<HttpResponseMessage> PostAsync(HttpClient http, Page page, params (string Name, string Value)[] fields) =>
        PostWithoutSessionAsync(http, page, [.. fields, ("_hyper_session", page.Field("_hyper_session"))]);

    private static async Task<HttpResponseMessage> PostWithoutSessionAsync(HttpClient http, Page page, params (string Name, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/noscript")
        {
            Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))),
        };
        if (page.Cookies.Length > 0)
        {
            request.Headers.Add("Cookie", page.Cookies);
        }

        return await http.SendAsync(request);
    }

    private static (string, string) Csrf(Page page) => ("_csrf_token", page.Field("_csrf_token"));

    private static async Task<Page> ClickAsync(HttpClient http, Page page, string button)
    {
        using var response = await PostAsync(http, page, Csrf(page), ("_hyper_click", page.Button(button)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page with { Html = await response.Content.ReadAsStringAsync() };
    }

    [Fact]
    public async Task A_click_runs_its_handler_by_name_with_its_values_and_by_delegate()
    {
        await using var host = await StartAsync();
        using var http = host.Server.CreateClient();
        var page = await GetAsync(http);

        Assert.Equal("1", (await ClickAsync(http, page, "inc")).Text("count"));
        Assert.Equal("6", (await ClickAsync(http, page, "add")).Text("count")); // the count is [Persist]: 1 + 5
        Assert.Equal("7", (await ClickAsync(http, page, "set")).Text("count"));
    }

    [Fact]
    public async Task Persisted_members_carry_from_post_to_post_in_the_pages_session()
    {
        await using var host = await StartAsync();
        using var http = host.Server.CreateClient();
        var page = await GetAsync(http);

        page = await ClickAsync(http, page, "inc");
        page = await ClickAsync(http, page, "inc");
        page = await ClickAsync(http, page, "add");

        Assert.Equal("7", page.Text("count"));
        Assert.Equal("0", (await GetAsync(http)).Text("count")); // another page, another session
    }

    [Fact]
    public async Task A_post_without_the_pages_session_token_or_with_another_views_is_refused()
    {
        await using var host = await StartAsync();
        using var http = host.Server.CreateClient();
        var page = await GetAsync(http);
        var click = ("_hyper_click", page.Button("inc"));

        using var missing = await PostWithoutSessionAsync(http, page, Csrf(page), click);
        using var forged = await PostWithoutSessionAsync(http, page, Csrf(page), click, ("_hyper_session", "forged"));

        Assert.All([missing, forged], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Contains("This page has expired", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submit_binds_the_form_and_shows_its_validation_errors()
    {
        await using var host = await StartAsync();
        using var http = host.Server.CreateClient();
        var page = await GetAsync(http);
        var submit = ("_hyper_submit", page.Field("_hyper_submit"));

        using var invalid = await PostAsync(http, page, submit, Csrf(page), ("name", ""));
        var html = await invalid.Content.ReadAsStringAsync();
        Assert.Equal("Name is required.", (page with { Html = html }).Text("error"));

        using var valid = await PostAsync(http, page, submit, Csrf(page), ("name", "Ada <3"));
        Assert.Equal("Ada &lt;3", (page with { Html = await valid.Content.ReadAsStringAsync() }).Text("saved"));
    }

    [Fact]
    public async Task A_handler_that_navigates_answers_see_other_with_its_flash()
    {
        await using var host = await StartAsync();
        using var http = host.Server.CreateClient();
        var page = await GetAsync(http);

        using var response = await PostAsync(http, page, Csrf(page), ("_hyper_click", page.Button("leave")));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/elsewhere", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__phoenix_flash__=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_post_without_a_valid_csrf_token_is_forbidden()
    {
        await using var host = await StartAsync();
        using var http = host.Server.CreateClient();
        var page = await GetAsync(http);

        using var missing = await PostAsync(http, page, ("_hyper_click", page.Button("inc")));
        using var forged = await PostAsync(http, page, ("_csrf_token", "forged"), ("_hyper_click", page.Button("inc")));
        using var otherBrowser = await PostAsync(http, page with { Cookies = "" }, Csrf(page), ("_hyper_click", page.Button("inc")));

        Assert.All([missing, forged, otherBrowser], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Contains("CSRF token", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"b":"missing_handler","v":{}}""", "no handler for the event 'missing_handler'")]
    [InlineData("""{"b":"add","v":{"amount":"many"}}""", "Invalid parameter 'amount'")]
    [InlineData("""{"b":"~0123456789abcdef","v":{}}""", "no longer on the page")]
    [InlineData("""not json""", "malformed")]
    [InlineData("""{"b":"[[\"js\",{}]]","v":{}}""", "malformed")]
    public async Task A_post_naming_no_valid_event_is_a_bad_request(string click, string reason)
    {
        await using var host = await StartAsync();
        using var http = host.Server.CreateClient();
        var page = await GetAsync(http);

        using var response = await PostAsync(http, page, Csrf(page), ("_hyper_click", click));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_larger_than_MaxMessageSize_is_refused_unread()
    {
        await using var host = await StartAsync(options => options.MaxMessageSize = 1024);
        using var http = host.Server.CreateClient();
        var page = await GetAsync(http);

        using var response = await PostAsync(http, page, Csrf(page), ("_hyper_submit", page.Field("_hyper_submit")), ("name", new string('x', 4096)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 1024 bytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_NoScriptFallback_the_page_has_no_post_markup_and_no_post_route()
    {
        await using var host = await StartAsync(options => options.NoScriptFallback = false);
        using var http = host.Server.CreateClient();
        var page = await GetAsync(http);

        using var response = await PostAsync(http, page, Csrf(page), ("_hyper_click", """{"b":"increment","v":{}}"""));

        Assert.DoesNotContain("_hyper_click", page.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
