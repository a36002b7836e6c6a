using System.Net;
using Hyper.Live.Tests.Protocol;
using Microsoft.AspNetCore.Builder;

namespace Hyper.Live.Tests.Security;

/// <summary>
/// Authorization runs on every join as on every request (issue 11, item 1): over real
/// WebSockets against a Kestrel server with a header-based test scheme.
/// </summary>
public sealed class JoinAuthorizationTests : IAsyncLifetime
{
    private WebApplication? app;
    private Uri baseAddress = null!;

    public async Task InitializeAsync()
    {
        app = await AuthenticatedTestApp.StartAsync(app =>
        {
            app.MapLive<PublicView>("/public");
            app.MapLive<AdminView>("/admin").RequireAuthorization("Admins");
            app.MapLive<MembersView>("/members");
            app.MapLive<WelcomeView>("/welcome").RequireAuthorization("Admins");
        });
        baseAddress = new Uri(app.Urls.First());
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_public_page_token_cannot_live_navigate_an_anonymous_user_into_a_protected_view()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(baseAddress, "/public");

        var reply = await client.ReplyToAsync(await client.JoinAsync(redirect: new Uri(baseAddress, "/admin").ToString()));

        Assert.Equal("error", (string?)reply["status"]);
        Assert.Equal("unauthorized", (string?)reply["response"]!["reason"]);
    }

    [Fact]
    public async Task A_page_that_tracks_another_deploys_client_bundle_is_refused_as_a_version_mismatch()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(baseAddress, "/public");
        var current = new Uri(baseAddress, Hyper.Live.Hosting.ClientScript.Shared.Url).ToString();
        var older = new Uri(baseAddress, "/_hyper/live.js?v=olderdeploy").ToString();
        var appCss = new Uri(baseAddress, "/app.css?v=1").ToString();

        var refused = await client.ReplyToAsync(await client.JoinAsync(trackStatic: [appCss, older]));
        var accepted = await client.ReplyToAsync(await client.JoinAsync(trackStatic: [appCss, current]));

        Assert.Equal("error", (string?)refused["status"]);
        Assert.Equal("stale", (string?)refused["response"]!["reason"]);
        Assert.Equal("version_mismatch", (string?)refused["response"]!["error"]);
        Assert.Equal("ok", (string?)accepted["status"]);
    }

    [Fact]
    public async Task A_public_page_token_cannot_live_navigate_a_user_without_the_role()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(baseAddress, "/public", user: "bob:editor");

        var reply = await client.ReplyToAsync(await client.JoinAsync(redirect: new Uri(baseAddress, "/admin").ToString()));

        Assert.Equal("unauthorized", (string?)reply["response"]!["reason"]);
    }

    [Fact]
    public async Task An_admin_live_navigates_into_the_protected_view()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(baseAddress, "/public", user: "alice:admin");

        var reply = await client.ReplyToAsync(await client.JoinAsync(redirect: new Uri(baseAddress, "/admin").ToString()));

        Assert.Equal("ok", (string?)reply["status"]);
        Assert.Contains("admin ", reply["response"]!["rendered"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_issued_to_one_user_does_not_join_for_another()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(baseAddress, "/admin", user: "alice:admin", socketUser: "mallory:admin");

        var reply = await client.ReplyToAsync(await client.JoinAsync());

        Assert.Equal("unauthorized", (string?)reply["response"]!["reason"]);
    }

    [Fact]
    public async Task A_token_of_a_user_who_signed_out_does_not_join()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(baseAddress, "/members", user: "alice", socketUser: "");

        var reply = await client.ReplyToAsync(await client.JoinAsync());

        Assert.Equal("unauthorized", (string?)reply["response"]!["reason"]);
    }

    [Fact]
    public async Task Every_join_runs_the_route_authorization_again()
    {
        // Rendered while alice was an admin; by the time her socket joins she no longer is.
        await using var client = await PhoenixTestClient.ConnectAsync(baseAddress, "/admin", user: "alice:admin", socketUser: "alice:editor");

        var reply = await client.ReplyToAsync(await client.JoinAsync());

        Assert.Equal("unauthorized", (string?)reply["response"]!["reason"]);
    }

    [Fact]
    public async Task Authorize_on_the_view_class_is_honoured_on_the_HTTP_render_and_the_join()
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri("/members", UriKind.Relative))).StatusCode);

        await using var member = await PhoenixTestClient.ConnectAsync(baseAddress, "/members", user: "carol");
        var ok = await member.ReplyToAsync(await member.JoinAsync());
        Assert.Equal("ok", (string?)ok["status"]);

        await using var anonymous = await PhoenixTestClient.ConnectAsync(baseAddress, "/public");
        var refused = await anonymous.ReplyToAsync(await anonymous.JoinAsync(redirect: new Uri(baseAddress, "/members").ToString()));
        Assert.Equal("unauthorized", (string?)refused["response"]!["reason"]);
    }

    [Fact]
    public async Task AllowAnonymous_on_the_view_class_opens_a_route_that_requires_authorization()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(baseAddress, "/welcome");

        var reply = await client.ReplyToAsync(await client.JoinAsync());

        Assert.Equal("ok", (string?)reply["status"]);
    }

    // The long-poll transport (Transports/LongPoll*): the session is the user's who opened it.
    [Fact]
    public async Task Over_long_poll_a_join_is_authorized_for_the_user_who_opened_the_session()
    {
        using var client = await Transports.LongPollTestClient.LoadAsync(baseAddress, "/admin", user: "ann:admin");
        await client.OpenAsync();

        await client.PostAsync(client.Join(out var joinRef));

        Assert.Equal("ok", (string?)(await client.ReplyToAsync(joinRef))[4]!["status"]);
    }

    [Fact]
    public async Task A_long_poll_token_used_by_another_user_is_answered_gone()
    {
        using var client = await Transports.LongPollTestClient.LoadAsync(baseAddress, "/admin", user: "ann:admin");
        await client.OpenAsync();

        client.ActAs("mallory:admin");

        Assert.Equal(410, (int?)(await client.PostAsync(client.Join(out _)))["status"]);
        Assert.Equal(410, (int?)(await client.GetAsync())["status"]);
    }
}
