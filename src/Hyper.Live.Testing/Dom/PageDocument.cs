using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Hyper.Live.Testing.Dom;

/// <summary>
/// The view's current HTML parsed as the browser's DOM (the container's children under
/// <c>&lt;body&gt;</c>), and the lookups interactions need: by selector or event name, and
/// the component an event targets (protocol §5.5).
/// </summary>
internal sealed partial class PageDocument
{
    private static readonly HtmlParser Parser = new();

    /// <param name="html">The container's inner HTML.</param>
    /// <param name="viewId">The container's id: <c>&lt;body&gt;</c> stands for the container and gets it, so a <c>phx-target</c> naming the view matches.</param>
    public PageDocument(string html, string? viewId = null)
    {
        Html = html;
        Document = Parser.ParseDocument("<!DOCTYPE html><html><head></head><body>" + html + "</body></html>");
        if (viewId is not null)
        {
            Body.Id = viewId;
        }
    }

    public string Html { get; }

    public IDocument Document { get; }

    public IElement Body => Document.Body!;

    /// <summary>Every element matching <paramref name="selector"/>, in document order.</summary>
    public List<IElement> QueryAll(string selector)
    {
        ArgumentException.ThrowIfNullOrEmpty(selector);
        try
        {
            return [.. Body.QuerySelectorAll(selector)];
        }
        catch (DomException error)
        {
            throw new ArgumentException($"'{selector}' is not a valid CSS selector: {error.Message}", nameof(selector), error);
        }
    }

    /// <summary>
    /// The single element <paramref name="target"/> selects, or null when it selects nothing and
    /// reads as an event name (<c>increment</c>, <c>add_todo</c>, <c>lv:clear-flash</c>).
    /// </summary>
    public IElement? ElementOrEventName(string target)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        List<IElement> matches;
        try
        {
            matches = [.. Body.QuerySelectorAll(target)];
        }
        catch (DomException)
        {
            matches = [];
        }

        if (matches.Count == 0 && EventName().IsMatch(target))
        {
            return null;
        }

        return Single(matches, target);
    }

    /// <summary>The single element <paramref name="selector"/> selects (optionally containing <paramref name="text"/>).</summary>
    public IElement Element(string selector, string? text = null) =>
        Single([.. QueryAll(selector).Where(e => text is null || NormalizedText(e).Contains(text, StringComparison.Ordinal))], text is null ? selector : $"{selector} with text \"{text}\"");

    /// <summary>The component ids an event from <paramref name="element"/> goes to: one per target, null for the view itself.</summary>
    public List<int?> ComponentTargets(IElement element, string? target)
    {
        target ??= element.GetAttribute("phx-target");
        if (target is null)
        {
            return [null];
        }

        if (target.Length == 0)
        {
            // Phoenix's client reads an empty phx-target as the closest component around the element (or the view).
            return [ComponentOf(element)];
        }

        if (int.TryParse(target, NumberStyles.Integer, CultureInfo.InvariantCulture, out var cid))
        {
            return [cid];
        }

        var targets = QueryAll(target);
        if (Body.Id is not null && Body.Matches(target))
        {
            targets.Insert(0, Body);
        }

        if (targets.Count == 0)
        {
            throw new InvalidOperationException($"The phx-target '{target}' of {Describe(element)} matches no element, so the browser would send nothing.");
        }

        return [.. targets.Select(ComponentOf)];
    }

    /// <summary>The ids of the components whose root element is in the view now.</summary>
    public HashSet<int> ComponentIds() =>
        [.. QueryAll("[data-phx-component]").Select(ComponentOf).OfType<int>()];

    /// <summary>The component id of the closest component root around <paramref name="element"/>, or null.</summary>
    public static int? ComponentOf(IElement element) =>
        element.Closest("[data-phx-component]")?.GetAttribute("data-phx-component") is { } id &&
        int.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var cid) ? cid : null;

    /// <summary>Text with runs of whitespace collapsed to one space and trimmed, as a reader sees it.</summary>
    public static string NormalizedText(IElement element) =>
        string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A short description for messages: the element's start tag.</summary>
    public static string Describe(IElement element)
    {
        var outer = element.OuterHtml;
        var end = outer.IndexOf('>', StringComparison.Ordinal);
        return end < 0 ? outer : outer[..(end + 1)];
    }

    private IElement Single(List<IElement> matches, string what) => matches.Count switch
    {
        1 => matches[0],
        0 => throw new InvalidOperationException($"No element matches '{what}'. The view's HTML:\n{Html}"),
        _ => throw new InvalidOperationException(
            $"'{what}' matches {matches.Count} elements; make it select one: {string.Join(", ", matches.Take(5).Select(Describe))}{(matches.Count > 5 ? ", …" : "")}"),
    };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_:-]*$")]
    private static partial Regex EventName();
}
