
namespace Hyper.Live.Parameters;

/// <summary>Binds a <see cref="Form{T}"/>: the value through <see cref="ObjectBinder{T}"/>, its problems as field errors.</summary>
/// <typeparam name="T">The form's model.</typeparam>
internal static class FormBinder<T>
    where T : class
{
    /// <summary>Binds from <paramref name="node"/> (the fields under <paramref name="prefix"/>, or the whole form).</summary>
    public static Form<T> Bind(FormNode? node, EventPayload payload, string? prefix) =>
        new(Bind(node, out var errors), errors, payload, prefix);

    /// <summary>The value bound from <paramref name="node"/>, and its problems as field errors.</summary>
    public static T Bind(FormNode? node, out FormErrors errors)
    {
        var problems = new BindingErrors();
        var value = ValueBinders.For<T>().Bind(node, new BindingScope(problems, "", typeof(T).Name));
        errors = new FormErrors(problems.All.Select(e => (e.Path, e.Message)));
        return value;
    }
}
