namespace Hyper.Live.Templates;

/// <summary>What the template compiler learned about one hole.</summary>
/// <param name="Context">How the hole's value is written.</param>
/// <param name="AttributeName">The attribute toggled by a <see cref="SlotContext.BooleanAttribute"/> hole.</param>
/// <param name="Location">Where an <see cref="SlotContext.Attributes"/> hole sits, for errors about the set it receives.</param>
internal readonly record struct SlotInfo(SlotContext Context, string? AttributeName = null, HoleLocation? Location = null);
