using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using System.Reflection;

namespace Hyper.Live.Parameters;

/// <summary>
/// A record or class from nested fields (<c>user[name]</c>, <c>user[age]</c>): through its
/// public constructor with the most parameters, then its other settable properties, each
/// bound by name. DataAnnotations on the properties and on the constructor's parameters (where
/// positional records put them) are validated, as is <see cref="IValidatableObject"/>.
/// Built once per type: the constructor and setters are compiled.
/// </summary>
/// <typeparam name="T">The type bound.</typeparam>
internal sealed class ObjectBinder<T> : ValueBinder<T>
    where T : class
{
    private readonly ObjectMember[] constructorMembers;
    private readonly ObjectMember[] propertyMembers;
    private readonly Func<object?[], T> construct;
    private readonly Action<T, object?>[] setters;
    private readonly bool validates;

    public ObjectBinder()
    {
        var type = typeof(T);
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"{type.Name} cannot be bound from an event: it has no public constructor.");
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var parameters = constructor.GetParameters();
        constructorMembers = parameters.Select(p =>
        {
            var property = properties.FirstOrDefault(x => string.Equals(x.Name, p.Name, StringComparison.OrdinalIgnoreCase));
            return Member(property?.Name ?? p.Name!, p.ParameterType, [.. p.GetCustomAttributes(), .. property?.GetCustomAttributes() ?? []],
                p.HasDefaultValue, ValueBinders.DefaultValue(p));
        }).ToArray();
        var settable = properties
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0 &&
                !parameters.Any(c => string.Equals(c.Name, p.Name, StringComparison.OrdinalIgnoreCase)))
            .ToArray();
        propertyMembers = settable.Select(p => Member(p.Name, p.PropertyType, [.. p.GetCustomAttributes()], false, null)).ToArray();

        var values = Expression.Parameter(typeof(object?[]), "values");
        construct = Expression.Lambda<Func<object?[], T>>(
            Expression.New(constructor, parameters.Select((p, i) => Expression.Convert(Expression.ArrayIndex(values, Expression.Constant(i)), p.ParameterType))),
            values).Compile();
        setters = settable.Select(Setter).ToArray();
        validates = typeof(IValidatableObject).IsAssignableFrom(type) ||
            constructorMembers.Concat(propertyMembers).Any(m => m.Validations.Length > 0);
    }

    public override string Expected => "fields of " + typeof(T).Name;

    public override bool ReadsFields => true;

    public override T Bind(FormNode? node, BindingScope scope)
    {
        if (node is not null && node.Fields is null)
        {
            scope.Errors.Conversion(scope.Path, scope.DisplayName, Expected, node);
            node = null;
        }

        var arguments = new object?[constructorMembers.Length];
        for (var i = 0; i < constructorMembers.Length; i++)
        {
            arguments[i] = BindMember(constructorMembers[i], node, scope);
        }

        var instance = construct(arguments);
        var values = new object?[propertyMembers.Length];
        for (var i = 0; i < propertyMembers.Length; i++)
        {
            // A property that was not sent keeps what the constructor gave it.
            if (node?.Field(propertyMembers[i].Name) is { } field)
            {
                values[i] = propertyMembers[i].Binder.Value.BindObject(field, scope.Member(propertyMembers[i].Name, propertyMembers[i].DisplayName));
                setters[i](instance, values[i]);
            }
        }

        if (validates)
        {
            Validate(instance, arguments, values, scope);
        }

        return instance;
    }

    private static object? BindMember(ObjectMember member, FormNode? node, BindingScope scope)
    {
        var field = node?.Field(member.Name);
        return field is null && member.HasDefault
            ? member.Default
            : member.Binder.Value.BindObject(field, scope.Member(member.Name, member.DisplayName));
    }

    private void Validate(T instance, object?[] arguments, object?[] values, BindingScope scope)
    {
        var results = new List<ValidationResult>();
        void Check(ObjectMember member, object? value)
        {
            var path = scope.Member(member.Name, member.DisplayName).Path;
            if (member.Validations.Length == 0 || scope.Errors.HasErrorAt(path))
            {
                return;
            }

            results.Clear();
            var context = new ValidationContext(instance) { MemberName = member.Name, DisplayName = member.DisplayName };
            if (!Validator.TryValidateValue(value, context, results, member.Validations))
            {
                foreach (var result in results)
                {
                    scope.Errors.Validation(path, result.ErrorMessage ?? $"{member.DisplayName} is not valid.");
                }
            }
        }

        for (var i = 0; i < constructorMembers.Length; i++)
        {
            Check(constructorMembers[i], arguments[i]);
        }

        for (var i = 0; i < propertyMembers.Length; i++)
        {
            Check(propertyMembers[i], values[i]);
        }

        if (instance is IValidatableObject validatable && !scope.Errors.Any)
        {
            foreach (var result in validatable.Validate(new ValidationContext(instance)))
            {
                var members = result.MemberNames.DefaultIfEmpty("");
                foreach (var member in members)
                {
                    scope.Errors.Validation(member.Length == 0 ? scope.Path : scope.Member(member, member).Path, result.ErrorMessage ?? "The value is not valid.");
                }
            }
        }
    }

    private static ObjectMember Member(string name, Type type, Attribute[] attributes, bool hasDefault, object? defaultValue)
    {
        var display = attributes.OfType<DisplayAttribute>().Select(a => a.GetName()).FirstOrDefault(n => n is not null)
            ?? attributes.OfType<DisplayNameAttribute>().Select(a => a.DisplayName).FirstOrDefault()
            ?? name;
        return new ObjectMember(name, display, new Lazy<ValueBinder>(() => ValueBinders.For(type)), hasDefault, defaultValue,
            attributes.OfType<ValidationAttribute>().Distinct().ToArray());
    }

    private static Action<T, object?> Setter(PropertyInfo property)
    {
        var instance = Expression.Parameter(typeof(T), "instance");
        var value = Expression.Parameter(typeof(object), "value");
        return Expression.Lambda<Action<T, object?>>(
            Expression.Assign(Expression.Property(instance, property), Expression.Convert(value, property.PropertyType)),
            instance, value).Compile();
    }
}
