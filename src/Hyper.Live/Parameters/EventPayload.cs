using System.Text.Json;

namespace Hyper.Live.Parameters;

/// <summary>
/// What an event carries, decoded once for binding (protocol §5): the values as a
/// <see cref="FormNode"/> tree, the fields the user has not touched yet (<c>_unused_</c>), the
/// field that changed (<c>_target</c>) and the binding's positional arguments (<c>_args</c>).
/// </summary>
internal sealed class EventPayload
{
    private const string UnusedPrefix = "_unused_";
    private const string ArgumentsKey = "_args";
    private const string TargetKey = "_target";

    private readonly HashSet<string> unused = new(StringComparer.OrdinalIgnoreCase);

    private EventPayload(FormNode root) => Root = root;

    /// <summary>The event's values: form fields, or the value object of other events.</summary>
    public FormNode Root { get; }

    /// <summary>The field that changed, for <c>phx-change</c> events (<c>user[name]</c>); null otherwise.</summary>
    public string? Target { get; private set; }

    /// <summary>The binding's positional arguments; null when the binding passes none.</summary>
    public IReadOnlyList<PositionalArgument>? Arguments { get; private set; }

    /// <summary>Whether the user has typed into (or submitted) the field <paramref name="fieldName"/>.</summary>
    public bool IsUsed(string fieldName) => !unused.Contains(fieldName);

    /// <summary>Decodes a payload's <c>value</c> and <c>meta</c>: urlencoded for form events, JSON objects otherwise.</summary>
    public static EventPayload Decode(JsonElement value, JsonElement meta)
    {
        var payload = new EventPayload(FormNode.Map());
        if (value.ValueKind == JsonValueKind.String)
        {
            payload.ReadUrlEncoded(value.GetString()!);
        }
        else
        {
            payload.ReadObject(value);
        }

        payload.ReadObject(meta);
        return payload;
    }

    private void ReadUrlEncoded(string form)
    {
        foreach (var pair in form.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Unescape(equals < 0 ? pair : pair[..equals]);
            var text = equals < 0 ? "" : Unescape(pair[(equals + 1)..]);
            var segments = FormFieldName.Split(name);
            if (segments[^1].StartsWith(UnusedPrefix, StringComparison.Ordinal))
            {
                segments[^1] = segments[^1][UnusedPrefix.Length..];
                unused.Add(FormFieldName.Join(segments));
                continue;
            }

            Assign(Root, segments, 0, text);
        }
    }

    /// <summary>Plug's rules: <c>a[b]</c> nests a map, <c>a[]</c> appends to a list, <c>a[][b]</c> fills a list of maps.</summary>
    private static void Assign(FormNode map, List<string> segments, int index, string text)
    {
        var name = segments[index];
        if (index == segments.Count - 1)
        {
            map.AddText(name, text);
            return;
        }

        if (segments[index + 1].Length > 0)
        {
            Assign(map.Child(name, list: false), segments, index + 1, text);
            return;
        }

        var list = map.Child(name, list: true);
        if (index + 1 == segments.Count - 1)
        {
            list.Add(FormNode.Leaf(text));
            return;
        }

        // A list of maps: a key already set in the last item starts the next item.
        var last = list.Items!.Count > 0 ? list.Items[^1] : null;
        if (last?.Fields is null || last.Fields.ContainsKey(segments[index + 2]))
        {
            last = FormNode.Map();
            list.Add(last);
        }

        Assign(last, segments, index + 2, text);
    }

    private void ReadObject(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in json.EnumerateObject())
        {
            switch (property.Name)
            {
                case TargetKey:
                    Target = property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() is { } target && target != "undefined" ? target : null;
                    break;
                case ArgumentsKey when property.Value.ValueKind == JsonValueKind.Array:
                    Arguments = property.Value.EnumerateArray().Select(ReadArgument).ToList();
                    break;
                default:
                    if (ToNode(property.Value) is { } node)
                    {
                        Root.Set(property.Name, node);
                    }

                    break;
            }
        }
    }

    private static PositionalArgument ReadArgument(JsonElement argument) =>
        argument.ValueKind == JsonValueKind.Object && argument.TryGetProperty("field"u8, out var field) && field.ValueKind == JsonValueKind.String
            ? new PositionalArgument(field.GetString(), null)
            : new PositionalArgument(null, ToNode(argument));

    private static FormNode? ToNode(JsonElement json)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Object:
                var map = FormNode.Map();
                foreach (var property in json.EnumerateObject())
                {
                    if (ToNode(property.Value) is { } child)
                    {
                        map.Set(property.Name, child);
                    }
                }

                return map;
            case JsonValueKind.Array:
                var list = FormNode.List();
                foreach (var item in json.EnumerateArray())
                {
                    if (ToNode(item) is { } child)
                    {
                        list.Add(child);
                    }
                }

                return list;
            case JsonValueKind.String:
                return FormNode.Leaf(json.GetString()!);
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            default:
                return FormNode.Leaf(json.GetRawText());
        }
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
