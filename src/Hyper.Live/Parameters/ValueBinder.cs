namespace Hyper.Live.Parameters;

/// <summary>Converts a <see cref="FormNode"/> to one .NET type; built once per type by <see cref="ValueBinders"/>.</summary>
internal abstract class ValueBinder
{
    /// <summary>What the binder expects, for messages: <c>int</c>, <c>one of Low, High</c>, <c>a list of int</c>.</summary>
    public abstract string Expected { get; }

    /// <summary>Whether the binder reads a map of fields (records and classes): it may then bind from the event's root.</summary>
    public virtual bool ReadsFields => false;

    public abstract object? BindObject(FormNode? node, BindingScope scope);
}
