namespace Hyper.Live.Samples.Live.Bench;

/// <summary>A <see cref="BenchRow"/>'s row number and value.</summary>
public readonly record struct BenchRowProps(int Id, int Value);
