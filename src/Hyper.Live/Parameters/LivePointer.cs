namespace Hyper.Live;

/// <summary>
/// Where a click happened, sent by bindings written <c>@click.pointer="…"</c> (<see cref="LiveEvent.Pointer"/>).
/// Coordinates are CSS pixels, as the browser's <c>MouseEvent</c> has them.
/// </summary>
/// <param name="ClientX">From the left of the viewport.</param>
/// <param name="ClientY">From the top of the viewport.</param>
/// <param name="PageX">From the left of the document.</param>
/// <param name="PageY">From the top of the document.</param>
/// <param name="OffsetX">From the left padding edge of the element that carries the binding (inside its border).</param>
/// <param name="OffsetY">From the top padding edge of the element that carries the binding.</param>
/// <param name="Button">Which button: 0 main (left), 1 middle, 2 secondary (right).</param>
/// <param name="Detail">The click count: 2 for the second click of a double click.</param>
/// <param name="PointerType"><c>mouse</c>, <c>pen</c> or <c>touch</c>.</param>
public readonly record struct LivePointer(
    double ClientX, double ClientY, double PageX, double PageY, double OffsetX, double OffsetY, int Button, int Detail, string PointerType);
