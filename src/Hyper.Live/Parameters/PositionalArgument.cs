namespace Hyper.Live.Parameters;

/// <summary>
/// One argument of a binding such as <c>search(value, 'products', {{limit}})</c>, as the client
/// sends it in <c>_args</c>: a field of the event to look up by name, or a literal.
/// </summary>
/// <param name="Field">The field to bind from (<c>value</c>, <c>name</c>), or null for a literal.</param>
/// <param name="Literal">The literal's text; null for a field, or for a <c>null</c> literal.</param>
internal sealed record PositionalArgument(string? Field, FormNode? Literal);
