using Hyper.Live.Tests.Protocol;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hyper.Live.Tests.Security;

/// <summary>
/// A Kestrel app on a loopback port with the header test scheme (<see cref="HeaderAuthenticationHandler"/>),
/// authorization (policy <c>Admins</c>: role <c>admin</c>), Hyper.Live and the test assembly's conventional routes.
/// </summary>
internal static class AuthenticatedTestApp
{
    /// <summary>Starts the app; <paramref name="map"/> adds routes, <paramref name="logs"/> collects Warning and above.</summary>
    public static async Task<WebApplication> StartAsync(Action<WebApplication>? map = null, List<string>? logs = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(new LiveTestServer.ListLoggerProvider(logs));
        }

        builder.Services.AddAuthentication(HeaderAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>(HeaderAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization(options => options.AddPolicy("Admins", policy => policy.RequireRole("admin")));
        builder.Services.AddHyperLive();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHyperLive(typeof(AuthenticatedTestApp).Assembly);
        map?.Invoke(app);
        await app.StartAsync();
        return app;
    }
}
