namespace Hyper.Live.Samples.Live.Parts;

/// <summary>What the radio page passes to its <see cref="Player"/>.</summary>
public sealed record PlayerProps(string Station);
