using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hyper.Live.Tests.Protocol;

namespace Hyper.Live.Tests.Transports;

/// <summary>
/// Speaks long-poll (protocol §2.7) over plain HTTP as phoenix.js's LongPoll does: a GET opens
/// the session and returns its token, POSTs carry frames one per line, GETs poll for messages.
/// </summary>
public sealed class LongPollTestClient : IDisposable
{
    private readonly HttpClient http;
    private readonly string csrf;
    private int nextRef = 1;

    private LongPollTestClient(HttpClient http, PhoenixTestClient.LivePage page, string csrf)
    {
        this.http = http;
        Page = page;
        this.csrf = csrf;
    }

    public PhoenixTestClient.LivePage Page { get; }

    /// <summary>The session token, once <see cref="OpenAsync"/> got one.</summary>
    public string? Token { get; set; }

    public string Topic => "lv:" + Page.Id;

    /// <summary>Loads <paramref name="path"/> for its tokens and cookie; the session opens with <see cref="OpenAsync"/>.</summary>
    public static async Task<LongPollTestClient> LoadAsync(Uri baseAddress, string path, string? csrfOverride = null, string? origin = null, string? user = null)
    {
        var page = await PhoenixTestClient.LoadAsync(baseAddress, path, user);
        var http = new HttpClient { BaseAddress = baseAddress };
        if (user is not null)
        {
            http.DefaultRequestHeaders.Add(PhoenixTestClient.TestUserHeader, user);
        }

        http.DefaultRequestHeaders.Add("Cookie", page.Cookie);
        http.DefaultRequestHeaders.Add("Origin", origin ?? baseAddress.GetLeftPart(UriPartial.Authority));
        return new LongPollTestClient(http, page, csrfOverride ?? page.Csrf);
    }

    /// <summary>The first GET, without a token: answered 410 with one.</summary>
    public async Task<JsonObject> OpenAsync()
    {
        var answer = await GetAsync();
        Token = (string?)answer["token"];
        return answer;
    }

    /// <summary>One GET: the poll (or the open, without a token), with its JSON answer.</summary>
    public async Task<JsonObject> GetAsync()
    {
        using var response = await http.GetAsync(Url());
        return await ReadAsync(response);
    }

    /// <summary>Posts <paramref name="lines"/> as one ndjson body.</summary>
    public async Task<JsonObject> PostAsync(params string[] lines)
    {
        using var content = new StringContent(string.Join("\n", lines), Encoding.UTF8, "application/x-ndjson");
        using var response = await http.PostAsync(Url(), content);
        return await ReadAsync(response);
    }

    /// <summary>A frame as the client serializes it; <paramref name="refValue"/> gets the next ref.</summary>
    public string Frame(string? joinRef, string topic, string eventName, object payload, out string refValue)
    {
        refValue = (nextRef++).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return JsonSerializer.Serialize(new object?[] { joinRef ?? refValue, refValue, topic, eventName, payload });
    }

    /// <summary>A click on an element bound to <paramref name="eventName"/> in the joined view.</summary>
    public string Click(string joinRef, string eventName, out string refValue) =>
        Frame(joinRef, Topic, "event", new { type = "click", @event = eventName, value = new { } }, out refValue);

    /// <summary>The join of the page's view.</summary>
    public string Join(out string joinRef) => Frame(null, Topic, "phx_join", new Dictionary<string, object?>
    {
        ["params"] = new { _csrf_token = Page.Csrf, _mounts = 0, _mount_attempts = 0 },
        ["session"] = Page.Session,
        ["static"] = Page.Static,
        ["url"] = Page.Url.ToString(),
    }, out joinRef);

    /// <summary>Opens the session and joins the page's view; returns the join ref once the join is answered.</summary>
    public async Task<string> OpenAndJoinAsync()
    {
        await OpenAsync();
        await PostAsync(Join(out var joinRef));
        await ReplyToAsync(joinRef);
        return joinRef;
    }

    /// <summary>Polls until the frame answering <paramref name="refValue"/> arrives; returns it.</summary>
    public async Task<JsonArray> ReplyToAsync(string refValue)
    {
        // Generous: on a busy machine the first join of a test run pays for the JIT.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var answer = await GetAsync();
            foreach (var message in answer["messages"]?.AsArray() ?? [])
            {
                var frame = JsonNode.Parse((string)message!)!.AsArray();
                if ((string?)frame[1] == refValue)
                {
                    return frame;
                }
            }
        }

        throw new TimeoutException($"no reply to {refValue}");
    }

    /// <summary>Sends the next requests as <paramref name="user"/> (the test scheme's header), as if the token had leaked to them.</summary>
    public void ActAs(string user)
    {
        http.DefaultRequestHeaders.Remove(PhoenixTestClient.TestUserHeader);
        http.DefaultRequestHeaders.Add(PhoenixTestClient.TestUserHeader, user);
    }

    public void Dispose() => http.Dispose();

    private string Url() =>
        $"/live/longpoll?_csrf_token={Uri.EscapeDataString(csrf)}&_mounts=0&vsn=2.0.0" + (Token is null ? "" : "&token=" + Uri.EscapeDataString(Token));

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.StartsWith('{') && JsonNode.Parse(text) is JsonObject answer ? answer
            : throw new InvalidOperationException($"HTTP {(int)response.StatusCode}: {text}");
    }
}
