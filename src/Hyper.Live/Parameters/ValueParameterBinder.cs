using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Hyper.Live.Parameters;

/// <summary>
/// A value parameter: converted by the type's <see cref="ValueBinder{T}"/> and validated with its
/// DataAnnotations; the first problem refuses the event. A missing field takes the parameter's default value.
/// <c>[AllowedValues("a", "b")]</c> (without its own message) restricts the value the way an enum does,
/// refused as <c>expected one of a, b, got 'c'</c>.
/// </summary>
/// <typeparam name="T">The parameter's type.</typeparam>
internal sealed class ValueParameterBinder<T> : ParameterBinder<T>
{
    private static readonly bool MayBeLeftOut =
        typeof(T) == typeof(bool) || typeof(T) == typeof(bool?) || (typeof(T) != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(typeof(T)));

    private readonly ValueSource source;
    private readonly ValueBinder<T> binder;
    private readonly bool hasDefault;
    private readonly T defaultValue;
    private readonly ValidationAttribute[] validations;
    private static readonly AllowedValuesAttribute DefaultAllowedValues = new();

    private readonly AllowedValuesAttribute? allowed;
    private readonly string allowedExpected = "";

    public ValueParameterBinder(ParameterInfo parameter, int position)
    {
        binder = ValueBinders.For<T>();
        source = new ValueSource(parameter, position, binder.ReadsFields);
        hasDefault = parameter.HasDefaultValue;
        defaultValue = hasDefault ? (T)ValueBinders.DefaultValue(parameter)! : default!;
        validations = parameter.GetCustomAttributes<ValidationAttribute>().ToArray();
        if (validations.OfType<AllowedValuesAttribute>().FirstOrDefault() is { ErrorMessageResourceName: null } values &&
            values.ErrorMessage == DefaultAllowedValues.ErrorMessage)
        {
            // Worded like an enum's refusal rather than DataAnnotations' "does not equal any of the values specified".
            allowed = values;
            allowedExpected = "one of " + string.Join(", ", values.Values.Select(v => v?.ToString() ?? "null"));
            validations = Array.FindAll(validations, v => v != values);
        }
    }

    public override bool TakesValue => true;

    /// <summary>
    /// A form sends every named input but unchecked checkboxes and empty multi-selects, so a field
    /// that the binding names by position (<c>save(name, emial)</c>) and the form did not send is a
    /// misspelt or missing input, not an empty one: null, when it is not one of those.
    /// </summary>
    private string? MissingFormField(EventContext context) =>
        context.Event.Type == "form" && !MayBeLeftOut && source.PositionalField(context.Payload) is { } field ? field : null;

    public override T Bind(EventContext context)
    {
        var node = source.Locate(context.Payload, out _);
        if (node is null && MissingFormField(context) is { } missing)
        {
            context.Fail(source.Name, $"the form sent no field '{missing}' (no input of the form is named that; misspelt?)");
            return default!;
        }

        if (node is null && hasDefault)
        {
            return defaultValue;
        }

        var errors = new BindingErrors();
        var value = binder.Bind(node, new BindingScope(errors, "", source.Name));
        if (!errors.Any && allowed is not null && !allowed.IsValid(value))
        {
            errors.Conversion("", source.Name, allowedExpected, node);
        }

        if (!errors.Any && validations.Length > 0)
        {
            var results = new List<ValidationResult>();
            var validation = new ValidationContext(context.Event) { MemberName = source.Name, DisplayName = source.Name };
            if (!Validator.TryValidateValue(value!, validation, results, validations))
            {
                errors.Validation("", results[0].ErrorMessage ?? "the value is not valid");
            }
        }

        if (errors.Any)
        {
            var error = errors.All[0];
            context.Fail(error.Path.Length == 0 || error.Path[0] == '[' ? source.Name + error.Path : source.Name + "." + error.Path, error.Detail, error.Message);
        }

        return value;
    }
}
