using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Hyper.Live.Testing.Dom;

/// <summary>
/// What the user did to the page's forms that the HTML does not show: the values a test typed (which form recovery
/// sends again after a reconnect, protocol §9.3) and the fields it touched (the others are sent as <c>_unused_</c>).
/// </summary>
/// <remarks>Owned by the page's channel and touched only on its mailbox, like the rest of the page's state.</remarks>
internal sealed class FormState
{
    private readonly Dictionary<string, List<KeyValuePair<string, string>>> typedFields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>?> usedFields = new(StringComparer.Ordinal);

    /// <summary>A submit marks every field used (no more <c>_unused_</c> keys) and ends what recovery would restore.</summary>
    public void Submitted(IElement form)
    {
        usedFields[FormKey(form)] = null;
        typedFields.Remove(FormKey(form));
    }

    /// <summary>Records a change: <paramref name="given"/> typed over earlier values, and the fields now used.</summary>
    /// <returns>Whether a field counts as used, as of this change.</returns>
    public Func<string, bool> Changed(IElement form, List<KeyValuePair<string, string>> given, string? changed)
    {
        var key = FormKey(form);
        Func<string, bool> isUsed;
        var used = UsedFields(form);
        if (used is not null)
        {
            used.UnionWith(given.Select(f => f.Key));
            if (changed is not null)
            {
                used.Add(changed);
            }

            // A copy: later changes must not alter what this one sent.
            isUsed = used.ToHashSet(StringComparer.Ordinal).Contains;
        }
        else
        {
            isUsed = _ => true;
        }

        var typed = typedFields.TryGetValue(key, out var earlier) ? earlier.Where(f => !given.Any(g => g.Key == f.Key)).ToList() : [];
        typedFields[key] = [.. typed, .. given];
        return isUsed;
    }

    /// <summary>A focused form field counts as used.</summary>
    public void Focused(IElement form, string name) => UsedFields(form)?.Add(name);

    /// <summary>A navigated view is a new page for its forms.</summary>
    public void Clear()
    {
        typedFields.Clear();
        usedFields.Clear();
    }

    /// <summary>
    /// Form recovery after a rejoin (protocol §9.3): each form of the old DOM that the new render still has is sent as
    /// a change, with what the test typed into it.
    /// </summary>
    /// <returns>The event name and payload of each recovery to send, in document order.</returns>
    public List<(string Event, JsonObject Payload)> Recoveries(IDocument before, PageDocument now)
    {
        var recoveries = new List<(string, JsonObject)>();
        foreach (var old in before.QuerySelectorAll("form[id][phx-change]"))
        {
            var recover = old.GetAttribute("phx-auto-recover");
            var current = now.Document.GetElementById(old.Id!);
            if (recover == "ignore" || old is not IHtmlFormElement { Elements.Length: > 0 } ||
                current is null || current.GetAttribute("phx-change") != old.GetAttribute("phx-change"))
            {
                continue;
            }

            List<KeyValuePair<string, string>> typed = typedFields.TryGetValue(FormKey(old), out var fields) ? [.. fields] : [];
            var eventName = recover ?? old.GetAttribute("phx-change")!;
            var meta = EventValue.Compose(old, null, null);
            meta["_target"] = FormSerializer.Fields(old).FirstOrDefault(f => !FormSerializer.IsHidden(f))?.GetAttribute("name") ?? "undefined";
            var payload = EventDispatcher.Payload("form", eventName, [], PageDocument.ComponentOf(current) is { } cid && current.HasAttribute("phx-target") ? cid : null);
            payload["value"] = FormEncoding.Encode(FormSerializer.Serialize(old, typed, strict: false));
            payload["meta"] = meta;
            payload["uploads"] = new JsonObject();
            recoveries.Add((eventName, payload));
        }

        return recoveries;
    }

    /// <summary>The fields of a form the user touched (focused or typed into); null once it was submitted (all count as used).</summary>
    private HashSet<string>? UsedFields(IElement form)
    {
        var key = FormKey(form);
        if (!usedFields.TryGetValue(key, out var used))
        {
            usedFields[key] = used = new HashSet<string>(StringComparer.Ordinal);
        }

        return used;
    }

    /// <summary>Forms are told apart by id (as the client's recovery does), else by their events.</summary>
    private static string FormKey(IElement form) =>
        form.Id is { Length: > 0 } id ? "#" + id : $"{form.GetAttribute("phx-change")}|{form.GetAttribute("phx-submit")}";
}
