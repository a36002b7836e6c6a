using System.Text;
using System.Text.Json;

namespace Hyper.Live.Templates;

/// <summary>
/// Compiles the <c>@event</c> attributes of one start tag. Where Phoenix has a binding for the
/// event it becomes that <c>phx-*</c> attribute (with <c>phx-key</c>, <c>phx-debounce</c>,
/// <c>phx-throttle</c>); any other event becomes <c>data-hyper-&lt;event&gt;</c>, which our client
/// module delivers. <c>data-hyper-on</c> lists the tag's bindings with their modifiers for the
/// client module, which also makes Hyper bindings bubble to outer ones (unless <c>.stop</c>) and
/// applies <c>.prevent</c>.
/// </summary>
/// <remarks>
/// Phoenix keeps <c>phx-key</c> and the rate limits per element, not per binding: a second key
/// binding with another key goes through the client module instead, and rate limits that
/// Phoenix would apply to the wrong binding are refused with an explanation.
/// </remarks>
internal sealed class ElementBindings
{
    /// <summary>Events the client module must see to bubble them: Phoenix fires only one element's binding.</summary>
    private static readonly HashSet<string> Bubbling = new(StringComparer.Ordinal) { "click", "keydown", "keyup" };

    private readonly Func<string, TemplateException> error;
    private readonly List<string> specs = [];
    private readonly HashSet<string> attributes = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<TemplateBinding> named = [];
    private string tag = "";
    private int tagStart;
    private string? phoenixKey;
    /// <summary>The native bindings' shared rate limit: <c>debounce="300</c>, <c>throttle="100</c>, empty for none.</summary>
    private string? rateLimit;

    public ElementBindings(Func<string, TemplateException> error) => this.error = error;

    /// <summary>The bindings that name their handler, across every tag of the template.</summary>
    public IReadOnlyList<TemplateBinding> Named => named;

    /// <summary>Whether the current start tag has an <c>@event</c> binding.</summary>
    public bool HasBindings => attributes.Count > 0;

    /// <summary>Marks the named bindings of the current tag as sent to the tag's own <c>phx-target</c>.</summary>
    public void MarkTargeted()
    {
        for (var i = tagStart; i < named.Count; i++)
        {
            named[i] = named[i] with { Targeted = true };
        }
    }

    /// <summary>Starts a new start tag.</summary>
    public void Begin()
    {
        tagStart = named.Count;
        specs.Clear();
        attributes.Clear();
        phoenixKey = null;
        rateLimit = null;
    }

    /// <summary>The attribute (name, <c>=</c> and quoted value) that replaces <paramref name="binding"/> on a <paramref name="tagName"/>.</summary>
    public LoweredBinding Lower(EventBinding binding, HandlerCall call, string tagName, int line)
    {
        tag = tagName.ToLowerInvariant();
        var attribute = PhoenixAttribute(binding) ?? CustomAttribute(binding);
        if (!attributes.Add(attribute))
        {
            throw error($"two {binding.Attribute} bindings on one <{tag}>: combine them in one handler");
        }

        if (attribute.StartsWith("data-", StringComparison.Ordinal) || Bubbling.Contains(binding.Event))
        {
            specs.Add(binding.Spec);
        }

        if (call.Name is not null)
        {
            named.Add(new TemplateBinding(call.Name, call.Arguments?.Count, binding.Attribute, line));
        }

        var plain = call.Name is not null && call.Arguments is not { Count: > 0 } && attribute.StartsWith("phx-", StringComparison.Ordinal);
        if (plain)
        {
            // Handler names are identifiers: nothing to escape.
            return new LoweredBinding([$"{attribute}=\"{call.Name}\""], []);
        }

        var texts = new List<string>();
        var holes = new List<SlotContext>();
        var json = new StringBuilder(attribute).Append("='[[\"push\",{\"event\":");
        if (call.IsDelegate)
        {
            texts.Add(json.ToString());
            holes.Add(SlotContext.EventHandler);
            json.Clear();
        }
        else
        {
            json.Append(JsonSerializer.Serialize(call.Name, HoleWriter.SafeJson));
            if (call.Arguments is { Count: > 0 } arguments)
            {
                json.Append(",\"value\":{\"_args\":[");
                for (var i = 0; i < arguments.Count; i++)
                {
                    json.Append(i == 0 ? "" : ",");
                    if (arguments[i].Json is { } literal)
                    {
                        json.Append(literal);
                    }
                    else
                    {
                        texts.Add(json.ToString());
                        holes.Add(SlotContext.EventArgument);
                        json.Clear();
                    }
                }

                json.Append("]}");
            }
        }

        texts.Add(json.Append("}]]'").ToString());
        return new LoweredBinding(texts, holes);
    }

    /// <summary>The attributes the tag's bindings share, with a leading space; empty without bindings.</summary>
    public string End()
    {
        var trailer = new StringBuilder();
        if (!string.IsNullOrEmpty(phoenixKey))
        {
            trailer.Append(" phx-key=\"").Append(phoenixKey == "space" ? " " : phoenixKey).Append('"');
        }

        if (!string.IsNullOrEmpty(rateLimit))
        {
            trailer.Append(" phx-").Append(rateLimit).Append('"');
        }

        if (specs.Count > 0)
        {
            trailer.Append(" data-hyper-on=\"").Append(string.Join(' ', specs)).Append('"');
        }

        return trailer.ToString();
    }

    /// <summary>The <c>phx-*</c> attribute for the binding, or null when the client module must deliver it.</summary>
    private string? PhoenixAttribute(EventBinding binding)
    {
        var attribute = binding.Event switch
        {
            "click" => "phx-click",
            "keydown" or "keyup" when KeyFits(binding) => "phx-" + binding.Event,
            "focus" or "blur" => "phx-" + binding.Event,
            "submit" when tag == "form" => "phx-submit",
            "submit" => throw error($"@submit belongs on a <form>, not on <{tag}>"),
            "change" or "input" when tag == "form" => "phx-change",
            _ => null,
        };
        if (attribute is null)
        {
            return null;
        }

        if (binding.RateLimit is not null && attribute is "phx-submit" or "phx-change" or "phx-focus" or "phx-blur")
        {
            throw error(attribute == "phx-change"
                ? $"{binding.Attribute} on a <form> cannot be rate-limited: Phoenix reads phx-debounce from each input, so add phx-debounce=\"300\" to the inputs"
                : $"{binding.Attribute} cannot be rate-limited: Phoenix sends {binding.Event} events at once");
        }

        if (attribute is "phx-click" or "phx-keydown" or "phx-keyup")
        {
            AgreeOnRateLimit(binding);
        }

        if (attribute is "phx-keydown" or "phx-keyup")
        {
            phoenixKey = binding.Key ?? "";
        }

        return attribute;
    }

    /// <summary>Phoenix's <c>phx-key</c> filters every key binding of the element: only one key fits.</summary>
    private bool KeyFits(EventBinding binding) => phoenixKey is null || phoenixKey == (binding.Key ?? "");

    private void AgreeOnRateLimit(EventBinding binding)
    {
        var limit = binding.Debounce is not null ? "debounce=\"" + binding.Debounce
            : binding.Throttle is not null ? "throttle=\"" + binding.Throttle
            : "";
        if (rateLimit is not null && rateLimit != limit)
        {
            throw error($"{binding.Spec} and an earlier binding on the same <{tag}> are rate-limited differently: Phoenix applies phx-debounce and phx-throttle to every binding of an element; put them on separate elements");
        }

        rateLimit = limit;
    }

    private string CustomAttribute(EventBinding binding)
    {
        if (binding.Debounce == "blur")
        {
            throw error($"{binding.Attribute}.debounce.blur works only for events Phoenix binds (click, keydown, keyup)");
        }

        return "data-hyper-" + binding.Event.ToLowerInvariant() + (binding.Key is null ? "" : "." + binding.Key);
    }
}
