using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hyper.Live.Tests.Protocol;
using Hyper.Live.Tests.Security;
using Microsoft.AspNetCore.Builder;

namespace Hyper.Live.Tests.Nested;

/// <summary>
/// Nested live views over real WebSockets (protocol §3.6): the child's container in the parent's render, its own
/// join, crash isolation both ways, the leave when the parent drops it, and the checks on its token.
/// </summary>
public sealed partial class NestedProtocolTests : IAsyncLifetime
{
    private const string ParentPath = "/tests/nested/parent-view";
    private readonly List<string> logs = [];
    private WebApplication? app;
    private Uri baseAddress = null!;

    public async Task InitializeAsync()
    {
        app = await AuthenticatedTestApp.StartAsync(logs: logs);
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
    public async Task The_http_render_holds_the_child_container_with_its_parent_id_and_the_childs_dead_render()
    {
        var page = await PhoenixTestClient.LoadAsync(baseAddress, ParentPath);

        var child = Container(page.Html, "ticker");
        Assert.Equal(page.Id, child.ParentId);
        Assert.Contains("<p class=\"ticker\">hello 0</p>", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("hyper-live-child", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_child_joins_on_its_own_topic_without_a_url_and_handles_its_own_events()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(baseAddress, ParentPath);
        var (parentRef, rendered) = await JoinParentAsync(client);
        var child = Container(Strings(rendered), "ticker");
        Assert.Equal(client.Page.Id, child.ParentId);

        var childRef = await JoinChildAsync(client, "ticker", child.Session);
        var childReply = await client.ReplyToAsync(childRef);

        Assert.Equal("ok", (string?)childReply["status"]);
        Assert.Contains("hello", childReply["response"]!["rendered"]!.ToJsonString(), StringComparison.Ordinal);
        var inc = await client.ReplyToAsync(await ClickAsync(client, childRef, "lv:ticker", "inc"));
        Assert.Equal("""{"1":"1"}""", inc["response"]!["diff"]!.ToJsonString());

        // The parent's next render leaves the child's container as it was: no new token is sent.
        var bump = await client.ReplyToAsync(await ClickAsync(client, parentRef, client.Topic, "bump"));
        Assert.Equal("""{"0":"1"}""", bump["response"]!["diff"]!.ToJsonString());
    }

    [Fact]
    public async Task A_child_that_crashes_ends_alone_and_rejoins_while_the_parent_carries_on()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(baseAddress, ParentPath);
        var (parentRef, childRef, session) = await JoinBothAsync(client);

        var frames = new List<JsonArray>();
        var crash = await client.ReplyToAsync(await ClickAsync(client, childRef, "lv:ticker", "boom"), frames);
        Assert.Equal("error", (string?)crash["status"]);
        var error = await client.ReceiveAsync();
        Assert.Equal("lv:ticker phx_error", $"{error[2]} {error[3]}");

        var bump = await client.ReplyToAsync(await ClickAsync(client, parentRef, client.Topic, "bump"));
        Assert.Equal("ok", (string?)bump["status"]);
        var rejoin = await client.ReplyToAsync(await JoinChildAsync(client, "ticker", session));
        Assert.Equal("ok", (string?)rejoin["status"]);
    }

    [Fact]
    public async Task A_parent_that_crashes_leaves_its_child_running()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(baseAddress, ParentPath);
        var (parentRef, childRef, _) = await JoinBothAsync(client);

        var crash = await client.ReplyToAsync(await ClickAsync(client, parentRef, client.Topic, "boom"));
        Assert.Equal("error", (string?)crash["status"]);

        var inc = await client.ReplyToAsync(await ClickAsync(client, childRef, "lv:ticker", "inc"));
        Assert.Equal("""{"1":"1"}""", inc["response"]!["diff"]!.ToJsonString());
    }

    [Fact]
    public async Task When_the_parent_drops_the_child_the_clients_leave_ends_the_childs_session()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(baseAddress, ParentPath);
        var (parentRef, childRef, _) = await JoinBothAsync(client);

        var hide = await client.ReplyToAsync(await ClickAsync(client, parentRef, client.Topic, "hide"));
        Assert.DoesNotContain("ticker", hide["response"]!["diff"]!.ToJsonString(), StringComparison.Ordinal);
        var leave = await client.ReplyToAsync(await client.PushAsync(childRef, "lv:ticker", "phx_leave", new { }));
        Assert.Equal("ok", (string?)leave["status"]);

        var after = await client.ReplyToAsync(await ClickAsync(client, childRef, "lv:ticker", "inc"));
        Assert.Equal("unmatched topic", (string?)after["response"]!["reason"]);
    }

    [Fact]
    public async Task A_forged_child_token_is_refused_as_stale()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(baseAddress, ParentPath);
        var (_, rendered) = await JoinParentAsync(client);
        var session = Container(Strings(rendered), "ticker").Session;

        var reply = await client.ReplyToAsync(await JoinChildAsync(client, "ticker", session[..^4] + (session.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA")));

        Assert.Equal("stale", (string?)reply["response"]!["reason"]);
        lock (logs)
        {
            Assert.Contains(logs, line => line.Contains("invalid or expired session token", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_child_token_joins_only_its_own_container_and_cannot_navigate_into_a_routed_view()
    {
        await using var client = await PhoenixTestClient.ConnectAsync(baseAddress, ParentPath);
        var (_, rendered) = await JoinParentAsync(client);
        var session = Container(Strings(rendered), "ticker").Session;

        var otherTopic = await client.ReplyToAsync(await JoinChildAsync(client, "other", session));
        var navigate = await client.ReplyToAsync(await client.PushAsync(null, "lv:ticker", "phx_join", new Dictionary<string, object?>
        {
            ["redirect"] = new Uri(baseAddress, ParentPath).ToString(),
            ["params"] = new { _csrf_token = client.Page.Csrf, _mounts = 0, _mount_attempts = 0 },
            ["session"] = session,
            ["static"] = null,
            ["sticky"] = false,
        }));

        Assert.Equal("stale", (string?)otherTopic["response"]!["reason"]);
        Assert.Equal("unauthorized", (string?)navigate["response"]!["reason"]);
    }

    [Fact]
    public async Task A_child_token_rendered_for_one_user_is_refused_to_another()
    {
        var page = await PhoenixTestClient.LoadAsync(baseAddress, ParentPath, user: "alice");
        await using var client = await PhoenixTestClient.ConnectAsync(baseAddress, ParentPath, user: "bob");

        var reply = await client.ReplyToAsync(await JoinChildAsync(client, "ticker", Container(page.Html, "ticker").Session));

        Assert.Equal("unauthorized", (string?)reply["response"]!["reason"]);
    }

    [Fact]
    public async Task A_childs_authorize_attribute_is_applied_on_its_join()
    {
        await using var anonymous = await PhoenixTestClient.ConnectAsync(baseAddress, ParentPath + "?admin=1");
        await using var admin = await PhoenixTestClient.ConnectAsync(baseAddress, ParentPath + "?admin=1", user: "alice:admin");

        var refused = await anonymous.ReplyToAsync(await JoinChildAsync(anonymous, "admin-only", Container(anonymous.Page.Html, "admin-only").Session));
        var accepted = await admin.ReplyToAsync(await JoinChildAsync(admin, "admin-only", Container(admin.Page.Html, "admin-only").Session));

        Assert.Equal("unauthorized", (string?)refused["response"]!["reason"]);
        Assert.Equal("ok", (string?)accepted["status"]);
        Assert.DoesNotContain("admin only", anonymous.Page.Html, StringComparison.Ordinal);
        Assert.Contains("<p>admin only</p>", admin.Page.Html, StringComparison.Ordinal);
    }

    private static async Task<(string JoinRef, JsonNode Rendered)> JoinParentAsync(PhoenixTestClient client)
    {
        var joinRef = await client.JoinAsync();
        var reply = await client.ReplyToAsync(joinRef);
        Assert.Equal("ok", (string?)reply["status"]);
        return (joinRef, reply["response"]!["rendered"]!);
    }

    /// <summary>The parent joined, then its ticker child with the token of the parent's render.</summary>
    private static async Task<(string ParentRef, string ChildRef, string ChildSession)> JoinBothAsync(PhoenixTestClient client)
    {
        var (parentRef, rendered) = await JoinParentAsync(client);
        var session = Container(Strings(rendered), "ticker").Session;
        var childRef = await JoinChildAsync(client, "ticker", session);
        Assert.Equal("ok", (string?)(await client.ReplyToAsync(childRef))["status"]);
        return (parentRef, childRef, session);
    }

    /// <summary>Sends a click on <paramref name="topic"/>; returns its ref.</summary>
    private static Task<string> ClickAsync(PhoenixTestClient client, string joinRef, string topic, string name) =>
        client.PushAsync(joinRef, topic, "event", new { type = "click", @event = name, value = new { } });

    /// <summary>A child's join as the browser sends it: no URL, a null static token.</summary>
    private static Task<string> JoinChildAsync(PhoenixTestClient client, string id, string session) =>
        client.PushAsync(null, "lv:" + id, "phx_join", new Dictionary<string, object?>
        {
            ["params"] = new { _csrf_token = client.Page.Csrf, _mounts = 0, _mount_attempts = 0 },
            ["session"] = session,
            ["static"] = null,
            ["sticky"] = false,
        });

    private static (string Session, string? ParentId) Container(string html, string id)
    {
        var match = ContainerPattern().Matches(html).FirstOrDefault(m => m.Groups["id"].Value == id)
            ?? throw new Xunit.Sdk.XunitException($"no container '{id}' in {html}");
        return (WebUtility.HtmlDecode(match.Groups["session"].Value), match.Groups["parent"].Success ? match.Groups["parent"].Value : null);
    }

    /// <summary>Every string of a rendered tree, concatenated: the markup the client builds, near enough to find a container in.</summary>
    private static string Strings(JsonNode node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonObject obj => string.Concat(obj.Select(kv => kv.Value is null ? "" : Strings(kv.Value))),
        JsonArray array => string.Concat(array.Select(item => item is null ? "" : Strings(item))),
        _ => "",
    };

    [GeneratedRegex("<div id=\"(?<id>[^\"]+)\" data-phx-session=\"(?<session>[^\"]+)\" data-phx-static=\"\"(?: data-phx-parent-id=\"(?<parent>[^\"]+)\")?")]
    private static partial Regex ContainerPattern();
}
