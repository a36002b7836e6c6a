using System.Text.Json.Nodes;
using static Hyper.Live.Testing.ClientModel.JsSemantics;

namespace Hyper.Live.Testing.ClientModel;

/// <summary>
/// Diff-into-cache merge rules of the client (protocol §4.7): plain recursive merge,
/// <c>"s"</c> replacing a node, keyed comprehension merge and the clone-merge used for components.
/// </summary>
internal static class RenderedMerger
{
    /// <summary>mutableMerge: a node with statics replaces the cached one, anything else merges into it.</summary>
    public static JsonObject MergeInto(JsonObject target, JsonObject source)
    {
        if (source.ContainsKey(RenderedKeys.Static))
        {
            return source;
        }

        MergeInPlace(target, source);
        return target;
    }

    /// <summary>doMutableMerge: recurse where both sides are objects and the new one has no statics, otherwise overwrite.</summary>
    public static void MergeInPlace(JsonObject target, JsonObject source)
    {
        if (IsTruthy(source[RenderedKeys.Keyed]))
        {
            MergeKeyed(target, source);
        }
        else
        {
            foreach (var (key, value) in Entries(source))
            {
                // "s" present with any value (even null) counts as new statics, as `val[STATIC] === undefined` does.
                if (value is JsonObject newObject && !newObject.ContainsKey(RenderedKeys.Static) && target[key] is JsonObject cached)
                {
                    MergeInPlace(cached, newObject);
                }
                else
                {
                    target[key] = Adopt(value);
                }
            }
        }

        MarkChanged(target);
    }

    /// <summary>A root-tracked node a diff reached must be rendered again rather than skipped (<c>newRender</c>).</summary>
    private static void MarkChanged(JsonObject node)
    {
        if (IsTruthy(node[RenderedKeys.Root]))
        {
            node[RenderedKeys.NewRender] = true;
        }
    }

    /// <summary>
    /// cloneMerge without pruning walks every object of a non-keyed tree (merging an empty diff where the source
    /// has none) and marks each root-tracked node as changed; a keyed source only marks what mergeKeyed reached.
    /// </summary>
    private static void MarkTreeChanged(JsonObject merged, JsonObject source)
    {
        if (IsTruthy(source[RenderedKeys.Keyed]))
        {
            return;
        }

        foreach (var (key, value) in merged)
        {
            var sourceValue = source[key];
            if (value is JsonObject child && (sourceValue is null || sourceValue is JsonObject { } s && !s.ContainsKey(RenderedKeys.Static)))
            {
                MarkTreeChanged(child, sourceValue as JsonObject ?? []);
            }
        }

        MarkChanged(merged);
    }

    /// <summary>
    /// cloneMerge: merge a component diff into a copy of a cached tree. With <paramref name="pruneInternalIds"/>
    /// (statics shared from another cid) the copy loses that cid's magic ids.
    /// </summary>
    public static JsonObject CloneMerge(JsonObject target, JsonObject source, bool pruneInternalIds)
    {
        // A deep copy followed by the in-place merge gives exactly cloneMerge's result; the client only
        // shares arrays (statics) between the two trees, which nothing ever mutates.
        var merged = (JsonObject)target.DeepClone();
        MergeInPlace(merged, source);
        if (pruneInternalIds)
        {
            PruneInternalIds(merged);
        }
        else
        {
            MarkTreeChanged(merged, source);
        }

        return merged;
    }

    private static void PruneInternalIds(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                obj.Remove(RenderedKeys.MagicId);
                obj.Remove(RenderedKeys.NewRender);
                foreach (var (_, child) in obj)
                {
                    PruneInternalIds(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    PruneInternalIds(child);
                }

                break;
        }
    }

    private static void MergeKeyed(JsonObject target, JsonObject source)
    {
        if (source[RenderedKeys.Keyed] is not JsonObject sourceKeyed)
        {
            throw new NotSupportedException($"\"k\" must be an object, got {source[RenderedKeys.Keyed]!.ToJsonString()}.");
        }

        if (target[RenderedKeys.Keyed] is not JsonObject targetKeyed)
        {
            throw ClientFailure.Create(
                $"Keyed diff {source.ToJsonString()} merged into a node that is not a comprehension ({Describe(target)}).",
                "TypeError: Cannot read properties of undefined");
        }

        // Moves read from a snapshot taken before any entry is applied (the clone-before-move rule);
        // the client only takes it when "km" is set.
        var snapshot = IsTruthy(sourceKeyed[RenderedKeys.KeyedMoved]) ? (JsonObject)targetKeyed.DeepClone() : null;

        foreach (var (position, entry) in Entries(sourceKeyed))
        {
            if (position is RenderedKeys.KeyedCount or RenderedKeys.KeyedMoved)
            {
                continue;
            }

            switch (entry)
            {
                case JsonArray move:
                {
                    var from = move.Count > 0 ? move[0] : null;
                    var moved = TakeMoved(snapshot, position, from, move.Count > 0, entry);
                    targetKeyed[position] = moved ?? throw ClientFailure.Create(
                        $"Keyed entry \"{position}\": {entry.ToJsonString()} moves from a position that had no entry.",
                        "TypeError: Cannot read properties of undefined");
                    if (move.Count < 2 || move[1] is null)
                    {
                        throw ClientFailure.Create(
                            $"Keyed entry \"{position}\": {entry.ToJsonString()} must be [oldIndex, {{diff}}].",
                            "TypeError: Cannot read properties of undefined");
                    }

                    if (move[1] is not JsonObject diff)
                    {
                        throw new NotSupportedException($"Keyed entry \"{position}\": {entry.ToJsonString()} carries a diff that is not an object.");
                    }

                    MergeInPlace(moved, diff);
                    break;
                }

                case JsonValue number when IsNumber(number):
                {
                    var moved = TakeMoved(snapshot, position, number, true, entry);
                    if (moved is null)
                    {
                        // The client stores undefined; rendering that position then fails (see RenderedWriter).
                        targetKeyed.Remove(position);
                    }
                    else
                    {
                        targetKeyed[position] = moved;
                    }

                    break;
                }

                case null:
                    // typeof null === "object": the client creates the entry, then reads a property of null.
                    throw ClientFailure.Create(
                        $"Keyed entry \"{position}\" is null.",
                        "TypeError: Cannot read properties of null");

                case JsonObject diff:
                {
                    if (!IsTruthy(targetKeyed[position]))
                    {
                        targetKeyed[position] = new JsonObject();
                    }

                    if (targetKeyed[position] is not JsonObject cachedEntry)
                    {
                        throw new NotSupportedException($"Cached keyed entry \"{position}\" is not an object.");
                    }

                    MergeInPlace(cachedEntry, diff);
                    break;
                }

                default:
                    // Strings and booleans match no branch of mergeKeyed and are ignored.
                    break;
            }
        }

        var newCount = sourceKeyed[RenderedKeys.KeyedCount];
        var newN = ToNumeric(newCount, sourceKeyed.ContainsKey(RenderedKeys.KeyedCount));
        var oldN = ToNumeric(targetKeyed[RenderedKeys.KeyedCount], targetKeyed.ContainsKey(RenderedKeys.KeyedCount));
        if (newN < oldN)
        {
            for (var i = newN; i < oldN; i++)
            {
                targetKeyed.Remove(NumberToString(i));
            }
        }

        if (sourceKeyed.ContainsKey(RenderedKeys.KeyedCount))
        {
            targetKeyed[RenderedKeys.KeyedCount] = Adopt(newCount);
        }
        else
        {
            targetKeyed.Remove(RenderedKeys.KeyedCount); // kc = undefined: renders no entries
        }

        if (IsTruthy(source[RenderedKeys.Stream]))
        {
            target[RenderedKeys.Stream] = Adopt(source[RenderedKeys.Stream]);
        }

        if (IsTruthy(source[RenderedKeys.Templates]))
        {
            target[RenderedKeys.Templates] = Adopt(source[RenderedKeys.Templates]);
        }
    }

    private static JsonObject? TakeMoved(JsonObject? snapshot, string position, JsonNode? from, bool hasFrom, JsonNode entry)
    {
        if (snapshot is null)
        {
            throw ClientFailure.Create(
                $"Keyed entry \"{position}\": {entry.ToJsonString()} is a move but the diff has no \"km\": true.",
                "TypeError: Cannot read properties of undefined");
        }

        var key = hasFrom ? ToPropertyKey(from) : "undefined";
        return snapshot[key] switch
        {
            // The client would alias one snapshot object if two positions move from the same index;
            // a copy renders the same HTML.
            JsonObject moved => (JsonObject)moved.DeepClone(),
            null => null,
            var other => throw new NotSupportedException($"Cached keyed entry \"{key}\" is not an object: {other.ToJsonString()}."),
        };
    }

    private static string Describe(JsonObject node)
    {
        var json = node.ToJsonString();
        return json.Length > 200 ? json[..200] + "…" : json;
    }
}
