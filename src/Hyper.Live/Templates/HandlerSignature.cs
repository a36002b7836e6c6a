using System.Collections.Concurrent;
using System.Reflection;

namespace Hyper.Live.Templates;

/// <summary>What an event handler may return: checked for view methods and for <c>@click="{{…}}"</c> delegates alike.</summary>
internal static class HandlerSignature
{
    private static readonly ConcurrentDictionary<Type, bool> HandlerDelegateTypes = new();

    /// <summary>Whether a method or delegate can be a handler: it returns nothing, a Task or a ValueTask.</summary>
    public static bool ReturnsHandlerType(MethodInfo method) =>
        method.ReturnType == typeof(void) || method.ReturnType == typeof(Task) || method.ReturnType == typeof(ValueTask);

    /// <summary>Whether delegates of <paramref name="delegateType"/> can handle events (see <see cref="ReturnsHandlerType"/>).</summary>
    public static bool IsHandlerDelegate(Type delegateType) =>
        HandlerDelegateTypes.GetOrAdd(delegateType, static type => ReturnsHandlerType(type.GetMethod("Invoke")!));
}
