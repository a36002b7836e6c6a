using System.Text.Json.Nodes;
using AngleSharp.Dom;
using Hyper.Live.Testing.Connection;

namespace Hyper.Live.Testing.Dom;

/// <summary>
/// DOM events as the browser client turns them into channel events: the bindings an event at an element runs (with
/// bubbling, key filters and JS command lists), the value each sends and the components it targets.
/// </summary>
internal sealed class EventDispatcher
{
    private readonly LiveChannel channel;

    public EventDispatcher(LiveChannel channel) => this.channel = channel;

    /// <summary>Clicks the element <paramref name="target"/> selects (a binding or a live link), or sends the click event it names.</summary>
    public Task Click(string target, object? values, CancellationToken cancellationToken)
    {
        var document = channel.CurrentDocument();
        var element = document.ElementOrEventName(target);
        if (element is null)
        {
            return PushEvents("click", target, EventValue.Compose(null, null, FieldValues.ToJson(values)), [null], cancellationToken);
        }

        var link = element.Closest("a[data-phx-link]");
        if (link is not null && element.Closest("[phx-click]") is null)
        {
            var href = link.GetAttribute("href") ?? throw new InvalidOperationException($"The live link {PageDocument.Describe(link)} has no href.");
            return link.GetAttribute("data-phx-link") == "patch" ? channel.Patch(href, cancellationToken) : channel.Navigate(href, cancellationToken);
        }

        return FormSerializer.IsCheckable(element) && !element.HasAttribute("disabled")
            ? ClickCheckable(document, element, values, cancellationToken)
            : Dispatch(document, element, "click", null, values, cancellationToken);
    }

    /// <summary>A key event: <paramref name="key"/> is checked against <c>phx-key</c> filters and sent in the value.</summary>
    public Task Key(string type, string target, string key, object? values, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Fire(type, target, key, values, cancellationToken);
    }

    /// <summary>A focus or blur event; focusing a form field marks it used first.</summary>
    public Task FocusChange(string type, string target, object? values, CancellationToken cancellationToken)
    {
        var document = channel.CurrentDocument();
        if (type == "focus" && document.ElementOrEventName(target) is { } element && element.GetAttribute("name") is { } name && element.Closest("form") is { } form)
        {
            return FocusThenFire(form, name);
        }

        return Fire(type, target, null, values, cancellationToken);

        async Task FocusThenFire(IElement form, string name)
        {
            await channel.UpdateForms(forms => forms.Focused(form, name), cancellationToken).ConfigureAwait(false);
            await Fire(type, target, null, values, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Fires the event at the element <paramref name="target"/> selects, or sends the event it names.</summary>
    public Task Fire(string type, string target, string? key, object? values, CancellationToken cancellationToken)
    {
        var document = channel.CurrentDocument();
        var element = document.ElementOrEventName(target);
        var baseValue = key is null ? null : new JsonObject { ["key"] = key };
        return element is null
            ? PushEvents(type, target, EventValue.Compose(null, baseValue, FieldValues.ToJson(values)), [null], cancellationToken)
            : Dispatch(document, element, type, key, values, cancellationToken);
    }

    /// <summary>Sends a form event to the form's targets (<c>phx-target</c>), each copy with its <c>cid</c>.</summary>
    public Task<PendingRequest> PushForm(PageDocument document, IElement form, JsonObject payload, string description, CancellationToken cancellationToken) =>
        SendToTargets(
            document.ComponentTargets(form, null),
            cid =>
            {
                var copy = (JsonObject)payload.DeepClone();
                if (cid is not null)
                {
                    copy["cid"] = cid;
                }

                return copy;
            },
            description,
            (string)payload["event"]!,
            cancellationToken);

    /// <summary>Sends one event per target (a <c>phx-target</c> selector may match several components), then awaits every reply.</summary>
    /// <returns>The last request, whose hook reply is the one a hook would see.</returns>
    public async Task<PendingRequest> SendToTargets(List<int?> cids, Func<int?, JsonObject> payloadFor, string description, string eventName, CancellationToken cancellationToken)
    {
        var requests = new List<PendingRequest>();
        foreach (var cid in cids)
        {
            requests.Add(await channel.Send(PendingKind.Event, "event", payloadFor(cid), description, eventName, cancellationToken).ConfigureAwait(false));
        }

        foreach (var request in requests)
        {
            await channel.Await(request, cancellationToken).ConfigureAwait(false);
        }

        return requests[^1];
    }

    /// <summary>An <c>event</c> payload; <paramref name="cid"/> addresses a component.</summary>
    public static JsonObject Payload(string type, string eventName, JsonObject value, int? cid)
    {
        var payload = new JsonObject { ["type"] = type, ["event"] = eventName, ["value"] = value };
        if (cid is not null)
        {
            payload["cid"] = cid;
        }

        return payload;
    }

    /// <summary>Runs every binding a DOM event of <paramref name="type"/> at <paramref name="element"/> runs in the browser, in order.</summary>
    private async Task Dispatch(PageDocument document, IElement element, string type, string? key, object? values, CancellationToken cancellationToken)
    {
        if (!await RunBindings(document, element, type, key, values, null, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException(type == "click"
                ? $"Clicking {PageDocument.Describe(element)} sends nothing: neither it nor an ancestor has a click binding, and it is not a live link (data-phx-link). A plain link is a full page load: use LiveClient.Live(href)."
                : $"{PageDocument.Describe(element)} has no {type} binding (phx-{type}, phx-window-{type} or @{type}).");
        }
    }

    /// <summary>
    /// A click on a checkbox or radio button: the browser checks it (a checkbox toggles) before the click's listeners
    /// run, then fires <c>input</c> and <c>change</c> at it, so each of those bindings sees the new state.
    /// </summary>
    private async Task ClickCheckable(PageDocument document, IElement element, object? values, CancellationToken cancellationToken)
    {
        var isChecked = FormSerializer.InputType(element) == "radio" || !element.HasAttribute("checked");
        var bound = false;
        foreach (var type in (string[])["click", "input", "change"])
        {
            bound |= await RunBindings(document, element, type, null, values, isChecked, cancellationToken).ConfigureAwait(false);
        }

        if (!bound)
        {
            throw new InvalidOperationException(
                $"Clicking {PageDocument.Describe(element)} sends nothing: it has no click, input or change binding and no ancestor has a click binding. For a checkbox in a form with phx-change, use ChangeAsync(form, new {{ name = true }}).");
        }
    }

    /// <summary>
    /// Runs the bindings an event runs (a key another binding filters on runs none, as in the browser); false when nothing
    /// listens for it. <c>isChecked</c> is a just-clicked checkbox's or radio's new state, which its own bindings send
    /// (null: read it from the HTML).
    /// </summary>
    private async Task<bool> RunBindings(PageDocument document, IElement element, string type, string? key, object? values, bool? isChecked, CancellationToken cancellationToken)
    {
        var fired = DomBindings.For(element, type, key, out var bound);
        foreach (var (source, binding) in fired)
        {
            var baseValue = key is null ? null : new JsonObject { ["key"] = key };
            await Run(document, source, type, binding, baseValue, values, source == element ? isChecked : null, cancellationToken).ConfigureAwait(false);
        }

        return bound;
    }

    /// <summary>Runs a binding of <paramref name="element"/>: an event name, or the server-bound parts of a JS command list.</summary>
    private async Task Run(PageDocument document, IElement element, string type, string binding, JsonObject? baseValue, object? values, bool? isChecked, CancellationToken cancellationToken)
    {
        if (!JsCommand.IsCommandList(binding))
        {
            await PushEvents(type, binding, EventValue.Compose(element, baseValue, FieldValues.ToJson(values), isChecked), document.ComponentTargets(element, null), cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var command in JsCommand.Parse(binding))
        {
            switch (command.Op)
            {
                case JsCommand.Push:
                    var value = EventValue.Compose(element, (JsonObject?)baseValue?.DeepClone(), command.Value, isChecked);
                    value = EventValue.Compose(null, value, FieldValues.ToJson(values));
                    await PushEvents(type, command.Event ?? "", value, document.ComponentTargets(element, command.Target), cancellationToken).ConfigureAwait(false);
                    break;
                case JsCommand.Patch:
                    await channel.Patch(command.Href ?? "", cancellationToken).ConfigureAwait(false);
                    break;
                case JsCommand.Navigate:
                    await channel.Navigate(command.Href ?? "", cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    private Task<PendingRequest> PushEvents(string type, string eventName, JsonObject value, List<int?> cids, CancellationToken cancellationToken) =>
        SendToTargets(cids, cid => Payload(type, eventName, (JsonObject)value.DeepClone(), cid), $"{type} \"{eventName}\"", eventName, cancellationToken);
}
