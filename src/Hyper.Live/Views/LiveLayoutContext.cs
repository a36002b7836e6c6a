
namespace Hyper.Live;

/// <summary>What a layout places in the page around a live view.</summary>
public sealed class LiveLayoutContext
{
    internal LiveLayoutContext(string? title, Html head, Html body)
    {
        Title = title;
        Head = head;
        Body = body;
    }

    /// <summary>The view's title, for the <c>&lt;title&gt;</c> element.</summary>
    public string? Title { get; }

    /// <summary>The CSRF meta tag and the client script: place inside <c>&lt;head&gt;</c>.</summary>
    public Html Head { get; }

    /// <summary>The view's container with its first render: place inside <c>&lt;body&gt;</c>.</summary>
    public Html Body { get; }
}
