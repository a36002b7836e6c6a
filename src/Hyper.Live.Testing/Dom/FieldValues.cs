using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hyper.Live.Testing.Dom;

/// <summary>
/// Turns the values a test passes (anonymous objects, dictionaries, sequences) into what the
/// client would send: form fields as Rails-style named strings, or a JSON value object.
/// </summary>
internal static class FieldValues
{
    /// <summary>
    /// Form fields in order: <c>new { user = new { name = "x" }, tags = new[] { "a", "b" } }</c> →
    /// <c>user[name]=x</c>, <c>tags=a</c>, <c>tags=b</c>. Booleans become <c>true</c>/<c>false</c>; null skips the field.
    /// </summary>
    public static List<KeyValuePair<string, string>> Flatten(object? fields)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in Members(fields))
        {
            Add(result, name, value);
        }

        return result;
    }

    /// <summary>A value object with its JSON types kept (as a <c>JS.push</c> value), or null.</summary>
    public static JsonObject? ToJson(object? values) => values switch
    {
        null => null,
        JsonObject json => (JsonObject)json.DeepClone(),
        _ => JsonSerializer.SerializeToNode(values) as JsonObject
            ?? throw new ArgumentException($"Event values must be an object with named values, not {values.GetType().Name}.", nameof(values)),
    };

    private static void Add(List<KeyValuePair<string, string>> result, string name, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                result.Add(new(name, text));
                return;
            case bool flag:
                result.Add(new(name, flag ? "true" : "false"));
                return;
            case IFormattable formattable:
                result.Add(new(name, formattable.ToString(null, CultureInfo.InvariantCulture)));
                return;
            case IEnumerable sequence when value is not IDictionary && !IsKeyValueSequence(value):
                // Repeated under one name; the form decides whether that name is "tags" or "tags[]".
                foreach (var item in sequence)
                {
                    Add(result, name, item);
                }

                return;
            default:
                foreach (var (key, nested) in Members(value))
                {
                    Add(result, $"{name}[{key}]", nested);
                }

                return;
        }
    }

    private static IEnumerable<(string Name, object? Value)> Members(object? source)
    {
        switch (source)
        {
            case null:
                yield break;
            case IEnumerable<KeyValuePair<string, string>> pairs:
                foreach (var pair in pairs)
                {
                    yield return (pair.Key, pair.Value);
                }

                yield break;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                foreach (var pair in pairs)
                {
                    yield return (pair.Key, pair.Value);
                }

                yield break;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    yield return (Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!, entry.Value);
                }

                yield break;
            default:
                foreach (var property in source.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (property.GetIndexParameters().Length == 0)
                    {
                        yield return (property.Name, property.GetValue(source));
                    }
                }

                yield break;
        }
    }

    private static bool IsKeyValueSequence(object value) =>
        value is IEnumerable<KeyValuePair<string, string>> or IEnumerable<KeyValuePair<string, object?>>;
}
