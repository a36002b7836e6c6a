namespace Hyper.Live.Parameters;

/// <summary>One value that could not be bound: it did not convert, or it failed validation.</summary>
/// <param name="Path">Where, relative to the bound parameter: <c>""</c> for the parameter itself, <c>Age</c>, <c>Address.City</c>.</param>
/// <param name="Detail">For developers and error replies: <c>expected int, got 'abc'</c>, or the validation message.</param>
/// <param name="Message">For the person filling the form: <c>The value 'abc' is not valid for Age.</c></param>
internal sealed record BindingError(string Path, string Detail, string Message);
