using System.Reflection;

namespace Hyper.Live.Parameters;

/// <summary>A <see cref="Form{T}"/> parameter: never refuses the event; problems become the form's errors.</summary>
/// <typeparam name="T">The form's model.</typeparam>
internal sealed class FormParameterBinder<T>(ParameterInfo parameter, int position) : ParameterBinder<Form<T>>
    where T : class
{
    private readonly ValueSource source = new(parameter, position, ValueBinders.For<T>().ReadsFields);

    public override bool TakesValue => true;

    public override Form<T> Bind(EventContext context)
    {
        var node = source.Locate(context.Payload, out var prefix);
        return FormBinder<T>.Bind(node, context.Payload, prefix);
    }
}
