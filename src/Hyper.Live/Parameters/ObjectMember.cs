using System.ComponentModel.DataAnnotations;

namespace Hyper.Live.Parameters;

/// <summary>One member of a bound record or class: a constructor parameter or a settable property.</summary>
/// <param name="Name">The member's name (the property's, when one matches the parameter).</param>
/// <param name="DisplayName">The name people see in messages.</param>
/// <param name="Binder">Converts the member's field; resolved on first use, so types may refer to themselves.</param>
/// <param name="HasDefault">A constructor parameter with a default value: a missing field takes it.</param>
/// <param name="Default">That default value.</param>
/// <param name="Validations">The DataAnnotations on the property and on the constructor parameter.</param>
internal sealed record ObjectMember(string Name, string DisplayName, Lazy<ValueBinder> Binder, bool HasDefault, object? Default, ValidationAttribute[] Validations);
