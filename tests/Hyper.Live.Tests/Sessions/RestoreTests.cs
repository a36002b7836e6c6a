using System.Text;
using System.Text.Json.Nodes;
using Hyper.Live.Tests.Protocol;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Hyper.Live.Tests.Sessions;

/// <summary>
/// Restore (issue 15): a view's <see cref="PersistAttribute"/> members are saved after the callbacks that change them,
/// and a rejoin whose session is gone gets them back, unless the snapshot was tampered with, is another session's, or
/// was written by another version of the view.
/// </summary>
public sealed class RestoreTests
{
    private static Task<SurvivalServer> StartAsync() =>
        SurvivalServer.StartAsync(options => options.DisconnectedSessionRetention = TimeSpan.FromMilliseconds(100));

    /// <summary>Loads the wizard, answers <paramref name="answers"/>, drops the socket and waits until the session is gone.</summary>
    private static async Task<(PhoenixTestClient.LivePage Page, string SessionId)> AnswerAndLoseAsync(SurvivalServer server, params string[] answers)
    {
        var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/persistent");
        var joinRef = await client.JoinAsync();
        await client.ReplyToAsync(joinRef);
        foreach (var answer in answers)
        {
            await client.ReplyToAsync(await client.PushAsync(joinRef, client.Topic, "event", new { type = "click", @event = "next", value = new { value = answer } }));
        }

        var sessionId = server.Probe.Mounts.Last();
        var ended = server.Metrics.Sessions - 1;
        client.Drop();
        await SurvivalServer.EventuallyAsync(() => server.Metrics.Sessions == ended);
        await SurvivalServer.EventuallyAsync(() => server.Store.GetAsync(sessionId, CancellationToken.None).Result is not null);
        return (client.Page, sessionId);
    }

    private static async Task<JsonObject> RejoinAsync(SurvivalServer server, PhoenixTestClient.LivePage page)
    {
        await using var client = await PhoenixTestClient.ReopenAsync(server.BaseAddress, page);
        var reply = await client.ReplyToAsync(await client.JoinAsync(mounts: 1));
        Assert.Equal("ok", (string?)reply["status"]);
        return reply["response"]!["rendered"]!.AsObject();
    }

    [Fact]
    public async Task A_rejoin_after_the_session_ended_restores_the_persisted_members_after_mount()
    {
        await using var server = await StartAsync();
        var (page, sessionId) = await AnswerAndLoseAsync(server, "a", "b");

        var rendered = await RejoinAsync(server, page);

        Assert.Equal("3", (string?)rendered["0"]);
        Assert.Equal("a,b", (string?)rendered["1"]);
        Assert.Equal("hello", (string?)rendered["2"]); // Mount ran first: what is not persisted is set up as usual
        Assert.Equal([sessionId, sessionId], server.Probe.Mounts);
        Assert.Empty(server.Warnings);
    }

    [Fact]
    public async Task A_first_join_never_restores()
    {
        await using var server = await StartAsync();
        var (page, _) = await AnswerAndLoseAsync(server, "a");

        await using var client = await PhoenixTestClient.ReopenAsync(server.BaseAddress, page);
        var reply = await client.ReplyToAsync(await client.JoinAsync(mounts: 0));

        Assert.Equal("1", (string?)reply["response"]!["rendered"]!["0"]);
    }

    [Fact]
    public async Task A_tampered_snapshot_is_refused_and_the_view_mounts_fresh_with_a_logged_reason()
    {
        await using var server = await StartAsync();
        var (page, sessionId) = await AnswerAndLoseAsync(server, "a");
        var stored = (await server.Store.GetAsync(sessionId, CancellationToken.None))!;
        stored[^5] ^= 0x40;
        await server.Store.SetAsync(sessionId, stored, CancellationToken.None);

        var rendered = await RejoinAsync(server, page);

        Assert.Equal("1", (string?)rendered["0"]);
        var warning = Assert.Single(server.Warnings);
        Assert.Contains("mounted fresh instead of restoring: the snapshot does not open", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(" | ", warning, StringComparison.Ordinal); // no exception, no stack trace
    }

    [Fact]
    public async Task Another_sessions_snapshot_is_refused()
    {
        await using var server = await StartAsync();
        var (_, otherSession) = await AnswerAndLoseAsync(server, "theirs", "theirs");
        var (page, sessionId) = await AnswerAndLoseAsync(server, "mine");
        await server.Store.SetAsync(sessionId, (await server.Store.GetAsync(otherSession, CancellationToken.None))!, CancellationToken.None);

        var rendered = await RejoinAsync(server, page);

        Assert.Equal("1", (string?)rendered["0"]);
        Assert.Contains("another session's", Assert.Single(server.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_snapshot_of_another_version_of_the_view_fails_safe_to_a_fresh_mount()
    {
        await using var server = await StartAsync();
        var (page, sessionId) = await AnswerAndLoseAsync(server, "a");
        // What an earlier build wrote: properly protected for this session and view, but with other members.
        var protector = server.App.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("Hyper.Live.Snapshot.v1").CreateProtector(sessionId, typeof(PersistentView).FullName!);
        var old = protector.Protect(Encoding.UTF8.GetBytes("""{"v":"an-older-shape","s":{"PersistentView.step":7}}"""));
        await server.Store.SetAsync(sessionId, old, CancellationToken.None);

        var rendered = await RejoinAsync(server, page);

        Assert.Equal("1", (string?)rendered["0"]);
        Assert.Contains("written by a version of the view whose [Persist] members differ", Assert.Single(server.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leaving_the_page_deletes_its_snapshot()
    {
        await using var server = await StartAsync();
        await using var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/persistent");
        var joinRef = await client.JoinAsync();
        await client.ReplyToAsync(joinRef);
        await client.ReplyToAsync(await client.PushAsync(joinRef, client.Topic, "event", new { type = "click", @event = "next", value = new { value = "a" } }));
        var sessionId = server.Probe.Mounts.Last();
        await SurvivalServer.EventuallyAsync(() => server.Store.GetAsync(sessionId, CancellationToken.None).Result is not null);

        await client.ReplyToAsync(await client.PushAsync(joinRef, client.Topic, "phx_leave", new { }));

        await SurvivalServer.EventuallyAsync(() => server.Store.GetAsync(sessionId, CancellationToken.None).Result is null);
    }

    [Fact]
    public async Task Views_without_persisted_members_write_nothing()
    {
        await using var server = await StartAsync();
        var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, "/survivor");
        var joinRef = await client.JoinAsync();
        await client.ReplyToAsync(joinRef);
        await client.ReplyToAsync(await client.PushAsync(joinRef, client.Topic, "event", new { type = "click", @event = "increment", value = new { } }));
        client.Drop();
        await SurvivalServer.EventuallyAsync(() => server.Probe.Ended.Count == 1);

        Assert.Equal(0, ((Persistence.InMemorySessionStore)server.Store).Count);
    }
}
