using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hyper.Live.Testing.ClientModel;

/// <summary>
/// The handful of JavaScript value semantics the client's rendered.js relies on
/// (truthiness, string conversion, property keys of numbers), applied to JSON nodes.
/// </summary>
internal static class JsSemantics
{
    public static bool IsNumber(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number;

    public static bool IsString(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;

    public static double ToNumber(JsonNode node) => double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>JS <c>Number(value)</c> for relational comparisons; <paramref name="present"/> false means undefined (NaN).</summary>
    public static double ToNumeric(JsonNode? node, bool present = true)
    {
        if (!present)
        {
            return double.NaN;
        }

        return node switch
        {
            null => 0,
            JsonValue v => v.GetValueKind() switch
            {
                JsonValueKind.Number => ToNumber(v),
                JsonValueKind.True => 1,
                JsonValueKind.False => 0,
                JsonValueKind.String => v.GetValue<string>().Trim() is var t && t.Length == 0
                    ? 0
                    : double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN,
                _ => double.NaN,
            },
            _ => double.NaN,
        };
    }

    /// <summary>JS truthiness of a present value (JSON null is falsy; objects and arrays are truthy).</summary>
    public static bool IsTruthy(JsonNode? node) => node switch
    {
        null => false,
        JsonObject or JsonArray => true,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => v.GetValue<string>().Length > 0,
            JsonValueKind.Number => ToNumber(v) is var d && d != 0 && !double.IsNaN(d),
            _ => false,
        },
        _ => true,
    };

    /// <summary>What <c>String(value)</c> / <c>html += value</c> produces in JS for a present JSON value.</summary>
    public static string ToJsString(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return "null";
            case JsonObject:
                return "[object Object]";
            case JsonArray array:
                // Array.prototype.toString: elements joined by ",", null/undefined as empty.
                var sb = new StringBuilder();
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    if (array[i] is not null)
                    {
                        sb.Append(ToJsString(array[i]));
                    }
                }

                return sb.ToString();
            case JsonValue value:
                return value.GetValueKind() switch
                {
                    JsonValueKind.String => value.GetValue<string>(),
                    JsonValueKind.Number => NumberToString(ToNumber(value)),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => "null",
                };
            default:
                return node.ToJsonString();
        }
    }

    /// <summary>JS Number-to-string for the values that occur here (integers, plain decimals).</summary>
    public static string NumberToString(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return "0"; // also for -0, as JS prints it
        }

        if (Math.Floor(value) == value && Math.Abs(value) < 1e21)
        {
            return value.ToString("F0", CultureInfo.InvariantCulture);
        }

        return value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
    }

    /// <summary>The property key JS uses for <c>obj[value]</c>.</summary>
    public static string ToPropertyKey(JsonNode? node) => node is null ? "null" : ToJsString(node);

    /// <summary>JS <c>str.slice(start, end)</c> (negative indices count from the end).</summary>
    public static string Slice(string s, int start, int? end = null)
    {
        var len = s.Length;
        var from = start < 0 ? Math.Max(len + start, 0) : Math.Min(start, len);
        var endValue = end ?? len;
        var to = endValue < 0 ? Math.Max(len + endValue, 0) : Math.Min(endValue, len);
        return to > from ? s[from..to] : string.Empty;
    }

    /// <summary>Own-property snapshot so callers may mutate the object while walking it.</summary>
    public static KeyValuePair<string, JsonNode?>[] Entries(JsonObject obj) => [.. obj];

    /// <summary>Gets a node that may be stored elsewhere in the tree: diff nodes are owned by their parent, so they are copied in.</summary>
    public static JsonNode? Adopt(JsonNode? node) => node is null || node.Parent is null ? node : node.DeepClone();
}
