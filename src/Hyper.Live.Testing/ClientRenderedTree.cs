using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hyper.Live.Testing.ClientModel;
using static Hyper.Live.Testing.ClientModel.JsSemantics;

namespace Hyper.Live.Testing;

/// <summary>
/// An independent model of what the phoenix_live_view 1.2.12 browser client keeps for one LiveView: its cached
/// rendered tree, merged diff by diff with the client's rules (protocol §4.7), and the view container's inner HTML
/// after each patch. Used as a test oracle for the server diff engine and by the in-process test client.
/// </summary>
/// <remarks>
/// Root-tracked subtrees (<c>"r": 1</c>) that no diff reached are skipped as the client skips them
/// (<c>data-phx-skip</c>): the page keeps the element it had, so a change the server failed to send stays invisible
/// here too. Deliberate differences from the browser: components are always rendered in full (the client skips
/// those a full patch's diff does not name); <c>phx-update="ignore"</c> containers are re-rendered like any other element; stream
/// containers are modelled as their list of children only (no non-stream siblings). Where the real client would
/// throw on a diff, <see cref="Merge(JsonObject)"/> throws an <see cref="InvalidOperationException"/> naming the cause.
/// </remarks>
public sealed class ClientRenderedTree
{
    /// <summary>The view id used when none is given (the container id, as in <c>data-phx-view</c>).</summary>
    public const string DefaultViewId = "phx-view";

    private readonly List<ClientPushEvent> _events = [];
    private readonly DomModel _dom = new();
    private readonly RenderedWriter _writer;
    private JsonObject _rendered = [];

    /// <summary>Builds the client state from a join reply's <c>rendered</c> JSON and renders it.</summary>
    /// <param name="renderedJson">The <c>rendered</c> object of the join reply.</param>
    /// <param name="viewId">The LiveView container id, used in component attributes.</param>
    /// <param name="includeClientMarkers">
    /// Also emit the attributes the client adds beyond component ones: <c>data-phx-id="m&lt;n&gt;-&lt;view&gt;"</c> on
    /// nested roots (<c>"r": 1</c>) and <c>data-phx-stream</c> on stream children. Off by default so the HTML compares
    /// equal to a server-side render.
    /// </param>
    public ClientRenderedTree(string renderedJson, string viewId = DefaultViewId, bool includeClientMarkers = false)
        : this(ParseObject(renderedJson, nameof(renderedJson)), viewId, includeClientMarkers, owned: true)
    {
    }

    /// <summary>Builds the client state from a join reply's <c>rendered</c> object (copied, not modified) and renders it.</summary>
    /// <param name="rendered">The <c>rendered</c> object of the join reply.</param>
    /// <param name="viewId">The LiveView container id, used in component attributes.</param>
    /// <param name="includeClientMarkers">See <see cref="ClientRenderedTree(string, string, bool)"/>.</param>
    public ClientRenderedTree(JsonObject rendered, string viewId = DefaultViewId, bool includeClientMarkers = false)
        : this(rendered, viewId, includeClientMarkers, owned: false)
    {
    }

    private ClientRenderedTree(JsonObject rendered, string viewId, bool includeClientMarkers, bool owned)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        ArgumentException.ThrowIfNullOrEmpty(viewId);
        ViewId = viewId;
        IncludeClientMarkers = includeClientMarkers;
        _writer = new RenderedWriter(viewId, includeClientMarkers, _dom);
        Apply(owned ? rendered : (JsonObject)rendered.DeepClone(), join: true);
    }

    /// <summary>The LiveView container id used in <c>data-phx-view</c> and <c>data-phx-id</c>.</summary>
    public string ViewId { get; }

    /// <summary>Whether client-only marker attributes are emitted (see the constructor).</summary>
    public bool IncludeClientMarkers { get; }

    /// <summary>The last page title sent as a string in a top-level <c>"t"</c>, or null if none was.</summary>
    public string? Title { get; private set; }

    /// <summary>Every <c>"e"</c> event of every merged diff, in dispatch order (pre-patch ones of a diff first).</summary>
    public IReadOnlyList<ClientPushEvent> Events => _events;

    /// <summary>The top-level <c>"r"</c> reply of the last merged diff (null when absent or falsy, as the client treats it).</summary>
    public JsonNode? LastReply { get; private set; }

    /// <summary>
    /// How many root-tracked subtrees (<c>"r": 1</c>: nested single-root templates, rows of keyed lists) the last
    /// patch left as they were in the page, as the client's <c>data-phx-skip</c> placeholders do.
    /// </summary>
    public int SkippedSubtrees => _writer.SkippedRoots;

    /// <summary>How many root-tracked subtrees the last patch rendered afresh (and morphed).</summary>
    public int RenderedSubtrees => _writer.RenderedRoots;

    /// <summary>How the last merged diff (or the join) was applied to the page.</summary>
    public ClientPatchKind LastPatch { get; private set; }

    /// <summary>The cids currently in the client's component cache, ascending.</summary>
    public IReadOnlyList<int> ComponentIds =>
        [.. Components.Select(kv => int.TryParse(kv.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var cid) ? cid : -1)
            .Where(cid => cid >= 0)
            .Order()];

    private JsonObject Components => (JsonObject)_rendered[RenderedKeys.Components]!;

    /// <summary>Merges one diff (a reply's <c>diff</c> or a <c>"diff"</c> push) and patches the page.</summary>
    /// <param name="diffJson">The diff JSON object.</param>
    public void Merge(string diffJson) => Apply(ParseObject(diffJson, nameof(diffJson)), join: false);

    /// <summary>Merges one diff (copied, not modified) and patches the page.</summary>
    /// <param name="diff">The diff object.</param>
    public void Merge(JsonObject diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        Apply((JsonObject)diff.DeepClone(), join: false);
    }

    /// <summary>The view container's inner HTML as the DOM holds it after the last patch.</summary>
    public string ToHtml() => _dom.ToHtml(IncludeClientMarkers);

    /// <summary>Drops components from the cache, as the client does once the server acknowledged <c>cids_destroyed</c>.</summary>
    /// <param name="cids">The destroyed cids.</param>
    public void PruneComponents(IEnumerable<int> cids)
    {
        ArgumentNullException.ThrowIfNull(cids);
        foreach (var cid in cids)
        {
            Components.Remove(cid.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The cached rendered tree as JSON, including the client's bookkeeping keys (for debugging).</summary>
    public string ToJson() => _rendered.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    private void Apply(JsonObject diff, bool join)
    {
        ExtractTopLevel(diff);

        var componentsDiff = diff[RenderedKeys.Components];
        var hasComponents = IsTruthy(componentsDiff);
        var keyCount = diff.Count - (diff.ContainsKey(RenderedKeys.Components) && !hasComponents ? 1 : 0);
        var componentOnly = hasComponents && diff.Count == 1;

        var resolved = MergeDiff(diff);

        if (join)
        {
            RenderAll();
            LastPatch = ClientPatchKind.Full;
        }
        else if (componentOnly)
        {
            PatchComponents(resolved!);
            LastPatch = ClientPatchKind.ComponentsOnly;
        }
        else if (keyCount > 0)
        {
            RenderAll();
            LastPatch = ClientPatchKind.Full;
        }
        else
        {
            LastPatch = ClientPatchKind.None;
        }
    }

    /// <summary>Rendered.extract plus what view.ts does with the parts.</summary>
    private void ExtractTopLevel(JsonObject diff)
    {
        var reply = diff[RenderedKeys.Reply];
        var events = diff[RenderedKeys.Events];
        var title = diff[RenderedKeys.Title];
        diff.Remove(RenderedKeys.Reply);
        diff.Remove(RenderedKeys.Events);
        diff.Remove(RenderedKeys.Title);

        LastReply = IsTruthy(reply) ? Adopt(reply) : null;
        if (IsString(title))
        {
            Title = title!.GetValue<string>();
        }

        if (!IsTruthy(events))
        {
            return;
        }

        if (events is not JsonArray list)
        {
            throw ClientFailure.Create($"\"e\" must be an array of [name, payload], got {events!.ToJsonString()}.", "TypeError: events.reduce is not a function");
        }

        var before = new List<ClientPushEvent>();
        var after = new List<ClientPushEvent>();
        foreach (var item in list)
        {
            if (item is not JsonArray args)
            {
                throw ClientFailure.Create($"Event {item?.ToJsonString() ?? "null"} is not an array [name, payload].", "TypeError: object is not iterable");
            }

            var name = args.Count > 0 ? ToJsString(args[0]) : "undefined";
            var payload = args.Count > 1 ? Adopt(args[1]) : null;
            // `args.length === 3 && args[2] == true`
            var pre = args.Count == 3 && ToNumeric(args[2]) == 1 && args[2] is not JsonObject and not JsonArray;
            (pre ? before : after).Add(new ClientPushEvent(name, payload, pre));
        }

        _events.AddRange(before);
        _events.AddRange(after);
    }

    /// <summary>mergeDiff: root merge, then components (with statics sharing). Returns the resolved "c" entries.</summary>
    private Dictionary<string, JsonObject>? MergeDiff(JsonObject diff)
    {
        var newComponents = diff[RenderedKeys.Components];
        diff.Remove(RenderedKeys.Components);

        _rendered = RenderedMerger.MergeInto(_rendered, diff);
        if (!IsTruthy(_rendered[RenderedKeys.Components]))
        {
            _rendered[RenderedKeys.Components] = new JsonObject();
        }

        if (!IsTruthy(newComponents))
        {
            return null;
        }

        if (newComponents is not JsonObject newMap)
        {
            throw new NotSupportedException($"\"c\" must be an object, got {newComponents!.ToJsonString()}.");
        }

        var resolved = ComponentResolver.Resolve(newMap, Components);
        newMap.Clear(); // detaches the diff's entries so they can move into the cache
        foreach (var (cid, component) in resolved)
        {
            Components[cid] = component.Parent is null ? component : component.DeepClone();
        }

        return resolved.ToDictionary(kv => kv.Key, kv => (JsonObject)Components[kv.Key]!);
    }

    private void RenderAll()
    {
        var streams = new List<StreamPatch>();
        _dom.RootHtml = _writer.RenderRoot(_rendered, Components, streams);
        _dom.ApplyStreamPatches(streams);
    }

    /// <summary>The component-only path: render each diffed component that is in the DOM and not inside another one.</summary>
    private void PatchComponents(Dictionary<string, JsonObject> resolved)
    {
        var inDom = _dom.ComponentsInDom().ToHashSet();
        var parents = new List<string>();
        var children = new HashSet<string>();
        foreach (var cid in OrderLikeJs(resolved.Keys))
        {
            if (inDom.Contains(cid))
            {
                parents.Add(cid);
                children.UnionWith(_dom.ComponentsInDom(cid));
            }
        }

        foreach (var cid in parents.Where(c => !children.Contains(c)))
        {
            if (resolved[cid].Count == 0)
            {
                continue; // componentPatch ignores an empty component diff
            }

            var streams = new List<StreamPatch>();
            _writer.RenderComponentPatch(cid, Components, streams);
            _dom.ApplyStreamPatches(streams);
        }
    }

    /// <summary>JS own-key order: integer-like keys ascending, then the rest in insertion order.</summary>
    private static IEnumerable<string> OrderLikeJs(IEnumerable<string> keys)
    {
        var list = keys.ToList();
        var integers = list.Where(IsArrayIndex).OrderBy(k => uint.Parse(k, CultureInfo.InvariantCulture));
        return integers.Concat(list.Where(k => !IsArrayIndex(k)));

        static bool IsArrayIndex(string k) =>
            uint.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n != uint.MaxValue && n.ToString(CultureInfo.InvariantCulture) == k;
    }

    private static JsonObject ParseObject(string json, string paramName)
    {
        ArgumentNullException.ThrowIfNull(json, paramName);
        return JsonNode.Parse(json) as JsonObject ?? throw new ArgumentException("Expected a JSON object.", paramName);
    }
}
