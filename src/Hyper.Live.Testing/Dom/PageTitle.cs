using AngleSharp.Dom;

namespace Hyper.Live.Testing.Dom;

/// <summary>
/// The page's <c>&lt;title&gt;</c> and how the client updates it from a diff's <c>"t"</c>
/// (protocol §1.1): <c>data-prefix</c> + (t, or <c>data-default</c> when t is blank) + <c>data-suffix</c>.
/// </summary>
internal sealed class PageTitle
{
    private readonly string prefix;
    private readonly string suffix;
    private readonly string? fallback;

    public PageTitle(IElement? title)
    {
        Text = title?.TextContent;
        prefix = title?.GetAttribute("data-prefix") ?? "";
        suffix = title?.GetAttribute("data-suffix") ?? "";
        fallback = title?.GetAttribute("data-default");
    }

    /// <summary>The document title, or null when the page has no <c>&lt;title&gt;</c> and none was sent.</summary>
    public string? Text { get; private set; }

    public void Update(string title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            if (fallback is null)
            {
                return; // blank and no default: the client leaves the title alone
            }

            title = fallback;
        }

        Text = prefix + title + suffix;
    }
}
