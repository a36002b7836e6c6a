using System.Text;
using System.Text.Json.Nodes;
using static Hyper.Live.Testing.ClientModel.JsSemantics;

namespace Hyper.Live.Testing.ClientModel;

/// <summary>
/// Turns the cached rendered tree into HTML the way the client's toOutputBuffer / comprehensionToBuffer /
/// dynamicsToBuffer / recursiveCIDToString do, including their side effects on the cache (templates resolved
/// and dropped, magic ids assigned, stream comprehensions reset) and the skip of root-tracked subtrees that no
/// diff reached (the DOM keeps the element it has for them). Components and stream children are written
/// as placeholders and their HTML is recorded in the <see cref="DomModel"/>.
/// </summary>
internal sealed class RenderedWriter(string viewId, bool includeMarkers, DomModel dom)
{
    private const string MagicIdAttribute = "data-phx-id";
    private const string ComponentAttribute = "data-phx-component";
    private const string ViewAttribute = "data-phx-view";

    private readonly HashSet<string> _componentsRendering = [];
    private int _magicIdCounter;
    private JsonObject _components = [];
    private List<StreamPatch> _streams = [];

    // Magic id → the root element the DOM holds for it after the last patch, and the same for the patch being written:
    // a skipped root keeps its element, which is what morphdom does with a data-phx-skip placeholder.
    private Dictionary<string, string> _roots = [];
    private Dictionary<string, string> _nextRoots = [];

    /// <summary>How many root-tracked subtrees the last render left as they were (data-phx-skip placeholders).</summary>
    public int SkippedRoots { get; private set; }

    /// <summary>How many root-tracked subtrees the last render wrote afresh.</summary>
    public int RenderedRoots { get; private set; }

    /// <summary>Full render of the view (renderContainer / toString).</summary>
    public string RenderRoot(JsonObject rendered, JsonObject components, List<StreamPatch> streams)
    {
        _components = components;
        _streams = streams;
        BeginPatch([]);
        var sb = new StringBuilder();
        ToOutput(rendered, null, sb, null);
        _roots = _nextRoots;
        return sb.ToString();
    }

    private void BeginPatch(Dictionary<string, string> kept)
    {
        _nextRoots = kept;
        SkippedRoots = RenderedRoots = 0;
    }

    /// <summary>Render of one component alone for a component-only diff (componentToString), recorded in the DOM model.</summary>
    public void RenderComponentPatch(string cid, JsonObject components, List<StreamPatch> streams)
    {
        _components = components;
        _streams = streams;
        var previous = dom.Components.GetValueOrDefault(cid);
        BeginPatch(new Dictionary<string, string>(_roots)); // roots outside the component stay in the DOM
        RenderComponent(cid);
        _roots = _nextRoots;
        var rendered = dom.Components[cid];

        // componentToString runs modifyRoot on the result, so a rootless component throws here.
        var (expandedRoot, _, _) = RootTagRewriter.Rewrite(dom.Expand(rendered.Html), []);

        // The patch replaces only the element: text that surrounded it in the parent stays as it was.
        // Keep placeholders in the stored root when possible so nested components and streams stay live.
        var ownRoot = TrySplit(rendered.Html)?.Root ?? expandedRoot;
        var (before, after) = previous is not null && TrySplit(previous.Html) is { } old ? (old.Before, old.After) : (string.Empty, string.Empty);
        dom.Components[cid] = rendered with { Html = before + ownRoot + after };
    }

    private static (string Root, string Before, string After)? TrySplit(string html)
    {
        try
        {
            return RootTagRewriter.Rewrite(html, []);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>toOutputBuffer. Returns whether the node was a root (so extra attributes were applied).</summary>
    private bool ToOutput(JsonObject rendered, JsonNode? templates, StringBuilder sb, IReadOnlyList<KeyValuePair<string, string>>? componentAttributes)
    {
        if (IsTruthy(rendered[RenderedKeys.Keyed]))
        {
            Comprehension(rendered, templates, sb);
            return false;
        }

        // Templates apply to everything below and are never kept.
        if (IsTruthy(rendered[RenderedKeys.Templates]))
        {
            templates = rendered[RenderedKeys.Templates];
            rendered.Remove(RenderedKeys.Templates);
        }

        var statics = ResolveStatics(rendered, templates);
        var isRoot = IsTruthy(rendered[RenderedKeys.Root]);
        var target = isRoot ? new StringBuilder() : sb;

        if (isRoot && !IsTruthy(rendered[RenderedKeys.MagicId]))
        {
            rendered[RenderedKeys.NewRender] = true;
            rendered[RenderedKeys.MagicId] = $"m{++_magicIdCounter}-{viewId}";
        }

        Dynamics(rendered, true, statics, templates, target);

        if (isRoot)
        {
            var attributes = new List<KeyValuePair<string, string>>();
            if (componentAttributes is not null || includeMarkers)
            {
                attributes.Add(new(MagicIdAttribute, ToJsString(rendered[RenderedKeys.MagicId])));
            }

            if (componentAttributes is not null)
            {
                attributes.AddRange(componentAttributes);
            }

            var html = target.ToString();
            if (StartsWithPlaceholder(html))
            {
                // The root element is itself a component's element: the client edits that tag, so we must see it.
                html = dom.Expand(html);
            }

            var (root, before, after) = RootTagRewriter.Rewrite(html, attributes);
            var magicId = ToJsString(rendered[RenderedKeys.MagicId]);

            // Components are always rendered in full here (the model ignores onlyCids); other roots no diff reached
            // since they were last rendered become skip placeholders, and the DOM keeps their element.
            if (componentAttributes is null && !IsTruthy(rendered[RenderedKeys.NewRender]))
            {
                root = _roots.TryGetValue(magicId, out var kept) ? kept : throw ClientFailure.Create(
                    $"A subtree marked \"r\": 1 (magic id {magicId}) was skipped as unchanged, but the page holds no element for it: {Abbreviate(root)}",
                    "morphdom inserts the empty data-phx-skip placeholder");
                SkippedRoots++;
            }
            else
            {
                RenderedRoots++;
            }

            _nextRoots[magicId] = root;
            rendered[RenderedKeys.NewRender] = false;
            sb.Append(before).Append(root).Append(after);
        }

        return isRoot;
    }

    private void Comprehension(JsonObject rendered, JsonNode? templates, StringBuilder sb)
    {
        // Quirk kept on purpose: an enclosing template map wins over the comprehension's own "p",
        // and the comprehension's statics resolve against the enclosing one only.
        var entryTemplates = IsTruthy(templates) ? templates : rendered[RenderedKeys.Templates];
        var statics = ResolveStatics(rendered, templates);
        rendered.Remove(RenderedKeys.Templates);

        var keyed = rendered[RenderedKeys.Keyed] as JsonObject;
        var count = keyed is null ? double.NaN : ToNumeric(keyed[RenderedKeys.KeyedCount], keyed.ContainsKey(RenderedKeys.KeyedCount));
        var entries = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var entrySb = new StringBuilder();
            var present = keyed!.TryGetPropertyValue(NumberToString(i), out var entry);
            try
            {
                Dynamics(entry, present, statics, entryTemplates, entrySb);
            }
            catch (InvalidOperationException e) when (!present || entry is null)
            {
                throw ClientFailure.Create(
                    $"Comprehension entry {i} is missing (kc = {NumberToString(count)}); {e.Message}",
                    "TypeError: Cannot read properties of undefined");
            }

            entries.Add(entrySb.ToString());
        }

        var stream = rendered[RenderedKeys.Stream];
        if (IsTruthy(stream))
        {
            var operation = stream as JsonArray ?? throw new NotSupportedException($"\"stream\" must be an array, got {stream!.ToJsonString()}.");
            var streamRef = operation.Count > 0 ? ToJsString(operation[0]) : "undefined";
            if (count > 0 || DeleteCount(operation) > 0 || (operation.Count > 3 && IsTruthy(operation[3])))
            {
                // The client renders the entries once, hands the operation to the DOM patch and forgets the items.
                rendered.Remove(RenderedKeys.Stream);
                rendered[RenderedKeys.Keyed] = new JsonObject { [RenderedKeys.KeyedCount] = 0 };
                rendered[RenderedKeys.StreamRefMarker] = streamRef;
                _streams.Add(ParseStream(operation, streamRef, entries));
            }

            sb.Append(Placeholders.Stream(streamRef));
            return;
        }

        if (rendered[RenderedKeys.StreamRefMarker] is JsonNode marker)
        {
            sb.Append(Placeholders.Stream(ToJsString(marker)));
        }

        foreach (var entry in entries)
        {
            sb.Append(entry);
        }
    }

    /// <summary>dynamicsToBuffer: statics interleaved with the node's dynamics "0".."n-1".</summary>
    private void Dynamics(JsonNode? node, bool nodePresent, JsonNode? statics, JsonNode? templates, StringBuilder sb)
    {
        if (statics is not JsonArray parts)
        {
            if (statics is null)
            {
                throw ClientFailure.Create(
                    $"A rendered node has no statics (\"s\"): {Describe(node, nodePresent)}. A diff without \"s\" reached a slot that held no subtree?",
                    "TypeError: Cannot read properties of undefined (reading 'length')");
            }

            throw new NotSupportedException($"Statics must be an array or a template index, got {statics.ToJsonString()}.");
        }

        for (var i = 0; i < parts.Count - 1; i++)
        {
            sb.Append(ToJsString(parts[i]));
            if (!nodePresent || node is null)
            {
                throw new InvalidOperationException($"Node {Describe(node, nodePresent)} has no dynamics.");
            }

            if (node is not JsonObject obj)
            {
                throw new NotSupportedException($"A rendered node or comprehension entry must be an object, got {node.ToJsonString()}.");
            }

            var present = obj.TryGetPropertyValue(NumberToString(i), out var value);
            Dynamic(value, present, templates, sb);
        }

        // statics[statics.length - 1] of an empty array is undefined, which the client prints.
        sb.Append(parts.Count > 0 ? ToJsString(parts[^1]) : "undefined");
    }

    /// <summary>dynamicToBuffer: a number is a cid, an object a subtree, anything else is printed verbatim.</summary>
    private void Dynamic(JsonNode? value, bool present, JsonNode? templates, StringBuilder sb)
    {
        if (!present)
        {
            sb.Append("undefined"); // what the client prints for a slot missing from a full render
        }
        else if (IsNumber(value))
        {
            var cid = ToPropertyKey(value);
            RenderComponent(cid);
            sb.Append(Placeholders.Component(cid));
        }
        else if (value is JsonObject subtree)
        {
            ToOutput(subtree, templates, sb, null);
        }
        else
        {
            sb.Append(ToJsString(value));
        }
    }

    /// <summary>recursiveCIDToString: renders a component with its three root attributes and records its HTML.</summary>
    private void RenderComponent(string cid)
    {
        if (!IsTruthy(_components[cid]))
        {
            throw ClientFailure.Create(
                $"Slot refers to component {cid}, which is neither in this diff's \"c\" nor in the client's cache.",
                $"Error: Cannot continue render due to missing component: {cid}");
        }

        if (_components[cid] is not JsonObject component)
        {
            throw new NotSupportedException($"Component {cid} must be an object, got {_components[cid]!.ToJsonString()}.");
        }

        if (!_componentsRendering.Add(cid))
        {
            throw ClientFailure.Create($"Component {cid} renders itself.", "RangeError: Maximum call stack size exceeded");
        }

        try
        {
            component[RenderedKeys.MagicId] = $"c{cid}-{viewId}";
            var sb = new StringBuilder();
            var rooted = ToOutput(component, null, sb, [new(ComponentAttribute, cid), new(ViewAttribute, viewId)]);
            dom.Components[cid] = new RenderedComponent(sb.ToString(), rooted);
        }
        finally
        {
            _componentsRendering.Remove(cid);
        }
    }

    /// <summary>templateStatic, with the resolved statics written back into the cache as the client does.</summary>
    private static JsonNode? ResolveStatics(JsonObject rendered, JsonNode? templates)
    {
        if (!rendered.TryGetPropertyValue(RenderedKeys.Static, out var part))
        {
            return null;
        }

        if (!IsNumber(part))
        {
            return part;
        }

        var key = ToPropertyKey(part);
        JsonNode? resolved = templates switch
        {
            JsonObject map => map[key],
            JsonArray list when int.TryParse(key, out var index) && index >= 0 && index < list.Count => list[index],
            null => throw ClientFailure.Create(
                $"\"s\": {key} refers to a template but no enclosing \"p\" is in scope.",
                "TypeError: Cannot read properties of null"),
            _ => null,
        };

        if (resolved is null)
        {
            rendered.Remove(RenderedKeys.Static);
            return null;
        }

        rendered[RenderedKeys.Static] = Adopt(resolved);
        return rendered[RenderedKeys.Static];
    }

    private static int DeleteCount(JsonArray operation)
    {
        if (operation.Count < 3 || operation[2] is null)
        {
            throw ClientFailure.Create(
                $"Stream operation {operation.ToJsonString()} has no deleteIds array.",
                "TypeError: Cannot read properties of undefined (reading 'length')");
        }

        return operation[2] is JsonArray ids ? ids.Count : ToJsString(operation[2]).Length;
    }

    private static StreamPatch ParseStream(JsonArray operation, string streamRef, List<string> entries)
    {
        var inserts = new List<StreamInsert>();
        if (operation.Count > 1 && operation[1] is JsonArray insertList)
        {
            foreach (var insert in insertList)
            {
                if (insert is not JsonArray fields)
                {
                    throw ClientFailure.Create($"Stream insert {insert?.ToJsonString()} is not an array.", "TypeError: object is not iterable");
                }

                var domId = fields.Count > 0 ? ToJsString(fields[0]) : "undefined";
                var at = fields.Count > 1 && IsNumber(fields[1]) ? ToNumber(fields[1]!) : double.NaN;
                double? limit = fields.Count > 2 && fields[2] is not null ? ToNumeric(fields[2]) : null;
                var updateOnly = fields.Count > 3 && IsTruthy(fields[3]);
                inserts.Add(new StreamInsert(domId, at, limit, updateOnly));
            }
        }
        else
        {
            throw ClientFailure.Create($"Stream operation {operation.ToJsonString()} has no inserts array.", "TypeError: inserts.forEach is not a function");
        }

        var deleteIds = operation[2] is JsonArray ids ? ids.Select(ToJsString).ToList() : [];
        return new StreamPatch(streamRef, inserts, deleteIds, operation.Count >= 4, entries);
    }

    private static string Abbreviate(string html) => html.Length > 120 ? html[..120] + "…" : html;

    private static bool StartsWithPlaceholder(string html)
    {
        var trimmed = html.AsSpan().TrimStart();
        return trimmed.Length > 0 && trimmed[0] == Placeholders.Delimiter;
    }

    private static string Describe(JsonNode? node, bool present)
    {
        if (!present)
        {
            return "undefined";
        }

        var json = node?.ToJsonString() ?? "null";
        return json.Length > 200 ? json[..200] + "…" : json;
    }
}
