using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Hyper.Live.Views;

namespace Hyper.Live.Security;

/// <summary>
/// The signed, time-limited tokens a page carries (protocol §1.2): the session token names
/// the container id, the live session's id and the view and carries what the HTTP render saw of its request, the static
/// token repeats the id. They carry no view state: the join either re-attaches the session the token names
/// (still alive after a dropped socket) or mounts the view again from the URL.
/// </summary>
internal sealed class LiveTokens
{
    private readonly ITimeLimitedDataProtector session;
    private readonly ITimeLimitedDataProtector statics;
    private readonly ITimeLimitedDataProtector flash;
    private readonly TimeSpan lifetime;

    public LiveTokens(IDataProtectionProvider dataProtection, IOptions<HyperLiveOptions> options)
    {
        session = dataProtection.CreateProtector("Hyper.Live.Session.v1").ToTimeLimitedDataProtector();
        statics = dataProtection.CreateProtector("Hyper.Live.Static.v1").ToTimeLimitedDataProtector();
        flash = dataProtection.CreateProtector("Hyper.Live.Flash.v1").ToTimeLimitedDataProtector();
        lifetime = options.Value.TokenLifetime;
    }

    /// <summary>A fresh container id: 128 random bits, as Phoenix's <c>phx-…</c> ids.</summary>
    public static string NewContainerId() => "phx-" + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));

    /// <summary>A fresh live session id (<see cref="LiveView.SessionId"/>): 128 random bits, base64url, 22 characters.</summary>
    public static string NewSessionId() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// Signs the token of a container rendered for <paramref name="user"/>: it joins only as that view, for that
    /// user, names the live session <paramref name="sessionId"/> its joins start or re-attach, and carries what the
    /// HTTP render saw of its <paramref name="request"/> (encrypted: it may hold session values).
    /// </summary>
    public string SignSession(string containerId, string sessionId, Type viewType, ClaimsPrincipal user, RequestSnapshot request) =>
        session.Protect(JsonSerializer.Serialize(new SessionToken(containerId, viewType.FullName!, UserIdentity.KeyOf(user), request, sessionId)), lifetime);

    /// <summary>
    /// Signs the token of an embedded view's container (<see cref="NestedViewRequest"/>): it joins only as that
    /// class, with those props, for <paramref name="user"/>, needing no route of its own.
    /// </summary>
    public string SignNested(NestedViewRequest nested, ClaimsPrincipal user, RequestSnapshot request) =>
        session.Protect(
            JsonSerializer.Serialize(new SessionToken(nested.Id, nested.ViewType.FullName!, UserIdentity.KeyOf(user), request, NewSessionId(),
                new NestedToken(nested.ViewType.AssemblyQualifiedName!, nested.ParentId, nested.Props))),
            lifetime);

    public string SignStatic(string containerId, IReadOnlyDictionary<string, List<string>>? flashMessages) =>
        statics.Protect(JsonSerializer.Serialize(new StaticToken(containerId, flashMessages is { Count: > 0 } ? flashMessages : null)), lifetime);

    /// <summary>Flash messages (a list per kind) carried by a redirect (in its payload, then the join or a cookie). Short-lived.</summary>
    public string SignFlash(IReadOnlyDictionary<string, List<string>> messages) =>
        flash.Protect(JsonSerializer.Serialize(messages), TimeSpan.FromMinutes(1));

    public Dictionary<string, List<string>>? ReadFlash(string? token) => Read<Dictionary<string, List<string>>>(flash, token);

    public SessionToken? ReadSession(string? token) => Read<SessionToken>(session, token);

    public StaticToken? ReadStatic(string? token) => Read<StaticToken>(statics, token);

    private static T? Read<T>(ITimeLimitedDataProtector protector, string? token)
        where T : class
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(protector.Unprotect(token, out _));
        }
        catch (CryptographicException)
        {
            return null; // tampered, expired, or signed with another key ring
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// What the session token says: the container id (the topic), the view, whose page it is (<see cref="UserIdentity"/>),
    /// what the HTTP render saw, the live session's id (null in tokens signed before session ids existed), and for an
    /// embedded view what embeds it.
    /// </summary>
    internal sealed record SessionToken(string Id, string View, string User, RequestSnapshot? Request = null, string? Session = null, NestedToken? Nested = null);

    /// <summary>
    /// An embedded view's part of its token: its class (assembly-qualified: it needs no route), the container id of the
    /// view that embeds it (null for a root view), and its props as JSON.
    /// </summary>
    internal sealed record NestedToken(string Type, string? Parent, string? Props);

    /// <summary>What the static token says: the container id it belongs to, and the flash of the HTTP render.</summary>
    internal sealed record StaticToken(string Id, IReadOnlyDictionary<string, List<string>>? Flash = null);
}
