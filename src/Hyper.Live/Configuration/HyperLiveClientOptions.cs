using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Hyper.Live;

/// <summary>
/// How the browser's client connects: reconnect schedule, heartbeat, auto-connect, long-poll fallback and
/// a default debounce. Set as <c>options.Client.…</c> in <c>AddHyperLive(options =&gt; …)</c>; the HTTP render
/// writes them into the page (the client script tag's <c>data-hyper-config</c>), where the bundle reads them.
/// </summary>
public sealed class HyperLiveClientOptions
{
    /// <summary>
    /// Whether the page connects its live socket by itself. True by default; when false, the page stays
    /// as the HTTP render left it until a script calls <c>window.hyperLive.connect()</c>.
    /// </summary>
    public bool AutoConnect { get; set; } = true;

    /// <summary>
    /// The wait before the second reconnect attempt after the socket went down; each further attempt waits
    /// twice as long, up to <see cref="MaxReconnectDelay"/>. The first attempt goes out at once (within
    /// 100 ms), since most drops are a blip or a restart. The schedule starts again after a connection
    /// succeeds. One second by default.
    /// </summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two reconnect attempts. 30 seconds by default.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How much each wait varies at random, as a fraction of it (0.2: ±20 %), so the pages of a restarted
    /// server do not all come back in the same instant. 0.2 by default; 0 waits exactly.
    /// </summary>
    public double ReconnectJitter { get; set; } = 0.2;

    /// <summary>
    /// Reconnect attempts in a row before the page gives up: it then stays disconnected, with the error
    /// <c>not_connected</c> (<c>window.hyperLive.lastError</c>), until <c>window.hyperLive.connect()</c>.
    /// Null (the default) never gives up.
    /// </summary>
    public int? MaxReconnectAttempts { get; set; }

    /// <summary>
    /// How often the client sends a heartbeat (Phoenix's <c>heartbeatIntervalMs</c>). 30 seconds by default;
    /// keep it well under <see cref="HyperLiveOptions.IdleTimeout"/>, or the server closes quiet sockets as idle.
    /// </summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the page tries the WebSocket before it falls back to long polling (Phoenix's
    /// <c>longPollFallbackMs</c>) at <c>/live/longpoll</c>, which <c>MapHyperLive</c> serves. 2.5 seconds by
    /// default, as Phoenix's generators set it; null never falls back.
    /// </summary>
    public TimeSpan? LongPollFallback { get; set; } = TimeSpan.FromMilliseconds(2500);

    /// <summary>
    /// A debounce given to every text input and textarea of a live view that has neither <c>phx-debounce</c>
    /// nor <c>phx-throttle</c> (so neither <c>.debounce</c> nor <c>.throttle</c>): its <c>phx-change</c>,
    /// <c>phx-keyup</c> and <c>phx-keydown</c> events wait until typing pauses this long. A part of a page
    /// (a view's root element) sets its own with <c>data-hyper-debounce="500"</c>, or <c>"0"</c> for none.
    /// Null (the default) adds none.
    /// </summary>
    public TimeSpan? DefaultDebounce { get; set; }

    /// <summary>The settings as the client module reads them (JSON, times in milliseconds).</summary>
    internal string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteBoolean("autoConnect", AutoConnect);
            json.WriteNumber("reconnectMs", Milliseconds(ReconnectDelay));
            json.WriteNumber("maxReconnectMs", Milliseconds(MaxReconnectDelay));
            json.WriteNumber("reconnectJitter", Math.Clamp(ReconnectJitter, 0, 1));
            WriteOptional(json, "maxReconnectAttempts", MaxReconnectAttempts);
            json.WriteNumber("heartbeatIntervalMs", Milliseconds(HeartbeatInterval));
            WriteOptional(json, "longPollFallbackMs", LongPollFallback is { } fallback ? Milliseconds(fallback) : null);
            WriteOptional(json, "debounceMs", DefaultDebounce is { } debounce ? Milliseconds(debounce) : null);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static long Milliseconds(TimeSpan time) => Math.Max(0, (long)time.TotalMilliseconds);

    private static void WriteOptional(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } present)
        {
            json.WriteNumber(name, present);
        }
    }
}
