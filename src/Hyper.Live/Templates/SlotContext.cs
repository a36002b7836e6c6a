namespace Hyper.Live.Templates;

/// <summary>Where in the HTML a hole sits, which decides how its value is written.</summary>
internal enum SlotContext : byte
{
    /// <summary>Element text: HTML-escaped; nested templates and lists allowed.</summary>
    Text,

    /// <summary>Inside a quoted attribute value: attribute-escaped.</summary>
    AttributeValue,

    /// <summary>
    /// The start of a URL attribute's value (<c>href="{{url}}"</c>): attribute-escaped, and a URL
    /// that would run script (<c>javascript:</c>, <c>data:</c>, …) is written as <c>#</c>.
    /// </summary>
    Url,

    /// <summary>The start of an <c>&lt;img src&gt;</c> value: as <see cref="Url"/>, but <c>data:image/…</c> is allowed.</summary>
    ImageUrl,

    /// <summary>An attribute whose whole value is a <c>bool</c> hole: renders the bare name or nothing.</summary>
    BooleanAttribute,

    /// <summary>Where an attribute would start: renders a set of attributes.</summary>
    Attributes,

    /// <summary>Inside <c>&lt;script&gt;</c>: written as a JSON literal that cannot close the script.</summary>
    Script,

    /// <summary>
    /// The delegate of <c>@click="{{Save}}"</c>: written as the JSON string of its binding id
    /// (<c>"~…"</c>) inside the binding's JS command.
    /// </summary>
    EventHandler,

    /// <summary>
    /// An argument hole of <c>@click="delete({{id}})"</c>: written as a JSON literal inside the
    /// binding's single-quoted JS command (escaped so it can close neither the JSON nor the attribute).
    /// </summary>
    EventArgument,
}
