using System.Reflection;

namespace Hyper.Live.Parameters;

/// <summary>Finds the node a value parameter binds from: its positional argument, else its field by name.</summary>
internal sealed class ValueSource(ParameterInfo parameter, int position, bool readsFields)
{
    public string Name { get; } = parameter.Name ?? "value" + position;

    /// <summary>The field the binding's argument at this parameter's position names (<c>save(name, email)</c>), or null.</summary>
    public string? PositionalField(EventPayload payload) =>
        payload.Arguments is { } arguments && position < arguments.Count ? arguments[position].Field : null;

    /// <summary>
    /// The node and the field name it was found under (null when bound from the whole event).
    /// A record or class whose name is no field of the event (<c>Save(Signup signup)</c> with
    /// top-level fields <c>username</c>, <c>email</c>) binds from the whole event.
    /// </summary>
    public FormNode? Locate(EventPayload payload, out string? fieldName)
    {
        if (payload.Arguments is { } arguments && position < arguments.Count)
        {
            var argument = arguments[position];
            fieldName = argument.Field;
            return argument.Field is null ? argument.Literal : payload.Root.Field(argument.Field);
        }

        var node = payload.Root.Field(Name);
        if (readsFields && node is null)
        {
            fieldName = null;
            return payload.Root;
        }

        fieldName = Name;
        return node;
    }
}
