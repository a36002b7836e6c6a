using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Hyper.Live;

/// <summary>
/// The parameters of a live page's URL: route values (<c>/chat/{room}</c>) and the query
/// string. Route values win when a name appears in both.
/// </summary>
public sealed class LiveParams
{
    internal LiveParams(Uri uri, IReadOnlyDictionary<string, string> routeValues)
    {
        Uri = uri;
        RouteValues = routeValues;
        Query = new QueryCollection(QueryHelpers.ParseQuery(uri.Query));
    }

    /// <summary>The absolute URL of the page.</summary>
    public Uri Uri { get; }

    /// <summary>Values of the route's parameters.</summary>
    public IReadOnlyDictionary<string, string> RouteValues { get; }

    /// <summary>The query string parameters.</summary>
    public IQueryCollection Query { get; }

    /// <summary>A route value or, failing that, the first query value of that name; null when absent.</summary>
    public string? this[string name] =>
        RouteValues.TryGetValue(name, out var value) ? value
        : Query.TryGetValue(name, out var values) && !StringValues.IsNullOrEmpty(values) ? values[0]
        : null;
}
