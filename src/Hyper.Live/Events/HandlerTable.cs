using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Hyper.Live.RateLimiting;
using Hyper.Live.Templates;

namespace Hyper.Live.Events;

/// <summary>
/// The event handlers of a view type: its public instance methods, found by event name
/// (<c>increment</c>, <c>add_todo</c>, <c>addTodo</c> and <c>add-todo</c> all find
/// <c>AddTodo</c>). Built once per type with compiled invokers whose parameter binders are
/// built with them, so an event costs a dictionary lookup, not reflection. Also knows which
/// handlers each template binds, which are marked <see cref="ClientEventAttribute"/>, and their
/// <see cref="RateLimitAttribute"/>s.
/// </summary>
internal sealed partial class HandlerTable
{
    private static readonly ConcurrentDictionary<Type, HandlerTable> Tables = new();

    private readonly Type viewType;
    private readonly Dictionary<string, int> handlers;
    private readonly HandlerInvoker[] invokers;
    private readonly RateLimit?[] limits;
    private readonly HandlerMask clientEvents;
    private readonly string[] methodNames;
    private readonly bool handlesAnyEvent;

    // Methods named like a handler that cannot be one, with the reason: for the first-render error.
    private readonly Dictionary<string, (string Method, string Reason)> nonHandlers;
    private readonly ConcurrentDictionary<CompiledTemplate, HandlerMask> templateHandlers = new();

    private HandlerTable(Type viewType)
    {
        this.viewType = viewType;
        handlers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var methods = HandlerMethods(viewType).ToList();
        methodNames = methods.Select(m => m.Name).Distinct().ToArray();
        nonHandlers = NonHandlers(viewType);
        handlesAnyEvent = !IsFrameworkType(viewType.GetMethod(nameof(LiveView.HandleEventAsync), BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public,
            [typeof(LiveEvent), typeof(CancellationToken)])?.DeclaringType);
        invokers = new HandlerInvoker[methods.Count];
        limits = new RateLimit?[methods.Count];
        ViewLimit = ReadLimit(viewType, viewType.Name);
        for (var index = 0; index < methods.Count; index++)
        {
            var method = methods[index];
            if (!handlers.TryAdd(Normalize(method.Name), index))
            {
                throw new InvalidOperationException(
                    $"{viewType.Name} has more than one handler named like '{method.Name}': overloads and names differing only by case or '_' cannot be told apart by event name.");
            }

            invokers[index] = HandlerInvoker.ForMethod(method);
            limits[index] = ReadLimit(method, $"{viewType.Name}.{method.Name}");
            if (method.IsDefined(typeof(ClientEventAttribute), inherit: true))
            {
                clientEvents.Add(index);
            }
        }
    }

    /// <summary>The <see cref="RateLimitAttribute"/> on the view class, shared by all its events.</summary>
    public RateLimit? ViewLimit { get; }

    public static HandlerTable For(Type viewType) => Tables.GetOrAdd(viewType, static type => new HandlerTable(type));

    public HandlerInvoker? Find(string eventName) =>
        IndexOf(eventName) is var index and >= 0 ? invokers[index] : null;

    /// <summary>The handler's index (for <see cref="HandlerMask"/>), or -1 when the view has no method by that name.</summary>
    public int IndexOf(string eventName) =>
        handlers.TryGetValue(Normalize(eventName), out var index) ? index : -1;

    public HandlerInvoker Invoker(int index) => invokers[index];

    /// <summary>The <see cref="RateLimitAttribute"/> on the handler's method, if any.</summary>
    public RateLimit? Limit(int index) => limits[index];

    /// <summary>
    /// Whether the handler may run for a session whose rendered templates bind <paramref name="bound"/>:
    /// bound by one of them, or marked <see cref="ClientEventAttribute"/>.
    /// </summary>
    public bool IsAllowed(int index, in HandlerMask bound) => bound.Contains(index) || clientEvents.Contains(index);

    /// <summary>
    /// Checks, the first time <paramref name="template"/> renders for this view type, that every
    /// handler it names exists and takes the arguments it passes: a misspelt handler fails at the
    /// first render, naming the template line, instead of at the first click. Returns the handlers
    /// the template binds (kept per view type and template, so a session only ORs them into its own).
    /// </summary>
    public HandlerMask Check(CompiledTemplate template)
    {
        if (templateHandlers.TryGetValue(template, out var known))
        {
            return known;
        }

        var bound = default(HandlerMask);
        foreach (var binding in template.Bindings)
        {
            var index = IndexOf(binding.Handler);
            var handler = index < 0 ? null : invokers[index];
            if (index >= 0)
            {
                bound.Add(index);
            }

            if (handler is null && nonHandlers.TryGetValue(Normalize(binding.Handler), out var nonHandler) && (!handlesAnyEvent || nonHandler.Reason.StartsWith(AsyncVoid, StringComparison.Ordinal)))
            {
                throw TemplateException.At(template.Source, binding.Line,
                    $"{binding.Attribute}=\"{binding.Handler}\" names {viewType.Name}.{nonHandler.Method}, which cannot handle events: it {nonHandler.Reason}",
                    template.ToString());
            }

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

        AddWrittenBindings(template, ref bound);
        templateHandlers.TryAdd(template, bound);
        return bound;
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

    /// <summary>
    /// Adds the handlers named by Phoenix bindings written out in the template's static text
    /// (<c>phx-click="add"</c>, or a <c>push</c> command's <c>"event":"add"</c>): they bind as surely as <c>@click</c>.
    /// </summary>
    private void AddWrittenBindings(CompiledTemplate template, ref HandlerMask bound)
    {
        foreach (var text in template.Statics)
        {
            if (!text.Contains("phx-", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match binding in PhoenixBinding().Matches(text))
            {
                var value = binding.Groups["value"].Value;
                var names = value.StartsWith('[') ? PushedEvent().Matches(WebUtility.HtmlDecode(value)).Select(m => m.Groups["name"].Value) : [value];
                foreach (var name in names)
                {
                    if (IndexOf(name) is var index and >= 0)
                    {
                        bound.Add(index);
                    }
                }
            }
        }
    }

    [GeneratedRegex("""phx-(?:click|click-away|change|submit|blur|focus|keydown|keyup|window-(?:keydown|keyup|blur|focus)|viewport-(?:top|bottom))\s*=\s*(?:"(?<value>[^"]*)"|'(?<value>[^']*)')""")]
    private static partial Regex PhoenixBinding();

    [GeneratedRegex("""
        "event"\s*:\s*"(?<name>[^"]+)"
        """)]
    private static partial Regex PushedEvent();

    private static RateLimit? ReadLimit(MemberInfo member, string name)
    {
        if (member.GetCustomAttribute<RateLimitAttribute>(inherit: true) is not { } attribute)
        {
            return null;
        }

        try
        {
            return RateLimit.Parse(attribute.Limit);
        }
        catch (FormatException invalid)
        {
            throw new InvalidOperationException($"[RateLimit] on {name}: {invalid.Message}", invalid);
        }
    }

    /// <summary>The base classes whose own methods are never handlers: <see cref="LiveView"/> and the <see cref="LiveComponent"/> classes.</summary>
    private static bool IsFrameworkType(Type? type) =>
        type == typeof(LiveView) || type == typeof(LiveComponent) || type == typeof(object) ||
        (type is { IsGenericType: true } && type.GetGenericTypeDefinition() == typeof(LiveComponent<>));

    private static IEnumerable<MethodInfo> HandlerMethods(Type viewType)
    {
        for (var type = viewType; type is not null && !IsFrameworkType(type); type = type.BaseType)
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (!method.IsSpecialName && !method.IsGenericMethodDefinition && !IsFrameworkType(method.GetBaseDefinition().DeclaringType)
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
        HandlerSignature.ReturnsHandlerType(method) && !IsAsyncVoid(method) && !method.GetParameters().Any(p => p.IsOut || p.ParameterType.IsByRef);

    private const string AsyncVoid = "is async void";

    /// <summary>
    /// The view's own methods that a template may name by mistake, by normalized name, with why
    /// they are no handler: the checks of <see cref="Check"/> then give the reason instead of
    /// "names no handler". Handlers of the same name win (an overload that is one is found first).
    /// </summary>
    private static Dictionary<string, (string Method, string Reason)> NonHandlers(Type viewType)
    {
        var reasons = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase);
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        for (var type = viewType; type is not null && !IsFrameworkType(type); type = type.BaseType)
        {
            foreach (var method in type.GetMethods(flags))
            {
                if (method.IsSpecialName || IsFrameworkType(method.GetBaseDefinition().DeclaringType) || method.IsDefined(typeof(CompilerGeneratedAttribute)))
                {
                    continue;
                }

                var reason = IsAsyncVoid(method) ? AsyncVoid + ": the page would render before it finishes, and what it changes after its first await is never sent; make it return Task"
                    : !HandlerSignature.ReturnsHandlerType(method) ? $"returns {method.ReturnType.Name}; a handler returns void, Task or ValueTask"
                    : !method.IsPublic ? "is not public; only public methods handle events (make it public, or bind a delegate: @click=\"{{…}}\")"
                    : null;
                if (reason is not null)
                {
                    reasons.TryAdd(Normalize(method.Name), (method.Name, reason));
                }
            }
        }

        return reasons;
    }

    // The compiler marks async methods with their state machine; an async void one cannot be awaited.
    private static bool IsAsyncVoid(MethodInfo method) =>
        method.ReturnType == typeof(void) && method.IsDefined(typeof(AsyncStateMachineAttribute), inherit: false);

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
