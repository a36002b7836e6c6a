using System.Collections.Concurrent;

namespace Hyper.Live;

/// <summary>
/// Named <see cref="Shared{T}"/> values, for names known only at run time: <c>Shared.Get("chat:" + room, () =&gt; new List&lt;Line&gt;())</c>
/// gives every view of that room the same value.
/// </summary>
/// <remarks>
/// Names live as long as the process (or until <see cref="Remove"/>): build them from a bounded set (rooms, not
/// anything a browser can make up), or remove the ones that are done with.
/// </remarks>
public static class Shared
{
    private static readonly ConcurrentDictionary<string, object> Values = new(StringComparer.Ordinal);

    /// <summary>The shared value named <paramref name="name"/>, created from <paramref name="initial"/> on first use.</summary>
    /// <exception cref="InvalidOperationException">The name is already used by a value of another type.</exception>
    public static Shared<T> Get<T>(string name, Func<T> initial)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(initial);
        var value = Values.GetOrAdd(name, static (_, make) => new Shared<T>(make()), initial);
        return value as Shared<T> ?? throw new InvalidOperationException(
            $"The shared value '{name}' is a {Describe(value.GetType())}, not a {Describe(typeof(Shared<T>))}.");
    }

    /// <summary>Forgets the value named <paramref name="name"/>: the next <see cref="Get{T}"/> starts a new one. Views holding the old one keep it.</summary>
    public static bool Remove(string name) => Values.TryRemove(name, out _);

    private static string Describe(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>" : type.Name;
}
