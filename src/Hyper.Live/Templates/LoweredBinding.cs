namespace Hyper.Live.Templates;

/// <summary>
/// The markup an <c>@event</c> attribute compiles to: literal text around the holes of the
/// attribute's value, in their original order, and how each of those holes is written.
/// </summary>
/// <param name="Texts">One more than <paramref name="Holes"/>: the text before, between and after the holes.</param>
/// <param name="Holes">Per hole, where it sits.</param>
internal sealed record LoweredBinding(IReadOnlyList<string> Texts, IReadOnlyList<SlotContext> Holes);
