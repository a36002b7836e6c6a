namespace Hyper.Live.Parameters;

/// <summary><c>T?</c> for value types: a missing or blank field is null, anything else must convert.</summary>
/// <typeparam name="T">The underlying value type.</typeparam>
internal sealed class NullableBinder<T>(ValueBinder<T> inner) : ValueBinder<T?>
    where T : struct
{
    public override string Expected => inner.Expected;

    public override T? Bind(FormNode? node, BindingScope scope) =>
        node is null || (node.Values is not null && string.IsNullOrWhiteSpace(node.Text)) ? null : inner.Bind(node, scope);
}
