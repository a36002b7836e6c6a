namespace Hyper.Live.Testing.ClientModel;

/// <summary>One <c>[domId, at, limit, updateOnly]</c> element of a stream's inserts (protocol §4.6).</summary>
/// <param name="DomId">Id of the item's root element.</param>
/// <param name="At">-1 append, 0 prepend, n insert at index n; anything else means the client never adds the element.</param>
/// <param name="Limit">Null when absent/null; positive keeps the first n children, negative the last |n|.</param>
/// <param name="UpdateOnly">Only update an existing element.</param>
internal sealed record StreamInsert(string DomId, double At, double? Limit, bool UpdateOnly);
