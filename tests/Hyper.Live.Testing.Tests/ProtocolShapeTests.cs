using System.Text.Json.Nodes;

namespace Hyper.Live.Testing.Tests;

/// <summary>
/// The client against a scripted server: every frame it sends must have the shape the real
/// phoenix_live_view 1.2.12 client puts on the wire (the "observed" payloads of the protocol
/// document), and every reply or push must change the page as the browser would.
/// </summary>
public sealed class ProtocolShapeTests : IAsyncLifetime
{
    private ScriptedServer server = null!;
    private LiveClient client = null!;

    public async Task InitializeAsync()
    {
        server = await ScriptedServer.Start();
        client = server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await client.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Live_loads_the_page_then_joins_with_its_tokens_csrf_token_and_cookie()
    {
        Script("""{"s":["<h1>","</h1>"],"0":"live"}""");

        var page = await client.LiveAsync("/items?x=1");

        Assert.Contains("<p>dead</p>", page.DeadHtml, StringComparison.Ordinal);
        Assert.Equal("<h1>live</h1>", page.Html);
        Assert.Equal("live", page.Text("h1"));
        Assert.True(page.IsConnected);
        Assert.Equal(1, page.Mounts);
        var join = Assert.Single(server.ReceivedEvents("phx_join"));
        Assert.Equal((string?)join[0], (string?)join[1]);
        Assert.Equal(ScriptedServer.Topic, (string?)join[2]);
        Assert.Equal(
            """{"url":"http://localhost/items?x=1","params":{"_csrf_token":"CSRF1","_track_static":["http://localhost/assets/app.js?v=1"],"_mounts":0,"_mount_attempts":0},"session":"SESS","static":"STAT","sticky":false}""",
            join[4]!.ToJsonString());
        var query = Assert.Single(server.SocketQueries);
        Assert.StartsWith("?_csrf_token=CSRF1&", query, StringComparison.Ordinal);
        Assert.EndsWith("&vsn=2.0.0", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_socket_carries_the_cookie_the_page_set()
    {
        string? socketCookie = null;
        server.OnFrame = async (socket, frame) =>
        {
            socketCookie = socket.Cookie;
            await socket.Reply(frame, """{"rendered":{"s":["x"]}}""");
        };

        await client.LiveAsync("/");

        Assert.Equal("csrf_secret=s3cret", socketCookie);
    }

    [Fact]
    public async Task Click_by_selector_sends_the_elements_phx_values_and_value_and_applies_the_reply_diff()
    {
        Script(
            """{"s":["<button id=\"b\" phx-click=\"inc\" phx-value-id=\"7\" phx-value-User-Id=\"42\" value=\"bv\">","</button>"],"0":"0"}""",
            ("inc", """{"diff":{"0":"1"}}"""));
        var page = await client.LiveAsync("/");

        await page.ClickAsync("#b");

        Assert.Equal("""{"type":"click","event":"inc","value":{"id":"7","user-id":"42","value":"bv"}}""", LastEvent().ToJsonString());
        Assert.Equal("1", page.Text("#b"));
    }

    [Theory]
    [InlineData("""<div id="t" phx-click="x">a</div>""", "#t", """{}""")]
    [InlineData("""<button id="t" phx-click="x">a</button>""", "#t", """{"value":""}""")]
    [InlineData("""<div phx-click="x" phx-value-n="1"><span id="t">inner</span></div>""", "#t", """{"n":"1"}""")]
    // A click toggles a checkbox before its listeners run: they see the new state.
    [InlineData("""<input id="t" type="checkbox" phx-click="x" value="yes" checked>""", "#t", """{}""")]
    [InlineData("""<input id="t" type="checkbox" phx-click="x" value="yes">""", "#t", """{"value":"yes"}""")]
    [InlineData("""<button id="t" phx-click="[[&quot;push&quot;,{&quot;event&quot;:&quot;x&quot;,&quot;value&quot;:{&quot;a&quot;:1}}],[&quot;hide&quot;,{}]]">j</button>""", "#t", """{"value":"","a":1}""")]
    public async Task Click_values_are_composed_as_the_client_does(string html, string selector, string expected)
    {
        Script(Static(html), ("x", "{}"));
        var page = await client.LiveAsync("/");

        await page.ClickAsync(selector);

        Assert.Equal(expected, LastEvent()["value"]!.ToJsonString());
        Assert.Equal("x", (string?)LastEvent()["event"]);
    }

    [Fact]
    public async Task Click_by_event_name_sends_only_the_given_values_with_their_json_types()
    {
        Script(Static("<p>nothing to click</p>"), ("delete", "{}"));
        var page = await client.LiveAsync("/");

        await page.ClickAsync("delete", new { id = 3, hard = true });

        Assert.Equal("""{"type":"click","event":"delete","value":{"id":3,"hard":true}}""", LastEvent().ToJsonString());
    }

    [Fact]
    public async Task Click_on_an_element_without_binding_or_an_ambiguous_selector_fails_with_the_reason()
    {
        Script(Static("""<p id="plain">x</p><button phx-click="a">1</button><button phx-click="b">2</button>"""));
        var page = await client.LiveAsync("/");

        Assert.Contains("sends nothing", (await Assert.ThrowsAsync<InvalidOperationException>(() => page.ClickAsync("#plain"))).Message, StringComparison.Ordinal);
        Assert.Contains("matches 2 elements", (await Assert.ThrowsAsync<InvalidOperationException>(() => page.ClickAsync("button"))).Message, StringComparison.Ordinal);
        Assert.Contains("No element matches", (await Assert.ThrowsAsync<InvalidOperationException>(() => page.ClickAsync("#missing"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_go_to_the_component_of_phx_target()
    {
        Script(
            """{"s":["<div>","</div>"],"0":1,"c":{"1":{"s":["<section id=\"comp\"><button id=\"own\" phx-click=\"bump\" phx-target=\"1\">b</button><button id=\"sel\" phx-click=\"bump\" phx-target=\"#comp\">s</button><button id=\"view\" phx-click=\"bump\">v</button></section>"],"r":1}}}""",
            ("bump", "{}"));
        var page = await client.LiveAsync("/");

        await page.ClickAsync("#own");
        Assert.Equal(1, (int?)LastEvent()["cid"]);
        await page.ClickAsync("#sel");
        Assert.Equal(1, (int?)LastEvent()["cid"]);
        await page.ClickAsync("#view");
        Assert.Null(LastEvent()["cid"]); // no phx-target: the LiveView itself, even inside a component
    }

    [Fact]
    public async Task Components_leaving_the_page_go_through_the_destroy_handshake()
    {
        Script(
            """{"s":["<div>","</div>"],"0":1,"c":{"1":{"s":["<button id=\"c\">","</button>"],"r":1,"0":"one"}}}""",
            ("swap", """{"diff":{"0":2,"c":{"2":{"s":-1,"0":"two"}}}}"""));
        server.OnFrame = ReplyTo("cids_destroyed", """{"cids":[1]}""", server.OnFrame);
        var page = await client.LiveAsync("/");

        await page.ClickAsync("swap");

        Assert.Equal("""<div><button data-phx-id="c2-phx-F1" data-phx-component="2" data-phx-view="phx-F1" id="c">two</button></div>""", page.Html);
        Assert.Equal(["phx_join", "event", "cids_will_destroy", "cids_destroyed"], server.Received.Select(f => (string?)f[3]));
        Assert.Equal("""{"cids":[1]}""", server.ReceivedEvents("cids_will_destroy")[0][4]!.ToJsonString());
        Assert.Equal("""{"cids":[1]}""", server.ReceivedEvents("cids_destroyed")[0][4]!.ToJsonString());
    }

    [Fact]
    public async Task Change_serialises_the_form_with_target_and_unused_fields_as_observed()
    {
        Script(Static(Form), ("validate", "{}"));
        var page = await client.LiveAsync("/");

        await page.ChangeAsync("#f", new { user = new { name = "joe" } });

        Assert.Equal(
            """{"type":"form","event":"validate","value":"user%5Bname%5D=joe\u0026user%5B_unused_age%5D=\u0026user%5Bage%5D=3\u0026h=1","meta":{"_target":"user[name]"},"uploads":{}}""",
            LastEvent().ToJsonString());

        await page.ChangeAsync("#f", new { user = new { age = 4 } });
        Assert.Equal("user%5Bname%5D=&user%5Bage%5D=4&h=1", (string?)LastEvent()["value"]); // both fields used now
    }

    [Fact]
    public async Task Unused_keys_prefix_the_last_name_segment_and_respect_phx_no_unused_field()
    {
        Script(Static("""<form id="f" phx-change="v"><input name="a[b][c]"><input name="tags[]" value="x"><input name="skip" phx-no-unused-field><input name="q"></form>"""), ("v", "{}"));
        var page = await client.LiveAsync("/");

        await page.ChangeAsync("#f", new { q = "z" });

        Assert.Equal("a%5Bb%5D%5B_unused_c%5D=&a%5Bb%5D%5Bc%5D=&_unused_tags%5B%5D=&tags%5B%5D=x&skip=&q=z", (string?)LastEvent()["value"]);
    }

    [Fact]
    public async Task Submit_serialises_the_form_with_its_submitter_and_no_unused_fields()
    {
        Script(Static(Form), ("save", "{}"));
        var page = await client.LiveAsync("/");

        await page.SubmitAsync("#f", new { user = new { name = "jo" } }, submitter: "button[name=act]");

        Assert.Equal(
            """{"type":"form","event":"save","value":"user%5Bname%5D=jo\u0026user%5Bage%5D=3\u0026h=1\u0026act=go","meta":{}}""",
            LastEvent().ToJsonString());
    }

    [Fact]
    public async Task Form_fields_follow_the_browsers_form_data_rules()
    {
        Script(
            Static("""
                <form id="f" phx-submit="save" phx-value-extra="e">
                  <input type="checkbox" name="done" value="true"><input type="hidden" name="done" value="false">
                  <input type="checkbox" name="tags[]" value="a" checked><input type="checkbox" name="tags[]" value="b">
                  <input type="radio" name="size" value="s" checked><input type="radio" name="size" value="l">
                  <select name="color"><option value="r">Red</option><option selected>Green Tea</option></select>
                  <select name="many" multiple><option value="1" selected>1</option><option value="2">2</option><option value="3" selected>3</option></select>
                  <textarea name="note">a note &amp; more</textarea>
                  <input name="off" value="x" disabled><input type="file" name="upload"><input name="q" value="ä ö+&amp;">
                </form>
                """),
            ("save", "{}"));
        var page = await client.LiveAsync("/");

        await page.SubmitAsync("#f");
        Assert.Equal("done=false&tags%5B%5D=a&size=s&color=Green+Tea&many=1&many=3&note=a+note+%26+more&q=%C3%A4+%C3%B6%2B%26", (string?)LastEvent()["value"]);
        Assert.Equal("""{"extra":"e"}""", LastEvent()["meta"]!.ToJsonString());

        await page.SubmitAsync("#f", new { done = true, tags = new[] { "b" }, size = "l", color = "r", many = new[] { "2" } });
        Assert.Equal("done=true&done=false&tags%5B%5D=b&size=l&color=r&many=2&note=a+note+%26+more&q=%C3%A4+%C3%B6%2B%26", (string?)LastEvent()["value"]);
    }

    [Fact]
    public async Task Naming_a_field_the_form_lacks_fails_instead_of_testing_nothing()
    {
        Script(Static(Form));
        var page = await client.LiveAsync("/");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => page.SubmitAsync("#f", new { user = new { nme = "typo" } }));
        Assert.Contains("no enabled field named 'user[nme]'", error.Message, StringComparison.Ordinal);
        Assert.Contains("user[name], user[age], h", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.ReceivedEvents("event"));
    }

    [Fact]
    public async Task An_input_with_its_own_phx_change_sends_only_itself()
    {
        Script(Static("""<form id="f" phx-change="all"><input id="q" name="q" phx-change="search" value="a"><input name="other" value="b"></form>"""), ("search", "{}"));
        var page = await client.LiveAsync("/");

        await page.ChangeAsync("#q", new { q = "abc" });

        Assert.Equal("""{"type":"form","event":"search","value":"q=abc","meta":{"_target":"q"},"uploads":{}}""", LastEvent().ToJsonString());
    }

    [Fact]
    public async Task Keys_honour_phx_key_and_carry_the_key_and_value()
    {
        Script(Static("""<input id="k" phx-keyup="key" phx-key="Enter" value="typed"><div id="w" phx-window-keydown="wkey"></div>"""), ("key", "{}"), ("wkey", "{}"));
        var page = await client.LiveAsync("/");

        await page.KeyUpAsync("#k", "a");
        Assert.Empty(server.ReceivedEvents("event"));

        await page.KeyUpAsync("#k", "enter");
        Assert.Equal("""{"type":"keyup","event":"key","value":{"key":"enter","value":"typed"}}""", LastEvent().ToJsonString());
        await page.KeyDownAsync("#w", "Escape");
        Assert.Equal("""{"type":"keydown","event":"wkey","value":{"key":"Escape"}}""", LastEvent().ToJsonString());
    }

    [Fact]
    public async Task Focus_and_blur_send_the_elements_value()
    {
        Script(Static("""<input id="i" phx-focus="foc" phx-blur="blu" value="v">"""), ("foc", "{}"), ("blu", "{}"));
        var page = await client.LiveAsync("/");

        await page.FocusAsync("#i");
        Assert.Equal("""{"type":"focus","event":"foc","value":{"value":"v"}}""", LastEvent().ToJsonString());
        await page.BlurAsync("#i");
        Assert.Equal("""{"type":"blur","event":"blu","value":{"value":"v"}}""", LastEvent().ToJsonString());
    }

    [Fact]
    public async Task Hook_push_returns_the_reply_from_r_and_applies_the_diff()
    {
        Script("""{"s":["<p>","</p>"],"0":"0"}""", ("hookev", """{"diff":{"0":"1","r":{"ok":true,"got":{"n":1}}}}"""));
        var page = await client.LiveAsync("/");

        var reply = await page.PushHookAsync("hookev", new { n = 1 });

        Assert.Equal("""{"type":"hook","event":"hookev","value":{"n":1}}""", LastEvent().ToJsonString());
        Assert.Equal("""{"ok":true,"got":{"n":1}}""", reply!.ToJsonString());
        Assert.Equal("<p>1</p>", page.Html);
    }

    [Fact]
    public async Task Error_replies_are_kept_as_the_last_error()
    {
        Script(Static("<p>x</p>"));
        server.OnFrame = async (socket, frame) =>
            await socket.Reply(frame, (string?)frame[3] == "phx_join" ? """{"rendered":{"s":["x"]}}""" : """{"error":"no handler"}""", (string?)frame[3] == "phx_join" ? "ok" : "error");
        var page = await client.LiveAsync("/");

        await page.ClickAsync("nope");

        Assert.Equal("nope", page.LastError!.Event);
        Assert.Equal("no handler", page.LastError.Message);
    }

    [Fact]
    public async Task An_ok_reply_carrying_an_error_is_an_error_too()
    {
        Script(Static("<p>x</p>"), ("age", """{"error":"Invalid parameter 'age': expected int, got str"}"""));
        var page = await client.LiveAsync("/");

        await page.ClickAsync("age", new { age = "x" });

        Assert.Equal("Invalid parameter 'age': expected int, got str", page.LastError!.Message);
    }

    [Fact]
    public async Task Title_follows_t_with_the_title_elements_prefix_suffix_and_default()
    {
        server.TitleElement = """<title data-prefix="App · " data-default="Home">Start</title>""";
        Script("""{"s":["x"],"t":"Items"}""", ("rename", """{"diff":{"t":"  "}}"""));
        var page = await client.LiveAsync("/");
        Assert.Equal("App · Items", page.Title);

        await page.ClickAsync("rename");

        Assert.Equal("App · Home", page.Title);
    }

    [Fact]
    public async Task Server_pushes_apply_as_they_arrive_and_NextUpdate_waits_for_them()
    {
        Script("""{"s":["<p>","</p>"],"0":"0"}""", ("start", "{}"));
        AfterEvents(async (socket, frame) =>
        {
            await socket.Push((string?)frame[0], "diff", """{"0":"tick1","e":[["saved",{"id":1}],["early",{},true]]}""");
            await socket.Push((string?)frame[0], "live_patch", """{"to":"/?tab=2","kind":"push"}""");
        });
        var page = await client.LiveAsync("/");

        await page.ClickAsync("start");
        await page.NextUpdateAsync();
        Assert.Equal("<p>tick1</p>", page.Html);
        Assert.Equal(["early", "saved"], page.Events.Select(e => e.Name));
        Assert.Equal("""{"id":1}""", page.Events[1].PayloadJson);

        await page.NextUpdateAsync();
        Assert.Equal("/?tab=2", page.Url.PathAndQuery);
        await Assert.ThrowsAsync<TimeoutException>(() => page.NextUpdateAsync(TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task Pushes_stamped_with_an_earlier_join_are_dropped()
    {
        Script("""{"s":["<p>","</p>"],"0":"0"}""", ("go", "{}"));
        AfterEvents(async (socket, frame) =>
        {
            await socket.Push("old-join", "diff", """{"0":"stale"}""");
            await socket.Push(null, "diff", """{"0":"fresh"}""");
        });
        var page = await client.LiveAsync("/");

        await page.ClickAsync("go");
        await page.WaitForAsync(p => p.Html.Contains("fresh", StringComparison.Ordinal));

        Assert.DoesNotContain(page.Events, _ => true);
        Assert.Equal("<p>fresh</p>", page.Html);
    }

    [Fact]
    public async Task Patch_sends_live_patch_with_the_absolute_url_and_moves_the_url()
    {
        Script("""{"s":["<p>","</p>"],"0":"1"}""", ("live_patch", """{"diff":{"0":"2"}}"""));
        var page = await client.LiveAsync("/items");

        await page.PatchAsync("/items?page=2");

        var patch = Assert.Single(server.ReceivedEvents("live_patch"));
        Assert.Equal("""{"url":"http://localhost/items?page=2"}""", patch[4]!.ToJsonString());
        Assert.Equal("/items?page=2", page.Url.PathAndQuery);
        Assert.Equal("<p>2</p>", page.Html);
    }

    [Fact]
    public async Task Clicking_live_links_patches_or_navigates()
    {
        Script(Static("""<a id="p" href="/?tab=2" data-phx-link="patch" data-phx-link-state="push">p</a><a id="n" href="/other" data-phx-link="redirect">n</a><a id="plain" href="/x">x</a>"""), ("live_patch", "{}"));
        var page = await client.LiveAsync("/");

        await page.ClickAsync("#p");
        Assert.Equal("/?tab=2", page.Url.PathAndQuery);

        await page.ClickAsync("#n");
        Assert.Equal("/other", page.Url.PathAndQuery);
        Assert.Contains("redirect", server.ReceivedEvents("phx_join")[^1][4]!.ToJsonString(), StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => page.ClickAsync("#plain"));
    }

    [Fact]
    public async Task Patch_answered_with_link_redirect_navigates_instead()
    {
        Script(Static("<p>a</p>"), ("live_patch", """{"link_redirect":true}"""));
        var page = await client.LiveAsync("/a");

        await page.PatchAsync("/b");

        Assert.Equal("/b", page.Url.PathAndQuery);
        Assert.Equal("http://localhost/b", (string?)server.ReceivedEvents("phx_join")[^1][4]!["redirect"]);
    }

    [Fact]
    public async Task Live_redirect_push_leaves_and_joins_the_same_topic_with_redirect_referer_and_flash()
    {
        ScriptJoins(
            joins => joins == 1 ? """{"s":["first"]}""" : """{"s":["second"],"t":"Other"}""",
            async (socket, frame, _) =>
            {
                await socket.Reply(frame);
                await socket.Push((string?)frame[0], "live_redirect", """{"to":"/other","kind":"push","flash":"FLASH1"}""");
            });
        var page = await client.LiveAsync("/?tab=2");

        await page.ClickAsync("go");
        await page.NextUpdateAsync();

        Assert.Equal("second", page.Html);
        Assert.Equal("Other", page.Title);
        Assert.Equal("/other", page.Url.PathAndQuery);
        Assert.Equal(1, page.Mounts);
        var frames = server.Received.Select(f => (string?)f[3]).ToList();
        Assert.Equal(["phx_join", "event", "phx_leave", "phx_join"], frames);
        var join = server.Received[^1];
        Assert.Equal(
            """{"redirect":"http://localhost/other","params":{"_csrf_token":"CSRF1","_track_static":["http://localhost/assets/app.js?v=1"],"_mounts":0,"_mount_attempts":0,"_live_referer":"http://localhost/?tab=2"},"session":"SESS","static":null,"sticky":false,"flash":"FLASH1"}""",
            join[4]!.ToJsonString());
    }

    [Fact]
    public async Task Redirect_push_leaves_and_records_where_to_and_following_it_carries_the_flash_cookie()
    {
        Script(Static("<p>x</p>"), ("logout", "{}"));
        AfterEvents(async (socket, frame) =>
        {
            await socket.Push((string?)frame[0], "redirect", """{"to":"/login","flash":"SIGNEDFLASH"}""");
        });
        var page = await client.LiveAsync("/");

        await page.ClickAsync("logout");
        await page.NextUpdateAsync();

        Assert.Equal(new LiveRedirect("/login", "SIGNEDFLASH"), page.Redirected);
        Assert.False(page.IsConnected);
        await Eventually(() => server.ReceivedEvents("phx_leave").Count == 1);
        var next = await page.FollowRedirectAsync();
        Assert.Equal("/login", next.Url.PathAndQuery);
        Assert.Contains("__phoenix_flash__=SIGNEDFLASH", server.PageCookies.Last(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirects_in_a_reply_or_a_join_error_are_recorded()
    {
        server.OnFrame = (socket, frame) => socket.Reply(frame, """{"redirect":{"to":"/login"}}""", "error");

        var page = await client.LiveAsync("/admin");

        Assert.Equal("/login", page.Redirected!.To);
        Assert.False(page.IsConnected);
    }

    [Fact]
    public async Task A_refused_join_fails_Live_with_the_reason()
    {
        server.OnFrame = (socket, frame) => socket.Reply(frame, """{"reason":"stale"}""", "error");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.LiveAsync("/"));

        Assert.Contains("stale", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crash_rejoins_with_mounts_and_recovers_the_forms_typed_values()
    {
        ScriptJoins(
            joins => $$$"""{"s":["<form id=\"f\" phx-change=\"validate\"><input type=\"hidden\" name=\"h\" value=\"1\"><input name=\"name\" value=\"\">mount {{{joins}}}</form>"]}""",
            async (socket, frame, joins) =>
            {
                await socket.Reply(frame);
                if (joins == 1)
                {
                    await socket.Push((string?)frame[0], "phx_error", """{"reason":"channel_crash"}""");
                }
            });
        var page = await client.LiveAsync("/");

        await page.ChangeAsync("#f", new { name = "user typed" });
        await page.NextUpdateAsync();

        Assert.Contains("mount 2", page.Html, StringComparison.Ordinal);
        Assert.Equal(2, page.Mounts);
        Assert.Equal("channel_crash", page.LastError!.Message);
        var rejoin = server.ReceivedEvents("phx_join")[^1];
        Assert.Equal(1, (int?)rejoin[4]!["params"]!["_mounts"]);
        var recovery = server.ReceivedEvents("event")[^1];
        Assert.Equal((string?)rejoin[0], (string?)recovery[0]);
        Assert.Equal("""{"type":"form","event":"validate","value":"h=1\u0026name=user\u002Btyped","meta":{"_target":"name"},"uploads":{}}""", recovery[4]!.ToJsonString());
    }

    [Fact]
    public async Task Reconnect_opens_a_new_socket_and_rejoins_at_the_current_url()
    {
        Script(Static("<p>x</p>"), ("live_patch", "{}"));
        var page = await client.LiveAsync("/");
        await page.PatchAsync("/?q=1");

        await page.ReconnectAsync();

        Assert.Equal(2, server.SocketQueries.Count);
        var rejoin = server.ReceivedEvents("phx_join")[^1];
        Assert.Equal("http://localhost/?q=1", (string?)rejoin[4]!["url"]);
        Assert.Equal(1, (int?)rejoin[4]!["params"]!["_mounts"]);
        Assert.Equal("STAT", (string?)rejoin[4]!["static"]);
        Assert.Equal(2, page.Mounts);
        Assert.True(page.IsConnected);
    }

    [Fact]
    public async Task The_server_closing_the_socket_is_an_update_and_disconnects_the_page()
    {
        Script(Static("<p>x</p>"), ("bye", "{}"));
        AfterEvents(async (socket, frame) =>
        {
            await socket.Close();
        });
        var page = await client.LiveAsync("/");

        await page.ClickAsync("bye");
        await page.NextUpdateAsync();

        Assert.False(page.IsConnected);
        await Assert.ThrowsAsync<InvalidOperationException>(() => page.ClickAsync("again"));
    }

    [Fact]
    public async Task A_diff_the_browser_could_not_apply_fails_the_page()
    {
        Script(
            """{"s":["<ul>","</ul>"],"0":{"s":["<li>","</li>"],"k":{"0":{"0":"a"},"1":{"0":"b"},"kc":2}}}""",
            ("move", """{"diff":{"0":{"k":{"0":1,"1":0,"kc":2}}}}""")); // a move without "km"
        var page = await client.LiveAsync("/");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => page.ClickAsync("move"));

        Assert.Contains("could not apply", error.Message, StringComparison.Ordinal);
    }

    private const string Form = """
        <form id="f" phx-change="validate" phx-submit="save">
          <input name="user[name]" value=""><input name="user[age]" value="3"><input type="hidden" name="h" value="1">
          <button name="act" value="go">Go</button>
        </form>
        """;

    private static string Static(string html) => new JsonObject { ["s"] = new JsonArray(html) }.ToJsonString();

    /// <summary>Joins render <paramref name="rendered"/>; events named in <paramref name="replies"/> get that response, others <c>{}</c>.</summary>
    private void Script(string rendered, params (string Event, string Response)[] replies) =>
        server.OnFrame = (socket, frame) => (string?)frame[3] switch
        {
            "phx_join" => socket.Reply(frame, $$"""{"rendered":{{rendered}},"liveview_version":"1.2.12"}"""),
            "event" => socket.Reply(frame, replies.FirstOrDefault(r => r.Event == (string?)frame[4]!["event"]).Response ?? "{}"),
            "live_patch" => socket.Reply(frame, replies.FirstOrDefault(r => r.Event == "live_patch").Response ?? "{}"),
            _ => socket.Reply(frame),
        };

    /// <summary>Answers <paramref name="eventName"/> frames with <paramref name="response"/>, the others as <paramref name="otherwise"/> does.</summary>
    private static Func<ScriptedServer.Socket, JsonArray, Task> ReplyTo(string eventName, string response, Func<ScriptedServer.Socket, JsonArray, Task> otherwise) =>
        (socket, frame) => (string?)frame[3] == eventName ? socket.Reply(frame, response) : otherwise(socket, frame);

    /// <summary>Keeps the script, and after replying to each event runs <paramref name="then"/> (server pushes that follow a reply).</summary>
    private void AfterEvents(Func<ScriptedServer.Socket, JsonArray, Task> then)
    {
        var reply = server.OnFrame;
        server.OnFrame = async (socket, frame) =>
        {
            await reply(socket, frame);
            if ((string?)frame[3] == "event")
            {
                await then(socket, frame);
            }
        };
    }

    /// <summary>Join n (from 1) renders <paramref name="rendered"/>(n); events run <paramref name="onEvent"/>, everything else is answered ok.</summary>
    private void ScriptJoins(Func<int, string> rendered, Func<ScriptedServer.Socket, JsonArray, int, Task> onEvent)
    {
        var joins = 0;
        server.OnFrame = (socket, frame) => (string?)frame[3] switch
        {
            "phx_join" => socket.Reply(frame, $$"""{"rendered":{{rendered(++joins)}}}"""),
            "event" => onEvent(socket, frame, joins),
            _ => socket.Reply(frame),
        };
    }

    /// <summary>For what the scripted server receives after the client moved on (it reads the socket on its own task).</summary>
    private static async Task Eventually(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 10)
        {
            Assert.True(waited < 5000, "The condition did not hold within 5 s.");
            await Task.Delay(10);
        }
    }

    private JsonObject LastEvent() => server.ReceivedEvents("event")[^1][4]!.AsObject();
}
