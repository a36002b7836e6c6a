namespace Hyper.Live.Samples.Live.Parts;

/// <summary>What a <see cref="TodoRow"/> shows of its todo, passed by the list.</summary>
public sealed record TodoRowProps(int Id, string Title, bool Done);
