namespace Hyper.Live.Parameters;

/// <summary>A <see cref="ValueBinder"/> that returns its type without boxing.</summary>
/// <typeparam name="T">The type bound.</typeparam>
internal abstract class ValueBinder<T> : ValueBinder
{
    /// <summary>The value; on failure records an error in <paramref name="scope"/> and returns a default.</summary>
    public abstract T Bind(FormNode? node, BindingScope scope);

    public sealed override object? BindObject(FormNode? node, BindingScope scope) => Bind(node, scope);
}
