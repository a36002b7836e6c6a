namespace Hyper.Live;

/// <summary>Input an event carried that its handler refused (the handler did not run).</summary>
/// <param name="Field">The handler parameter, and member for a record (<c>age</c>, <c>user.Age</c>).</param>
/// <param name="Message">For the person who typed it: <c>The value 'abc' is not valid for age.</c>, or the validation message.</param>
public sealed record InputError(string Field, string Message);
