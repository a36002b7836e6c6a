namespace Hyper.Live.Parameters;

/// <summary>An enum member by name (any case) or by its number; undefined numbers are refused.</summary>
/// <typeparam name="T">The enum type.</typeparam>
internal sealed class EnumBinder<T> : ValueBinder<T>
    where T : struct, Enum
{
    private readonly ScalarBinder<T> scalar = new(
        "one of " + string.Join(", ", Enum.GetNames<T>()),
        (string text, out T value) => Enum.TryParse(text, ignoreCase: true, out value) && (Enum.IsDefined(value) || !char.IsAsciiDigit(text[0]) && text[0] != '-'));

    public override string Expected => scalar.Expected;

    public override T Bind(FormNode? node, BindingScope scope) => scalar.Bind(node, scope);
}
