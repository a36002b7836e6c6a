using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Hyper.Live.Parameters;
using Hyper.Live.Templates;

namespace Hyper.Live.Events;

/// <summary>
/// Calls one handler with parameters bound from an event: a view's method, or a delegate from
/// <c>@click="{{…}}"</c>. Compiled once per method (per delegate type and method for delegates):
/// each parameter's binder is a constant of the expression, so an event costs no reflection.
/// </summary>
internal sealed class HandlerInvoker
{
    private static readonly ConcurrentDictionary<(Type, MethodInfo), HandlerInvoker> Delegates = new();

    private readonly Func<object, EventContext, Task?> invoke;

    private HandlerInvoker(MethodInfo method, int valueParameterCount, Func<object, EventContext, Task?> invoke)
    {
        Method = method;
        ValueParameterCount = valueParameterCount;
        this.invoke = invoke;
    }

    public MethodInfo Method { get; }

    /// <summary>How many parameters take values (positional arguments can fill at most this many).</summary>
    public int ValueParameterCount { get; }

    /// <summary>
    /// Binds the parameters and calls the handler; null (without calling) when a parameter did not
    /// bind: <see cref="EventContext.Error"/> says which.
    /// </summary>
    public Task? Invoke(object target, EventContext context) => invoke(target, context);

    /// <summary>The invoker of an instance method of a view type; throws when a parameter cannot be bound.</summary>
    public static HandlerInvoker ForMethod(MethodInfo method) =>
        Build(method, method.GetParameters(), target => Expression.Convert(target, method.DeclaringType!), (instance, arguments) => Expression.Call(instance, method, arguments));

    /// <summary>The invoker of a delegate's type and method, built on first use; see <see cref="HandlerSignature.IsHandlerDelegate"/>.</summary>
    public static HandlerInvoker ForDelegate(Delegate handler) =>
        Delegates.GetOrAdd((handler.GetType(), handler.Method), static key =>
        {
            var (type, method) = key;
            var invokeMethod = type.GetMethod("Invoke")!;
            // Names come from the lambda or method (bind by name); types and arity from the delegate's Invoke.
            var parameters = method.GetParameters();
            var invokeParameters = invokeMethod.GetParameters();
            return Build(invokeMethod, parameters.Length == invokeParameters.Length ? parameters : invokeParameters,
                target => Expression.Convert(target, type), (instance, arguments) => Expression.Invoke(instance, arguments));
        });

    private static HandlerInvoker Build(MethodInfo method, ParameterInfo[] parameters, Func<Expression, Expression> instance, Func<Expression, Expression[], Expression> call)
    {
        var target = Expression.Parameter(typeof(object), "target");
        var context = Expression.Parameter(typeof(EventContext), "context");
        var variables = new ParameterExpression[parameters.Length];
        var body = new List<Expression>();
        var position = 0;
        for (var i = 0; i < parameters.Length; i++)
        {
            ParameterBinder binder;
            try
            {
                binder = ParameterBinder.Create(parameters[i], position);
            }
            catch (NotSupportedException unsupported)
            {
                throw new InvalidOperationException(
                    $"{method.DeclaringType?.Name}.{method.Name}: parameter '{parameters[i].Name}' cannot come from an event. {unsupported.Message} " +
                    "Make the method non-public if it is not an event handler.", unsupported);
            }

            position += binder.TakesValue ? 1 : 0;
            variables[i] = Expression.Variable(parameters[i].ParameterType, parameters[i].Name);
            body.Add(Expression.Assign(variables[i], Expression.Call(Expression.Constant(binder), binder.GetType().GetMethod("Bind")!, context)));
        }

        Expression invocation = call(instance(target), variables);
        invocation = invocation.Type == typeof(void) ? Expression.Block(invocation, Expression.Constant(Task.CompletedTask, typeof(Task)))
            : invocation.Type == typeof(ValueTask) ? Expression.Call(invocation, typeof(ValueTask).GetMethod(nameof(ValueTask.AsTask))!)
            : invocation;
        body.Add(Expression.Condition(Expression.Property(context, nameof(EventContext.Failed)), Expression.Constant(null, typeof(Task)), invocation, typeof(Task)));
        var lambda = Expression.Lambda<Func<object, EventContext, Task?>>(Expression.Block(typeof(Task), variables, body), target, context);
        return new HandlerInvoker(method, position, lambda.Compile());
    }
}
