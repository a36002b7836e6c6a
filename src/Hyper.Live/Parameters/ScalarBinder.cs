namespace Hyper.Live.Parameters;

/// <summary>
/// A single text to a scalar (numbers, <c>bool</c>, <c>Guid</c>, dates) with the invariant
/// culture. A missing value is an error unless <paramref name="missing"/> says what it means
/// (an unchecked checkbox sends nothing: <c>false</c>).
/// </summary>
/// <typeparam name="T">The scalar type.</typeparam>
internal sealed class ScalarBinder<T>(string expected, ScalarParser<T> parse, T? missing = default, bool hasMissing = false) : ValueBinder<T>
{
    public override string Expected => expected;

    public override T Bind(FormNode? node, BindingScope scope)
    {
        if (node is null && hasMissing)
        {
            return missing!;
        }

        if (node is { Values: not null, Text: { } text } && parse(text.Trim(), out var value))
        {
            return value;
        }

        scope.Errors.Conversion(scope.Path, scope.DisplayName, expected, node);
        return default!;
    }
}
