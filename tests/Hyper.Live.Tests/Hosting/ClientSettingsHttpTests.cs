using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hyper.Live.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Hyper.Live.Tests.Hosting;

/// <summary><see cref="HyperLiveOptions.Client"/> as the HTTP render writes it into the page, for the client module.</summary>
public sealed partial class ClientSettingsHttpTests
{
    private static async Task<JsonElement> ConfigOfPageAsync(Action<HyperLiveOptions> configure)
    {
        await using var host = await LiveTestHost.StartAsync(
            app => app.MapLive<RedirectingView>("/page"),
            builder => builder.Services.Configure(configure));
        using var http = host.Server.CreateClient();
        var html = await http.GetStringAsync(new Uri("/page", UriKind.Relative));
        var attribute = ConfigAttribute().Match(html);
        Assert.True(attribute.Success, "the client script tag has no data-hyper-config");
        return JsonDocument.Parse(WebUtility.HtmlDecode(attribute.Groups[1].Value)).RootElement;
    }

    [Fact]
    public async Task The_defaults_are_written_in_milliseconds()
    {
        var config = await ConfigOfPageAsync(_ => { });

        Assert.True(config.GetProperty("autoConnect").GetBoolean());
        Assert.Equal(1000, config.GetProperty("reconnectMs").GetInt64());
        Assert.Equal(30_000, config.GetProperty("maxReconnectMs").GetInt64());
        Assert.Equal(0.2, config.GetProperty("reconnectJitter").GetDouble());
        Assert.Equal(30_000, config.GetProperty("heartbeatIntervalMs").GetInt64());
        Assert.False(config.TryGetProperty("maxReconnectAttempts", out _));
        Assert.Equal(2500, config.GetProperty("longPollFallbackMs").GetInt64());
        Assert.False(config.TryGetProperty("debounceMs", out _));
    }

    [Fact]
    public async Task Every_setting_reaches_the_page()
    {
        var config = await ConfigOfPageAsync(options =>
        {
            options.Client.AutoConnect = false;
            options.Client.ReconnectDelay = TimeSpan.FromMilliseconds(250);
            options.Client.MaxReconnectDelay = TimeSpan.FromSeconds(5);
            options.Client.ReconnectJitter = 0;
            options.Client.MaxReconnectAttempts = 3;
            options.Client.HeartbeatInterval = TimeSpan.FromSeconds(10);
            options.Client.LongPollFallback = TimeSpan.FromSeconds(4);
            options.Client.DefaultDebounce = TimeSpan.FromMilliseconds(300);
        });

        Assert.False(config.GetProperty("autoConnect").GetBoolean());
        Assert.Equal(250, config.GetProperty("reconnectMs").GetInt64());
        Assert.Equal(5000, config.GetProperty("maxReconnectMs").GetInt64());
        Assert.Equal(0, config.GetProperty("reconnectJitter").GetDouble());
        Assert.Equal(3, config.GetProperty("maxReconnectAttempts").GetInt32());
        Assert.Equal(10_000, config.GetProperty("heartbeatIntervalMs").GetInt64());
        Assert.Equal(4000, config.GetProperty("longPollFallbackMs").GetInt64());
        Assert.Equal(300, config.GetProperty("debounceMs").GetInt64());
    }

    [GeneratedRegex("<script[^>]*data-hyper-config=\"([^\"]*)\"")]
    private static partial Regex ConfigAttribute();
}
