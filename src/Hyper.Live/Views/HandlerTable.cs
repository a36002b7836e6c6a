using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace Hyper.Live.Views;

/// <summary>
/// The event handlers of a view type: its public instance methods, found by event name
/// (<c>increment</c>, <c>add_todo</c>, <c>addTodo</c> and <c>add-todo</c> all find
/// <c>AddTodo</c>). Built once per type with compiled delegates, so an event costs a
/// dictionary lookup, not reflection.
/// </summary>
internal sealed class HandlerTable
{
    private static readonly ConcurrentDictionary<Type, HandlerTable> Tables = new();

    private readonly Dictionary<string, Func<LiveView, LiveEvent, Task>> handlers;
    private readonly string[] methodNames;

    private HandlerTable(Type viewType)
    {
        handlers = new Dictionary<string, Func<LiveView, LiveEvent, Task>>(StringComparer.OrdinalIgnoreCase);
        var methods = HandlerMethods(viewType).ToList();
        methodNames = methods.Select(m => m.Name).Distinct().ToArray();
        foreach (var method in methods)
        {
            if (!handlers.TryAdd(Normalize(method.Name), Compile(viewType, method)))
            {
                throw new InvalidOperationException(
                    $"{viewType.Name} has more than one handler named like '{method.Name}': overloads and names differing only by case or '_' cannot be told apart by event name.");
            }
        }
    }

    public static HandlerTable For(Type viewType) => Tables.GetOrAdd(viewType, static type => new HandlerTable(type));

    public Func<LiveView, LiveEvent, Task>? Find(string eventName) =>
        handlers.TryGetValue(Normalize(eventName), out var handler) ? handler : null;

    /// <summary>The handler name closest to a misspelt event name, for error messages.</summary>
    public string? ClosestName(string eventName)
    {
        var wanted = Normalize(eventName).ToLowerInvariant();
        return methodNames
            .Select(name => (name, distance: Distance(wanted, Normalize(name).ToLowerInvariant())))
            .Where(candidate => candidate.distance <= Math.Max(2, wanted.Length / 3))
            .OrderBy(candidate => candidate.distance)
            .Select(candidate => candidate.name)
            .FirstOrDefault();
    }

    private static IEnumerable<MethodInfo> HandlerMethods(Type viewType)
    {
        for (var type = viewType; type is not null && type != typeof(LiveView); type = type.BaseType)
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (!method.IsSpecialName && !method.IsGenericMethodDefinition && method.GetBaseDefinition().DeclaringType != typeof(LiveView)
                    && method.GetBaseDefinition().DeclaringType != typeof(object) && IsHandlerSignature(method))
                {
                    yield return method;
                }
            }
        }
    }

    private static bool IsHandlerSignature(MethodInfo method)
    {
        var parameters = method.GetParameters();
        var returnsTask = method.ReturnType == typeof(void) || method.ReturnType == typeof(Task) || method.ReturnType == typeof(ValueTask);
        return returnsTask && (parameters.Length == 0 || (parameters.Length == 1 && parameters[0].ParameterType == typeof(LiveEvent)));
    }

    private static Func<LiveView, LiveEvent, Task> Compile(Type viewType, MethodInfo method)
    {
        var view = Expression.Parameter(typeof(LiveView), "view");
        var liveEvent = Expression.Parameter(typeof(LiveEvent), "liveEvent");
        Expression call = Expression.Call(
            Expression.Convert(view, viewType),
            method,
            method.GetParameters().Length == 0 ? [] : [liveEvent]);
        if (method.ReturnType == typeof(void))
        {
            call = Expression.Block(call, Expression.Constant(Task.CompletedTask));
        }
        else if (method.ReturnType == typeof(ValueTask))
        {
            call = Expression.Call(call, typeof(ValueTask).GetMethod(nameof(ValueTask.AsTask))!);
        }

        return Expression.Lambda<Func<LiveView, LiveEvent, Task>>(call, view, liveEvent).Compile();
    }

    private static string Normalize(string name) => name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
