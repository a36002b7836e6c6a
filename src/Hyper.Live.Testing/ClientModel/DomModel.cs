using System.Text;

namespace Hyper.Live.Testing.ClientModel;

/// <summary>
/// The view container's children as the client's DOM patches leave them: the last full render with
/// placeholders, the last HTML of each component (patched alone by component-only diffs), and the children
/// of each stream container (kept across renders, edited by stream operations).
/// </summary>
internal sealed class DomModel
{
    private const int MaxDepth = 64;

    /// <summary>HTML of the last full render, with placeholders.</summary>
    public string RootHtml { get; set; } = string.Empty;

    /// <summary>Component cid key → what it last rendered.</summary>
    public Dictionary<string, RenderedComponent> Components { get; } = [];

    /// <summary>Stream ref → children of its container, in DOM order.</summary>
    public Dictionary<string, List<StreamItem>> Streams { get; } = [];

    /// <summary>The container's inner HTML with every placeholder resolved.</summary>
    public string ToHtml(bool stampStreamRefs)
    {
        var sb = new StringBuilder(RootHtml.Length * 2);
        ExpandInto(RootHtml, sb, stampStreamRefs, 0);
        return sb.ToString();
    }

    /// <summary>Resolves placeholders of one stored fragment (used to read a stream child's id).</summary>
    public string Expand(string html, bool stampStreamRefs = false)
    {
        if (html.IndexOf(Placeholders.Delimiter, StringComparison.Ordinal) < 0)
        {
            return html;
        }

        var sb = new StringBuilder(html.Length * 2);
        ExpandInto(html, sb, stampStreamRefs, 0);
        return sb.ToString();
    }

    /// <summary>
    /// Cids whose element (with data-phx-component, i.e. rendered with "r": 1) is currently in the DOM, in document order,
    /// searching <paramref name="withinCid"/>'s element when given (descendants only), else the whole container.
    /// </summary>
    public List<string> ComponentsInDom(string? withinCid = null)
    {
        var found = new List<string>();
        var seen = new HashSet<string>();
        var start = withinCid is null ? RootHtml : Components.TryGetValue(withinCid, out var c) ? c.Html : string.Empty;
        Collect(start, found, seen, 0);
        return found;
    }

    /// <summary>Applies one patch's stream operations the way dom_patch.ts does: resets and deletes first, then entries in render order.</summary>
    public void ApplyStreamPatches(IReadOnlyList<StreamPatch> patches)
    {
        if (patches.Count == 0)
        {
            return;
        }

        var inserts = new Dictionary<string, (string Ref, StreamInsert Insert)>();
        var restorable = new HashSet<string>(); // removed in this patch but re-inserted: comes back as a new node

        foreach (var patch in patches)
        {
            foreach (var insert in patch.Inserts)
            {
                inserts[insert.DomId] = (patch.Ref, insert);
            }

            if (patch.Reset)
            {
                foreach (var list in Streams.Values)
                {
                    foreach (var item in list.Where(i => i.StreamRef == patch.Ref).ToList())
                    {
                        Remove(list, item, inserts, restorable);
                    }
                }
            }

            foreach (var id in patch.DeleteIds)
            {
                foreach (var list in Streams.Values)
                {
                    var item = list.Find(i => i.Id == id);
                    if (item is not null)
                    {
                        Remove(list, item, inserts, restorable);
                        break;
                    }
                }
            }
        }

        foreach (var patch in patches)
        {
            if (!Streams.TryGetValue(patch.Ref, out var list))
            {
                list = [];
                Streams[patch.Ref] = list;
            }

            foreach (var entry in patch.Entries)
            {
                var id = StartTag.GetAttribute(Expand(entry), "id");
                (string Ref, StreamInsert Insert)? insert = id is not null && inserts.TryGetValue(id, out var found) ? found : null;

                var existing = id is null ? null : list.Find(i => i.Id == id);
                if (existing is not null)
                {
                    // morphdom updates a kept child in place; only new children are positioned.
                    existing.Html = entry;
                    existing.StreamRef = insert?.Ref ?? existing.StreamRef;
                    continue;
                }

                if (insert is { Insert.UpdateOnly: true } && !restorable.Contains(id!))
                {
                    continue;
                }

                if (id is not null)
                {
                    restorable.Remove(id);
                }

                if (insert is not { } ins)
                {
                    list.Add(new StreamItem(id, entry, null)); // plain appendChild, no ref stamped
                    continue;
                }

                var item = new StreamItem(id, entry, ins.Ref);
                var at = ins.Insert.At;
                if (at == 0)
                {
                    list.Insert(0, item);
                }
                else if (at == -1)
                {
                    // Appends go before the first child that is not a stream item, if the last one is not.
                    var firstPlain = list.Count > 0 && list[^1].StreamRef is null ? list.FindIndex(i => i.StreamRef is null) : -1;
                    list.Insert(firstPlain < 0 ? list.Count : firstPlain, item);
                }
                else if (at > 0)
                {
                    list.Insert(at >= list.Count || at != Math.Floor(at) ? list.Count : (int)at, item);
                }
                else
                {
                    continue; // no branch of addChild matches: the element is never added
                }

                ApplyLimit(list, ins.Insert.Limit, inserts, restorable);
            }
        }
    }

    private static void Remove(List<StreamItem> list, StreamItem item, Dictionary<string, (string, StreamInsert)> inserts, HashSet<string> restorable)
    {
        list.Remove(item);
        if (item.Id is not null && inserts.ContainsKey(item.Id))
        {
            restorable.Add(item.Id);
        }
    }

    private static void ApplyLimit(List<StreamItem> list, double? limit, Dictionary<string, (string, StreamInsert)> inserts, HashSet<string> restorable)
    {
        if (limit is not { } l)
        {
            return;
        }

        List<StreamItem> drop = l < 0
            ? list.Count > -l ? list.Take(list.Count + (int)l).ToList() : []
            : list.Count > l ? list.Skip((int)l).ToList() : [];
        foreach (var item in drop)
        {
            Remove(list, item, inserts, restorable);
        }
    }

    private void Collect(string html, List<string> found, HashSet<string> seen, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        foreach (var (kind, id) in Placeholders.Find(html))
        {
            if (kind == Placeholders.ComponentKind)
            {
                if (Components.TryGetValue(id, out var component))
                {
                    if (component.Rooted && seen.Add(id))
                    {
                        found.Add(id);
                    }

                    Collect(component.Html, found, seen, depth + 1);
                }
            }
            else if (Streams.TryGetValue(id, out var items))
            {
                foreach (var item in items)
                {
                    Collect(item.Html, found, seen, depth + 1);
                }
            }
        }
    }

    private void ExpandInto(string html, StringBuilder sb, bool stamp, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException("Placeholders nest too deeply (a stream child containing its own stream?).");
        }

        Placeholders.Expand(html, sb, (kind, id, output) =>
        {
            if (kind == Placeholders.ComponentKind)
            {
                if (Components.TryGetValue(id, out var component))
                {
                    ExpandInto(component.Html, output, stamp, depth + 1);
                }

                return;
            }

            if (!Streams.TryGetValue(id, out var items))
            {
                return;
            }

            foreach (var item in items)
            {
                if (stamp && item.StreamRef is not null)
                {
                    var inner = new StringBuilder();
                    ExpandInto(item.Html, inner, stamp, depth + 1);
                    output.Append(StartTag.AddAttribute(inner.ToString(), "data-phx-stream", item.StreamRef));
                }
                else
                {
                    ExpandInto(item.Html, output, stamp, depth + 1);
                }
            }
        });
    }
}
