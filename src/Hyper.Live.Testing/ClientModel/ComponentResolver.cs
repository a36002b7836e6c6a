using System.Text.Json.Nodes;
using static Hyper.Live.Testing.ClientModel.JsSemantics;

namespace Hyper.Live.Testing.ClientModel;

/// <summary>
/// cachedFindComponent: turns each entry of a diff's <c>"c"</c> into the component tree the client will cache,
/// resolving statics sharing (<c>"s": N</c> from this diff's component N, <c>"s": -N</c> from the cached one).
/// </summary>
internal static class ComponentResolver
{
    public static List<KeyValuePair<string, JsonObject>> Resolve(JsonObject newComponents, JsonObject cachedComponents)
    {
        var resolved = new Dictionary<string, JsonObject>();
        var resolving = new HashSet<string>();
        var result = new List<KeyValuePair<string, JsonObject>>();
        foreach (var (cid, diff) in Entries(newComponents))
        {
            result.Add(new(cid, Find(cid, diff)));
        }

        return result;

        JsonObject Find(string cid, JsonNode? diff)
        {
            if (resolved.TryGetValue(cid, out var done))
            {
                return done;
            }

            if (diff is not JsonObject componentDiff)
            {
                throw diff is null
                    ? ClientFailure.Create($"Component {cid} is referenced for statics sharing but is not in this diff's \"c\".", "TypeError: Cannot read properties of undefined (reading 's')")
                    : new NotSupportedException($"Component {cid} must be an object, got {diff.ToJsonString()}.");
            }

            if (!resolving.Add(cid))
            {
                throw ClientFailure.Create($"Component {cid} shares statics with itself through a cycle of \"s\" references.", "RangeError: Maximum call stack size exceeded");
            }

            JsonObject result;
            var shared = componentDiff[RenderedKeys.Static];
            if (IsCid(shared))
            {
                var n = ToNumeric(shared);
                JsonObject source;
                if (n > 0)
                {
                    var key = NumberToString(n);
                    source = Find(key, newComponents[key]);
                }
                else
                {
                    var key = NumberToString(-n);
                    source = cachedComponents[key] as JsonObject ?? throw ClientFailure.Create(
                        $"Component {cid} has \"s\": {ToJsString(shared)} but component {key} is not in the client's cache.",
                        "TypeError: Cannot read properties of undefined (reading 's')");
                }

                var statics = source[RenderedKeys.Static];
                var hasStatics = source.ContainsKey(RenderedKeys.Static);
                result = RenderedMerger.CloneMerge(source, componentDiff, pruneInternalIds: true);
                if (hasStatics)
                {
                    result[RenderedKeys.Static] = statics?.DeepClone();
                }
                else
                {
                    result.Remove(RenderedKeys.Static);
                }
            }
            else if (componentDiff.ContainsKey(RenderedKeys.Static) || !cachedComponents.ContainsKey(cid))
            {
                result = componentDiff;
            }
            else
            {
                result = cachedComponents[cid] is JsonObject cached
                    ? RenderedMerger.CloneMerge(cached, componentDiff, pruneInternalIds: false)
                    : throw new NotSupportedException($"Cached component {cid} is not an object.");
            }

            resolving.Remove(cid);
            resolved[cid] = result;
            return result;
        }
    }

    /// <summary>isCid: a number, or a string of decimal digits.</summary>
    private static bool IsCid(JsonNode? node) =>
        IsNumber(node) || (IsString(node) && node!.GetValue<string>() is var s && s.Length > 0 && (s == "0" || (s[0] != '0' && s.All(char.IsAsciiDigit))));
}
