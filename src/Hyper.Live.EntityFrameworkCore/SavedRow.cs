namespace Hyper.Live.EntityFrameworkCore;

/// <summary>A row's values as last saved from this process, and a version counting those saves.</summary>
/// <param name="Values">The mapped properties' values, in the order of <see cref="EntityShape.Properties"/>.</param>
/// <param name="Version">Grows by one with each save.</param>
internal sealed record SavedRow(object?[] Values, long Version);
