namespace Hyper.Live.Samples.Live.Parts;

/// <summary>A message typed into a <see cref="ChatPanel"/>, sent up to its view to broadcast.</summary>
public sealed record ChatPost(string Text);
