using Hyper.Live.Tests.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hyper.Live.Tests.Transports;

/// <summary>
/// Long-poll sessions and the signed-in user: a join is authorized for the user of the request that
/// opened the session, and its token is worth nothing to anyone else.
/// </summary>
public sealed class LongPollAuthorizationTests : IAsyncLifetime
{
    private WebApplication? app;
    private Uri baseAddress = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication(HeaderAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>(HeaderAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization(options => options.AddPolicy("Admins", policy => policy.RequireRole("admin")));
        builder.Services.AddHyperLive();
        app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHyperLive(typeof(LongPollAuthorizationTests).Assembly);
        app.MapLive<AdminView>("/admin").RequireAuthorization("Admins");
        await app.StartAsync();
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
    public async Task A_join_is_authorized_for_the_user_who_opened_the_session()
    {
        using var client = await LongPollTestClient.LoadAsync(baseAddress, "/admin", user: "ann:admin");
        await client.OpenAsync();

        await client.PostAsync(client.Join(out var joinRef));

        Assert.Equal("ok", (string?)(await client.ReplyToAsync(joinRef))[4]!["status"]);
    }

    [Fact]
    public async Task A_token_used_by_another_user_is_answered_gone()
    {
        using var client = await LongPollTestClient.LoadAsync(baseAddress, "/admin", user: "ann:admin");
        await client.OpenAsync();

        client.ActAs("mallory:admin");

        Assert.Equal(410, (int?)(await client.PostAsync(client.Join(out _)))["status"]);
        Assert.Equal(410, (int?)(await client.GetAsync())["status"]);
    }
}
