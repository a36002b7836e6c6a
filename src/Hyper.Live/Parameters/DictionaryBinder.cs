namespace Hyper.Live.Parameters;

/// <summary>
/// A dictionary keyed by field name from nested fields: <c>prices[apple]=1&amp;prices[pear]=2</c>
/// (or a JSON object), each value bound by the value type's binder. A missing field is empty.
/// </summary>
/// <typeparam name="TDictionary">The parameter's dictionary type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
internal sealed class DictionaryBinder<TDictionary, TValue>(ValueBinder<TValue> value) : ValueBinder<TDictionary>
{
    public override string Expected => "fields of " + value.Expected;

    public override TDictionary Bind(FormNode? node, BindingScope scope)
    {
        var entries = new Dictionary<string, TValue>(StringComparer.Ordinal);
        switch (node)
        {
            case null:
                break;
            case { Fields: { } fields }:
                foreach (var (key, child) in fields)
                {
                    entries[key] = value.Bind(child, scope.Key(key));
                }

                break;
            default:
                scope.Errors.Conversion(scope.Path, scope.DisplayName, Expected, node);
                break;
        }

        return (TDictionary)(object)entries;
    }
}
