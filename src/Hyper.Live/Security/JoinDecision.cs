using Hyper.Live.Views;

namespace Hyper.Live.Security;

/// <summary>What a join may mount: a view type at a URL, or a refusal with the reason the client is told.</summary>
internal sealed record JoinDecision
{
    private JoinDecision(Type? viewType, Uri? uri, Dictionary<string, string> routeValues, string? refusal, string detail)
    {
        ViewType = viewType;
        Uri = uri;
        RouteValues = routeValues;
        Refusal = refusal;
        Detail = detail;
    }

    /// <summary>The view to mount; null when refused.</summary>
    public Type? ViewType { get; }

    /// <summary>The page's URL, when the join named one.</summary>
    public Uri? Uri { get; }

    /// <summary>The route values of <see cref="Uri"/>.</summary>
    public Dictionary<string, string> RouteValues { get; }

    /// <summary>What the HTTP render of the page saw of its request, from the session token.</summary>
    public RequestSnapshot Request { get; init; } = RequestSnapshot.Empty;

    /// <summary>The live session id the page's token names; null for tokens that name none.</summary>
    public string? SessionId { get; init; }
    /// <summary>An embedded view's props as JSON, from its token; null for a routed view.</summary>
    public string? Props { get; init; }

    /// <summary>The reason sent to the client (<c>stale</c>, <c>unauthorized</c>), or null when accepted.</summary>
    public string? Refusal { get; }

    /// <summary>Why, for the server's log only.</summary>
    public string Detail { get; }

    /// <summary>A kind of refusal the page is told besides <see cref="Refusal"/> (<c>version_mismatch</c>); null for none.</summary>
    public string? ClientError { get; init; }

    /// <summary>Accepts the join.</summary>
    public static JoinDecision Mount(Type viewType, Uri? uri, Dictionary<string, string>? routeValues) =>
        new(viewType, uri, routeValues ?? [], null, "");

    /// <summary>Refuses the join.</summary>
    public static JoinDecision Refuse(string reason, string detail) => new(null, null, [], reason, detail);
}
