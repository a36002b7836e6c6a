using AngleSharp.Dom;
using Hyper.Live.Testing.Dom;

namespace Hyper.Live.Testing;

/// <summary>
/// One live component of a page (<c>page.Component&lt;Counter&gt;("likes")</c>): its server-side instance,
/// its element, and interactions scoped to it. Selectors are read inside the component's root element.
/// </summary>
/// <typeparam name="T">The component's class.</typeparam>
public sealed class PageComponent<T>
    where T : LiveComponent
{
    private readonly LivePage page;

    internal PageComponent(LivePage page, T state)
    {
        this.page = page;
        State = state;
        Cid = state.Cid;
    }

    /// <summary>The server-side instance, for white-box assertions; read it between interactions.</summary>
    public T State { get; }

    /// <summary>Its cid: the client tags its root element with <c>data-phx-component</c> = this.</summary>
    public int Cid { get; }

    /// <summary>The CSS selector of its root element.</summary>
    public string Selector => $"[data-phx-component=\"{Cid}\"]";

    /// <summary>Its root element on the page now.</summary>
    /// <exception cref="InvalidOperationException">The component is not on the page.</exception>
    public IElement Element => page.Element(Selector);

    /// <summary>Its HTML now (the root element and what is inside).</summary>
    public string Html => Element.OuterHtml;

    /// <summary>Whether its element is on the page.</summary>
    public bool IsOnPage => page.Has(Selector);

    /// <summary>The text of the one element inside the component matching <paramref name="selector"/>.</summary>
    public string Text(string selector) => PageDocument.NormalizedText(page.Element(Within(selector)));

    /// <summary>Whether an element inside the component matches <paramref name="selector"/> (and contains <paramref name="text"/>).</summary>
    public bool Has(string selector, string? text = null) => page.Has(Within(selector), text);

    /// <summary>Clicks the element inside the component matching <paramref name="selector"/>, as <see cref="LivePage.ClickAsync"/>.</summary>
    public Task ClickAsync(string selector, object? values = null, CancellationToken cancellationToken = default) =>
        page.ClickAsync(Within(selector), values, cancellationToken);

    /// <summary>Submits the form inside the component matching <paramref name="form"/>, as <see cref="LivePage.SubmitAsync"/>.</summary>
    public Task SubmitAsync(string form, object? fields = null, CancellationToken cancellationToken = default) =>
        page.SubmitAsync(Within(form), fields, cancellationToken: cancellationToken);

    /// <summary>Sends any DOM event to the element inside the component, as <see cref="LivePage.TriggerAsync"/>.</summary>
    public Task TriggerAsync(string selector, string eventType, object? values = null, CancellationToken cancellationToken = default) =>
        page.TriggerAsync(Within(selector), eventType, values, cancellationToken);

    private string Within(string selector) => $"{Selector} {selector}";
}
