using System.Reflection;
using System.Text;

namespace Hyper.Live.Routing;

/// <summary>
/// Every live route of the app. The socket uses it to check that a join's URL still
/// belongs to the view in its token, and to find the view for a live navigation.
/// </summary>
internal sealed class LiveRoutes
{
    private readonly List<LiveRoute> routes = [];
    private readonly Dictionary<string, Type> viewsByName = new(StringComparer.Ordinal);

    public LiveRoute Add(string pattern, Type viewType)
    {
        var route = new LiveRoute(pattern, viewType);
        routes.Add(route);
        viewsByName[viewType.FullName!] = viewType;
        return route;
    }

    /// <summary>Every route, in the order mapped.</summary>
    public IReadOnlyList<LiveRoute> All => routes;

    /// <summary>A view type by the name signed into a session token; only routed views qualify.</summary>
    public Type? ViewByName(string name) => viewsByName.GetValueOrDefault(name);

    /// <summary>The route serving <paramref name="uri"/>'s path, with its route values.</summary>
    public (LiveRoute Route, Dictionary<string, string> Values)? Match(Uri uri)
    {
        var path = uri.AbsolutePath;
        foreach (var route in routes)
        {
            if (route.TryMatch(path, out var values))
            {
                return (route, values);
            }
        }

        return null;
    }

    /// <summary>
    /// The conventional routes: each <see cref="LiveView"/> in a namespace with a <c>Live</c>
    /// segment, at the kebab-case path of the namespace segments after it and its name
    /// (<c>App.Live.TodoList</c> → <c>/todo-list</c>, <c>App.Live.Bench.Counter</c> → <c>/bench/counter</c>),
    /// except views with props (<see cref="LiveView{TProps}"/>), which are only ever embedded.
    /// </summary>
    public static IEnumerable<(string Pattern, Type ViewType)> Conventional(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
        {
            if (type.IsAbstract || !type.IsSubclassOf(typeof(LiveView)) || type.IsNested || type.Namespace is null || TakesProps(type))
            {
                continue;
            }

            var segments = type.Namespace.Split('.');
            var live = Array.LastIndexOf(segments, "Live");
            if (live < 0)
            {
                continue;
            }

            var path = segments.Skip(live + 1).Append(type.Name).Select(KebabCase);
            yield return ("/" + string.Join('/', path), type);
        }
    }

    /// <summary>Whether <paramref name="type"/> is a <see cref="LiveView{TProps}"/>: embedded with props, never a page of its own.</summary>
    private static bool TakesProps(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(LiveView<>))
            {
                return true;
            }
        }

        return false;
    }

    internal static string KebabCase(string name)
    {
        var result = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                result.Append('-');
            }

            result.Append(char.ToLowerInvariant(c));
        }

        return result.ToString();
    }
}
