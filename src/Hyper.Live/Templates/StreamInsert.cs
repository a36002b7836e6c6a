namespace Hyper.Live.Templates;

/// <summary>One insert of a stream, as the client reads it: <c>[domId, at, limit, updateOnly]</c> (protocol §4.6).</summary>
/// <param name="DomId">The id of the item's root element.</param>
/// <param name="At">-1 appends, 0 prepends, n inserts at index n.</param>
/// <param name="Limit">Null, or how many children the container keeps: the first n when positive, the last |n| when negative.</param>
/// <param name="UpdateOnly">Only update an element already in the container; never add one.</param>
internal readonly record struct StreamInsert(string DomId, int At, int? Limit, bool UpdateOnly);
