using System.Collections.Concurrent;
using System.Reflection;
using Hyper.Live.Templates;

namespace Hyper.Live.Events;

/// <summary>
/// The event handlers of a view type: its public instance methods, found by event name
/// (<c>increment</c>, <c>add_todo</c>, <c>addTodo</c> and <c>add-todo</c> all find
/// <c>AddTodo</c>). Built once per type with compiled invokers whose parameter binders are
/// built with them, so an event costs a dictionary lookup, not reflection.
/// </summary>
internal sealed class HandlerTable
{
    private static readonly ConcurrentDictionary<Type, HandlerTable> Tables = new();

    private readonly Type viewType;
    private readonly Dictionary<string, HandlerInvoker> handlers;
    private readonly string[] methodNames;
    private readonly bool handlesAnyEvent;
    private readonly ConcurrentDictionary<CompiledTemplate, byte> checkedTemplates = new();

    private HandlerTable(Type viewType)
    {
        this.viewType = viewType;
        handlers = new Dictionary<string, HandlerInvoker>(StringComparer.OrdinalIgnoreCase);
        var methods = HandlerMethods(viewType).ToList();
        methodNames = methods.Select(m => m.Name).Distinct().ToArray();
        handlesAnyEvent = viewType.GetMethod(nameof(LiveView.HandleEventAsync), BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public,
            [typeof(LiveEvent), typeof(CancellationToken)])?.DeclaringType != typeof(LiveView);
        foreach (var method in methods)
        {
            if (!handlers.TryAdd(Normalize(method.Name), HandlerInvoker.ForMethod(method)))
            {
                throw new InvalidOperationException(
                    $"{viewType.Name} has more than one handler named like '{method.Name}': overloads and names differing only by case or '_' cannot be told apart by event name.");
            }
        }
    }

    public static HandlerTable For(Type viewType) => Tables.GetOrAdd(viewType, static type => new HandlerTable(type));

    public HandlerInvoker? Find(string eventName) =>
        handlers.TryGetValue(Normalize(eventName), out var handler) ? handler : null;

    /// <summary>
    /// Checks, the first time <paramref name="template"/> renders for this view type, that every
    /// handler it names exists and takes the arguments it passes: a misspelt handler fails at the
    /// first render, naming the template line, instead of at the first click.
    /// </summary>
    public void Check(CompiledTemplate template)
    {
        if (template.Bindings.Length == 0 || checkedTemplates.ContainsKey(template))
        {
            return;
        }

        foreach (var binding in template.Bindings)
        {
            var handler = Find(binding.Handler);
            if (handler is null && !handlesAnyEvent)
            {
                var closest = ClosestName(binding.Handler);
                throw TemplateException.At(template.Source, binding.Line,
                    $"{binding.Attribute}=\"{binding.Handler}\" names no handler of {viewType.Name}{(closest is null ? "" : $" (did you mean '{closest}'?)")}",
                    template.ToString());
            }

            if (handler is not null && binding.ArgumentCount > handler.ValueParameterCount)
            {
                throw TemplateException.At(template.Source, binding.Line,
                    $"{binding.Attribute}=\"{binding.Handler}(…)\" passes {binding.ArgumentCount} arguments, but {viewType.Name}.{handler.Method.Name} takes {handler.ValueParameterCount}",
                    template.ToString());
            }
        }

        checkedTemplates.TryAdd(template, 0);
    }

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
                    && method.GetBaseDefinition().DeclaringType != typeof(object) && !IsDisposal(viewType, method) && IsHandlerSignature(method))
                {
                    yield return method;
                }
            }
        }
    }

    /// <summary>
    /// <c>Dispose</c>/<c>DisposeAsync</c> of a disposable view are for the framework's scope, never
    /// for the browser: a client must not be able to dispose a view's resources by naming an event.
    /// </summary>
    private static bool IsDisposal(Type viewType, MethodInfo method) =>
        (method.Name == nameof(IDisposable.Dispose) && typeof(IDisposable).IsAssignableFrom(viewType) && method.GetParameters().Length == 0) ||
        (method.Name == nameof(IAsyncDisposable.DisposeAsync) && typeof(IAsyncDisposable).IsAssignableFrom(viewType) && method.GetParameters().Length == 0);

    private static bool IsHandlerSignature(MethodInfo method) =>
        HandlerSignature.ReturnsHandlerType(method) && !method.GetParameters().Any(p => p.IsOut || p.ParameterType.IsByRef);

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
