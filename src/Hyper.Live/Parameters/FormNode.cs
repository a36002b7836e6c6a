namespace Hyper.Live.Parameters;

/// <summary>
/// An event's values as a tree, the way Plug and Rack read nested form fields
/// (<c>user[name]=jo&amp;tags[]=a&amp;tags[]=b</c>): a leaf holds the texts sent under one name
/// (a repeated name keeps every text; binding one value takes the last), a map holds named
/// children and a list holds items. JSON value objects of non-form events become the same tree.
/// </summary>
internal sealed class FormNode
{
    private List<string>? values;
    private Dictionary<string, FormNode>? fields;
    private List<FormNode>? items;

    /// <summary>The texts of a leaf, in the order they were sent; null for maps and lists.</summary>
    public IReadOnlyList<string>? Values => values;

    /// <summary>The named children of a map; null for leaves and lists.</summary>
    public IReadOnlyDictionary<string, FormNode>? Fields => fields;

    /// <summary>The items of a list; null for leaves and maps.</summary>
    public IReadOnlyList<FormNode>? Items => items;

    /// <summary>The value a single-valued parameter takes: the last text sent, as Plug does.</summary>
    public string? Text => values is { Count: > 0 } ? values[^1] : null;

    public static FormNode Map() => new() { fields = new Dictionary<string, FormNode>(StringComparer.Ordinal) };

    public static FormNode List() => new() { items = [] };

    public static FormNode Leaf(string value) => new() { values = [value] };

    /// <summary>
    /// The child named <paramref name="name"/>: an exact match, else one differing only by case,
    /// else by <c>-</c> and <c>_</c> too (HTML lower-cases <c>phx-value-userId</c> to <c>userid</c>).
    /// </summary>
    public FormNode? Field(string name)
    {
        if (fields is null)
        {
            return null;
        }

        if (fields.TryGetValue(name, out var exact))
        {
            return exact;
        }

        FormNode? loose = null;
        foreach (var (key, node) in fields)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return node;
            }

            loose ??= string.Equals(Loose(key), Loose(name), StringComparison.OrdinalIgnoreCase) ? node : null;
        }

        return loose;
    }

    /// <summary>The node at a field name such as <c>user[address][city]</c>.</summary>
    public FormNode? Find(string fieldName)
    {
        var node = this;
        foreach (var segment in FormFieldName.Split(fieldName))
        {
            node = segment.Length == 0 ? node : node.Field(segment);
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>Adds a text under <paramref name="name"/>; a repeated name keeps every text.</summary>
    public void AddText(string name, string text)
    {
        if (fields!.TryGetValue(name, out var existing) && existing.values is not null)
        {
            existing.values.Add(text);
        }
        else
        {
            fields[name] = Leaf(text);
        }
    }

    /// <summary>Sets a child, replacing one of the same name (the last value sent wins).</summary>
    public void Set(string name, FormNode child) => fields![name] = child;

    /// <summary>The child map or list named <paramref name="name"/>, created (or replacing a leaf) when needed.</summary>
    public FormNode Child(string name, bool list)
    {
        if (fields!.TryGetValue(name, out var existing) && (list ? existing.items : (object?)existing.fields) is not null)
        {
            return existing;
        }

        var created = list ? List() : Map();
        fields[name] = created;
        return created;
    }

    public void Add(FormNode item) => items!.Add(item);

    private static string Loose(string name) => name.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
}
