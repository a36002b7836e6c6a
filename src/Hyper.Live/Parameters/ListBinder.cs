using System.Globalization;

namespace Hyper.Live.Parameters;

/// <summary>
/// Arrays, lists and sets from repeated fields: <c>tags=a&amp;tags=b</c> (a multi-select),
/// <c>tags[]=a&amp;tags[]=b</c>, <c>items[0][name]=…</c> or a JSON array. A missing field is empty.
/// </summary>
/// <typeparam name="TCollection">The parameter's collection type.</typeparam>
/// <typeparam name="TItem">The item type.</typeparam>
internal sealed class ListBinder<TCollection, TItem>(ValueBinder<TItem> item, Func<List<TItem>, TCollection> create) : ValueBinder<TCollection>
{
    public override string Expected => "a list of " + item.Expected;

    public override TCollection Bind(FormNode? node, BindingScope scope)
    {
        var items = new List<TItem>();
        switch (node)
        {
            case null:
                break;
            case { Items: { } list }:
                for (var i = 0; i < list.Count; i++)
                {
                    items.Add(item.Bind(list[i], scope.Item(i)));
                }

                break;
            case { Values: { } values }:
                for (var i = 0; i < values.Count; i++)
                {
                    items.Add(item.Bind(FormNode.Leaf(values[i]), scope.Item(i)));
                }

                break;
            case { Fields: { } fields } when fields.Keys.All(IsIndex):
                // items[0][name]=…&items[1][name]=…: ordered by index, not by arrival.
                var position = 0;
                foreach (var (_, child) in fields.OrderBy(f => int.Parse(f.Key, CultureInfo.InvariantCulture)))
                {
                    items.Add(item.Bind(child, scope.Item(position++)));
                }

                break;
            default:
                scope.Errors.Conversion(scope.Path, scope.DisplayName, Expected, node);
                break;
        }

        return create(items);
    }

    private static bool IsIndex(string key) => key.Length is > 0 and < 10 && key.All(char.IsAsciiDigit);
}
