using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace Hyper.Live.Routing;

/// <summary>A URL pattern served by a live view.</summary>
internal sealed class LiveRoute
{
    private readonly TemplateMatcher matcher;

    public LiveRoute(string pattern, Type viewType)
    {
        Pattern = pattern;
        ViewType = viewType;
        matcher = new TemplateMatcher(TemplateParser.Parse(pattern.TrimStart('/')), new RouteValueDictionary());
    }

    public string Pattern { get; }

    public Type ViewType { get; }

    public bool TryMatch(string path, out Dictionary<string, string> values)
    {
        var routeValues = new RouteValueDictionary();
        values = [];
        if (!matcher.TryMatch(path, routeValues))
        {
            return false;
        }

        foreach (var (name, value) in routeValues)
        {
            if (value is not null)
            {
                values[name] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
            }
        }

        return true;
    }
}
