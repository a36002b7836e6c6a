using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hyper.Live.Testing.Tests;

/// <summary>Issue 19, view API completeness, through the test client against Hyper.Live itself.</summary>
public sealed class ViewApiTests : IAsyncLifetime
{
    private LiveTestHost host = null!;
    private LiveClient client = null!;

    public async Task InitializeAsync()
    {
        host = await LiveTestHost.StartAsync(
            app =>
            {
                app.UseRequestLocalization(o => o.AddSupportedCultures("en-US", "fr-FR").SetDefaultCulture("en-US"));
                app.UseSession();
                app.MapHyperLive(typeof(TallyView).Assembly);
                app.MapLive<RequestView>("/request");
                app.MapLive<ParameterView>("/parameters");
                app.MapLive<NoticesView>("/notices");
                app.MapLive<OtherView>("/other");
                app.MapGet("/login", (HttpContext context) =>
                {
                    context.Session.SetString("name", "ada");
                    return Results.Text("ok");
                });
            },
            builder =>
            {
                builder.Services.AddDistributedMemoryCache();
                builder.Services.AddSession();
                builder.Services.AddLocalization();
            });
        client = host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await client.DisposeAsync();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task The_connected_view_sees_the_session_headers_culture_and_ip_the_http_render_signed_and_live_cookies()
    {
        (await client.Http.GetAsync(new Uri("/login", UriKind.Relative))).EnsureSuccessStatusCode();
        client.Cookies.Add(client.BaseAddress, new System.Net.Cookie("theme", "dark"));
        client.Http.DefaultRequestHeaders.UserAgent.ParseAdd("render-agent/1.0");

        // The culture comes from the query of the HTTP render only: the socket's upgrade request has none.
        var page = await client.LiveAsync("/request?culture=fr-FR");

        var seen = page.State<RequestView>().Seen.Split('|');
        Assert.True(page.View.IsConnected);
        Assert.Equal(["ada", "render-agent/1.0", "fr-FR"], seen[..3]);
        Assert.Contains(string.Join("|", seen[..4]), page.DeadHtml, StringComparison.Ordinal); // the same address as the HTTP render
        Assert.Equal("dark", seen[4]);
    }

    [Fact]
    public async Task Without_a_session_the_view_sees_empty_values()
    {
        var page = await client.LiveAsync("/request");

        Assert.Equal("-|-|en-US", string.Join("|", page.State<RequestView>().Seen.Split('|')[..3]));
    }

    [Fact]
    public async Task A_dictionary_parameter_binds_from_bracketed_fields()
    {
        var page = await client.LiveAsync("/parameters");

        await page.SubmitAsync("#prices", new { prices = new Dictionary<string, string> { ["pear"] = "5" } });

        Assert.Equal(new Dictionary<string, int> { ["apple"] = 1, ["pear"] = 5 }, page.State<ParameterView>().Prices);
        Assert.Null(page.LastError);
    }

    [Fact]
    public async Task A_dictionary_value_that_does_not_convert_is_refused_naming_its_key()
    {
        var page = await client.LiveAsync("/parameters");

        await page.SubmitAsync("#prices", new { prices = new Dictionary<string, string> { ["pear"] = "lots" } });

        Assert.Equal("Invalid parameter 'prices[pear]': expected int, got 'lots'", page.LastError!.Message);
        Assert.Empty(page.State<ParameterView>().Prices);
    }

    [Fact]
    public async Task A_string_with_allowed_values_takes_one_of_them_and_refuses_the_rest()
    {
        var page = await client.LiveAsync("/parameters");

        await page.ClickAsync("paint", new { color = "green" });
        Assert.Equal("green", page.Text("#color"));

        await page.ClickAsync("paint", new { color = "blue" });
        Assert.Equal("Invalid parameter 'color': expected one of red, green, got 'blue'", page.LastError!.Message);
        Assert.Equal("green", page.State<ParameterView>().Color);
    }

    [Fact]
    public async Task Several_flash_messages_of_a_kind_are_shown_together_and_each_closes_on_its_own()
    {
        var page = await client.LiveAsync("/notices");

        await page.ClickAsync("#warn");
        Assert.Equal(["Disk almost full ×", "Backup overdue ×"], page.QueryAll(".flash-warning").Select(e => e.TextContent.Trim()));
        Assert.Equal("Backup overdue", page.Flash["warning"]);

        await page.ClickAsync(".flash-warning:first-child button");
        Assert.Equal(["Backup overdue"], page.Flash.GetAll("warning"));
        Assert.Equal(["Backup overdue ×"], page.QueryAll(".flash-warning").Select(e => e.TextContent.Trim()));

        await page.ClickAsync("#warn");
        await page.ClickAsync("#replace");
        Assert.Equal(["Only this one"], page.Flash.GetAll("warning"));
        await page.ClickAsync(".flash-warning button");
        Assert.False(page.Has(".flash"));
    }

    [Fact]
    public async Task Redirect_with_query_and_replace_carries_every_flash_message()
    {
        var page = await client.LiveAsync("/notices");

        await page.ClickAsync("leave");

        Assert.Equal("/other?from=notices", page.Redirected!.To);
        var next = await page.FollowRedirectAsync();
        Assert.Equal(["First", "Second"], next.Flash.GetAll("info"));
        Assert.Equal(2, next.QueryAll(".flash-info").Count);
    }

    [Fact]
    public async Task Push_navigate_takes_query_parameters_as_push_patch_does()
    {
        var page = await client.LiveAsync("/notices");

        await page.ClickAsync("go");

        Assert.Equal("/other?q=a%20b", page.Url.PathAndQuery);
    }

    [Fact]
    public async Task Scroll_without_a_selector_asks_for_the_top_of_the_page()
    {
        var page = await client.LiveAsync("/notices");

        await page.ClickAsync("top");

        Assert.Equal(("hyper:scroll", """{"top":true}"""), page.Events.Select(e => (e.Name, e.PayloadJson)).Single());
    }
}
