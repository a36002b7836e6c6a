using System.Reflection;

namespace Hyper.Live.Parameters;

/// <summary>
/// Produces one handler parameter from an event. Value parameters take the binding's positional
/// argument at their position (<c>delete(7)</c>, <c>search(value)</c>) or else the event's field
/// of their name; <see cref="LiveEvent"/> and <see cref="CancellationToken"/> parameters are passed through.
/// </summary>
internal abstract class ParameterBinder
{
    /// <summary>Whether positional arguments count this parameter.</summary>
    public abstract bool TakesValue { get; }

    /// <summary>The binder for <paramref name="parameter"/>, the <paramref name="position"/>-th value parameter.</summary>
    public static ParameterBinder Create(ParameterInfo parameter, int position)
    {
        var type = parameter.ParameterType;
        if (type == typeof(LiveEvent))
        {
            return new EventParameterBinder();
        }

        if (type == typeof(CancellationToken))
        {
            return new CancellationParameterBinder();
        }

        var form = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Form<>);

        // Built here first so that an unbindable type throws its own NotSupportedException, unwrapped.
        _ = ValueBinders.For(form ? type.GetGenericArguments()[0] : type);
        var generic = form
            ? typeof(FormParameterBinder<>).MakeGenericType(type.GetGenericArguments())
            : typeof(ValueParameterBinder<>).MakeGenericType(type);
        return (ParameterBinder)Activator.CreateInstance(generic, parameter, position)!;
    }
}
