namespace Hyper.Live.Views;

/// <summary>
/// A live view embedded in a template: its class, its container id, its props as JSON and the id of the
/// view that embeds it (null for a root view: in a layout, or on a page that is not live).
/// </summary>
internal sealed record NestedViewRequest(Type ViewType, string Id, string? Props, string? ParentId);
