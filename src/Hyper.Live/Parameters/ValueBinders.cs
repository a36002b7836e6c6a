using System.Collections.Concurrent;
using System.Globalization;

namespace Hyper.Live.Parameters;

/// <summary>
/// The <see cref="ValueBinder"/> of each type, created once and shared: strings, numbers,
/// <c>bool</c> (checkbox <c>on</c>), enums, <c>Guid</c>, dates and times, nullable forms of
/// those, arrays, lists and sets, dictionaries keyed by string, and records or classes with a public constructor.
/// </summary>
internal static class ValueBinders
{
    private const NumberStyles Integer = NumberStyles.Integer;
    private const NumberStyles Float = NumberStyles.Float;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly ConcurrentDictionary<Type, ValueBinder> Binders = new(new Dictionary<Type, ValueBinder>
    {
        [typeof(string)] = new StringBinder(),
        [typeof(bool)] = new ScalarBinder<bool>("bool", ParseBool, missing: false, hasMissing: true),
        [typeof(int)] = new ScalarBinder<int>("int", (string t, out int v) => int.TryParse(t, Integer, Invariant, out v)),
        [typeof(long)] = new ScalarBinder<long>("long", (string t, out long v) => long.TryParse(t, Integer, Invariant, out v)),
        [typeof(short)] = new ScalarBinder<short>("short", (string t, out short v) => short.TryParse(t, Integer, Invariant, out v)),
        [typeof(byte)] = new ScalarBinder<byte>("byte", (string t, out byte v) => byte.TryParse(t, Integer, Invariant, out v)),
        [typeof(uint)] = new ScalarBinder<uint>("uint", (string t, out uint v) => uint.TryParse(t, Integer, Invariant, out v)),
        [typeof(ulong)] = new ScalarBinder<ulong>("ulong", (string t, out ulong v) => ulong.TryParse(t, Integer, Invariant, out v)),
        [typeof(float)] = new ScalarBinder<float>("float", (string t, out float v) => float.TryParse(t, Float, Invariant, out v)),
        [typeof(double)] = new ScalarBinder<double>("double", (string t, out double v) => double.TryParse(t, Float, Invariant, out v)),
        [typeof(decimal)] = new ScalarBinder<decimal>("decimal", (string t, out decimal v) => decimal.TryParse(t, Float, Invariant, out v)),
        [typeof(char)] = new ScalarBinder<char>("char", (string t, out char v) => char.TryParse(t, out v)),
        [typeof(Guid)] = new ScalarBinder<Guid>("Guid", (string t, out Guid v) => Guid.TryParse(t, out v)),
        [typeof(DateTime)] = new ScalarBinder<DateTime>("DateTime", (string t, out DateTime v) => DateTime.TryParse(t, Invariant, DateTimeStyles.RoundtripKind, out v)),
        [typeof(DateTimeOffset)] = new ScalarBinder<DateTimeOffset>("DateTimeOffset", (string t, out DateTimeOffset v) => DateTimeOffset.TryParse(t, Invariant, DateTimeStyles.None, out v)),
        [typeof(DateOnly)] = new ScalarBinder<DateOnly>("DateOnly", (string t, out DateOnly v) => DateOnly.TryParse(t, Invariant, out v)),
        [typeof(TimeOnly)] = new ScalarBinder<TimeOnly>("TimeOnly", (string t, out TimeOnly v) => TimeOnly.TryParse(t, Invariant, out v)),
        [typeof(TimeSpan)] = new ScalarBinder<TimeSpan>("TimeSpan", (string t, out TimeSpan v) => TimeSpan.TryParse(t, Invariant, out v)),
    });

    /// <summary>The binder for <paramref name="type"/>; throws when values of that type cannot come from an event.</summary>
    public static ValueBinder For(Type type) => Binders.GetOrAdd(type, Create);

    public static ValueBinder<T> For<T>() => (ValueBinder<T>)For(typeof(T));

    /// <summary>A parameter's default value, with <c>default</c> of a value type made explicit (reflection reports null).</summary>
    public static object? DefaultValue(System.Reflection.ParameterInfo parameter) =>
        !parameter.HasDefaultValue ? null
        : parameter.DefaultValue ?? (parameter.ParameterType.IsValueType && Nullable.GetUnderlyingType(parameter.ParameterType) is null
            ? Activator.CreateInstance(parameter.ParameterType)
            : null);

    private static ValueBinder Create(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Make(typeof(NullableBinder<>), [underlying], For(underlying));
        }

        if (type.IsEnum)
        {
            return Make(typeof(EnumBinder<>), [type]);
        }

        if (ItemType(type) is { } item)
        {
            return (ValueBinder)typeof(ValueBinders).GetMethod(nameof(ListOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(type, item).Invoke(null, null)!;
        }

        if (DictionaryValueType(type) is { } value)
        {
            return Make(typeof(DictionaryBinder<,>), [type, value], For(value));
        }

        if (type.IsClass && !type.IsAbstract && !typeof(Delegate).IsAssignableFrom(type) && type.GetConstructors().Length > 0)
        {
            return Make(typeof(ObjectBinder<>), [type]);
        }

        throw new NotSupportedException(
            $"{type.Name} cannot be bound from an event: use a string, number, bool, enum, Guid, date, a list of those, a dictionary keyed by string, or a record or class with a public constructor.");
    }

    private static Type? ItemType(Type type)
    {
        if (type.IsArray && type.GetArrayRank() == 1)
        {
            return type.GetElementType();
        }

        if (!type.IsGenericType || type.GetGenericArguments().Length != 1)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(ICollection<>) ||
            definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>) ||
            definition == typeof(HashSet<>) || definition == typeof(ISet<>) || definition == typeof(IReadOnlySet<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    /// <summary>The value type of <c>Dictionary&lt;string, T&gt;</c> and the interfaces it implements for reading.</summary>
    private static Type? DictionaryValueType(Type type)
    {
        if (!type.IsGenericType || type.GetGenericArguments() is not [var key, var value] || key != typeof(string))
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>)
            ? value
            : null;
    }

    private static ValueBinder<TCollection> ListOf<TCollection, TItem>()
    {
        Func<List<TItem>, TCollection> create = typeof(TCollection) switch
        {
            var t when t == typeof(TItem[]) => list => (TCollection)(object)list.ToArray(),
            var t when t.IsAssignableFrom(typeof(List<TItem>)) => list => (TCollection)(object)list,
            _ => list => (TCollection)(object)new HashSet<TItem>(list),
        };
        return new ListBinder<TCollection, TItem>(For<TItem>(), create);
    }

    private static ValueBinder Make(Type generic, Type[] arguments, params object[] constructorArguments) =>
        (ValueBinder)Activator.CreateInstance(generic.MakeGenericType(arguments), constructorArguments)!;

    private static bool ParseBool(string text, out bool value)
    {
        switch (text.ToLowerInvariant())
        {
            case "true" or "on" or "1" or "yes" or "checked":
                value = true;
                return true;
            case "false" or "off" or "0" or "no" or "":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
